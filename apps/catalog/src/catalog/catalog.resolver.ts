import { Args, Int, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { AnyCaller, Caller, checkPageSize, DEFAULT_PAGE_SIZE, pageSizeArg, Roles } from '@hub/subgraph';
import { requireStewardOf } from '../access-guard.js';
import {
  CatalogChangeImpact,
  CatalogResource,
  CatalogResourceConnection,
  CatalogResourceVersion,
} from './catalog.model.js';
import {
  CatalogChangeKind,
  CatalogOrderBy,
  CatalogResourceInput,
  CatalogSearchFilter,
  UpdateCatalogResourceInput,
} from './catalog.inputs.js';
import { CatalogService } from './catalog.service.js';

@Resolver(() => CatalogResource)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @AnyCaller()
  @Query(() => CatalogResource, { nullable: true, description: 'One catalog resource by code, in any status' })
  catalogResource(@Args('code') code: string): Promise<CatalogResource | null> {
    return this.catalog.resource(code);
  }

  @AnyCaller()
  @Query(() => CatalogResourceConnection, {
    description:
      'Search the catalog (published resources unless a status is given); ordered by code unless orderBy says otherwise',
  })
  searchCatalog(
    @Args('filter', { nullable: true }) filter?: CatalogSearchFilter,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true, description: 'A cursor handed out with the same orderBy' }) after?: string,
    @Args('orderBy', { nullable: true, type: () => CatalogOrderBy }) orderBy?: CatalogOrderBy,
  ): Promise<CatalogResourceConnection> {
    checkPageSize(first, 'first');
    return this.catalog.search(filter ?? {}, first, after, orderBy);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => CatalogChangeImpact, {
    description:
      'What publishing, changing (with the update about to be sent) or retiring a resource would do to its grants, before doing it (a steward of the provider department)',
  })
  catalogChangeImpact(
    @Args('code') code: string,
    @Args('change', { type: () => CatalogChangeKind }) change: CatalogChangeKind,
    @Caller() caller: Principal,
    @Args('update', {
      nullable: true,
      type: () => UpdateCatalogResourceInput,
      description: 'For UPDATE: the input updateCatalogResource would get',
    })
    update?: UpdateCatalogResourceInput,
  ): Promise<CatalogChangeImpact> {
    return this.catalog.changeImpact(code, change, update, (provider) => requireStewardOf(caller, provider));
  }

  @ResolveField(() => [CatalogResourceVersion], { description: 'Every version, newest first: who changed what, when' })
  history(@Parent() resource: CatalogResource): Promise<CatalogResourceVersion[]> {
    return this.catalog.history(resource.code);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => CatalogResource, { description: 'Drafts a new resource (a steward of the provider department)' })
  createCatalogResource(
    @Args('input') input: CatalogResourceInput,
    @Caller() caller: Principal,
  ): Promise<CatalogResource> {
    return this.catalog.create(input, requireStewardOf(caller, input.providerUscc));
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => CatalogResource, {
    description: 'Changes a draft or published resource; a published one must stay sound',
  })
  updateCatalogResource(
    @Args('input') input: UpdateCatalogResourceInput,
    @Caller() caller: Principal,
  ): Promise<CatalogResource> {
    return this.catalog.update(input, caller, (provider) => requireStewardOf(caller, provider));
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => CatalogResource, { description: 'Publishes a draft: its items start governing their fields' })
  publishCatalogResource(
    @Args('code') code: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Caller() caller: Principal,
  ): Promise<CatalogResource> {
    return this.catalog.publish(code, expectedVersion, caller, (provider) => requireStewardOf(caller, provider));
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => CatalogResource, {
    description: 'Retires a published resource: its fields are refused until another item governs them',
  })
  retireCatalogResource(
    @Args('code') code: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Caller() caller: Principal,
  ): Promise<CatalogResource> {
    return this.catalog.retire(code, expectedVersion, caller, (provider) => requireStewardOf(caller, provider));
  }
}
