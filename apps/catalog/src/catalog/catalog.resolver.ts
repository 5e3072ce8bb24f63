import { Args, Context, Int, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import type { HubContext } from '@hub/subgraph';
import { InputError, principalOf } from '@hub/subgraph';
import { requireStewardOf } from '../access-guard.js';
import { CatalogResource, CatalogResourceConnection, CatalogResourceVersion } from './catalog.model.js';
import { CatalogResourceInput, CatalogSearchFilter, UpdateCatalogResourceInput } from './catalog.inputs.js';
import { CatalogService } from './catalog.service.js';

@Resolver(() => CatalogResource)
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => CatalogResource, { nullable: true, description: 'One catalog resource by code, in any status' })
  catalogResource(@Args('code') code: string, @Context() context: HubContext): Promise<CatalogResource | null> {
    principalOf(context);
    return this.catalog.resource(code);
  }

  @Query(() => CatalogResourceConnection, { description: 'Search the catalog (published resources unless a status is given); ordered by code' })
  searchCatalog(
    @Context() context: HubContext,
    @Args('filter', { nullable: true }) filter?: CatalogSearchFilter,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1–100' }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<CatalogResourceConnection> {
    principalOf(context);
    if (first < 1 || first > 100) throw new InputError([{ field: 'first', code: 'OUT_OF_RANGE', message: 'must be between 1 and 100' }]);
    return this.catalog.search(filter ?? {}, first, after);
  }

  @ResolveField(() => [CatalogResourceVersion], { description: 'Every version, newest first: who changed what, when' })
  history(@Parent() resource: CatalogResource): Promise<CatalogResourceVersion[]> {
    return this.catalog.history(resource.code);
  }

  @Mutation(() => CatalogResource, { description: 'Drafts a new resource (a steward of the provider department)' })
  createCatalogResource(@Args('input') input: CatalogResourceInput, @Context() context: HubContext): Promise<CatalogResource> {
    return this.catalog.create(input, requireStewardOf(context, input.providerUscc));
  }

  @Mutation(() => CatalogResource, { description: 'Changes a draft or published resource; a published one must stay sound' })
  updateCatalogResource(@Args('input') input: UpdateCatalogResourceInput, @Context() context: HubContext): Promise<CatalogResource> {
    return this.catalog.update(input, principalOf(context), (provider) => requireStewardOf(context, provider));
  }

  @Mutation(() => CatalogResource, { description: 'Publishes a draft: its items start governing their fields' })
  publishCatalogResource(
    @Args('code') code: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Context() context: HubContext,
  ): Promise<CatalogResource> {
    return this.catalog.publish(code, expectedVersion, principalOf(context), (provider) => requireStewardOf(context, provider));
  }

  @Mutation(() => CatalogResource, { description: 'Retires a published resource: its fields are refused until another item governs them' })
  retireCatalogResource(
    @Args('code') code: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Context() context: HubContext,
  ): Promise<CatalogResource> {
    return this.catalog.retire(code, expectedVersion, principalOf(context), (provider) => requireStewardOf(context, provider));
  }
}
