import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { AnyCaller, Caller, checkPageSize, DEFAULT_PAGE_SIZE, pageSizeArg, Roles } from '@hub/subgraph';
import {
  ApplyForSharingInput,
  ApproveSharingInput,
  RejectSharingInput,
  RevokeGrantInput,
  SharingApplicationFilter,
  SharingGrantFilter,
} from './sharing.inputs.js';
import {
  SharingApplication,
  SharingApplicationConnection,
  SharingGrant,
  SharingGrantConnection,
  SharingOverdueCount,
} from './sharing.model.js';
import { SharingService } from './sharing.service.js';

@Resolver()
export class SharingResolver {
  constructor(private readonly sharing: SharingService) {}

  @AnyCaller()
  @Query(() => SharingApplication, {
    nullable: true,
    description:
      "One application, if the caller may see it (the applying system and its department's stewards, the provider's stewards, the supervising department's stewards, hub-wide stewards, admins)",
  })
  sharingApplication(
    @Args('id', { type: () => ID }) id: string,
    @Caller() caller: Principal,
  ): Promise<SharingApplication | null> {
    return this.sharing.application(id, caller);
  }

  @AnyCaller()
  @Query(() => SharingApplicationConnection, {
    description:
      "A system's own applications; a department steward's department's to decide (filter.side PROVIDER, the default) or its systems' (CONSUMER); all for admins and hub-wide stewards; newest first",
  })
  sharingApplications(
    @Caller() caller: Principal,
    @Args('filter', { nullable: true }) filter?: SharingApplicationFilter,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<SharingApplicationConnection> {
    return this.sharing.applications(caller, filter ?? {}, checkPageSize(first, 'first'), after);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => SharingApplicationConnection, {
    description:
      "Applications still undecided after their deadline, most overdue first (督办): a steward's department's; every department's for admins, hub-wide stewards and the supervising department's stewards (HUB_SUPERVISING_DEPARTMENT)",
  })
  overdueSharingApplications(
    @Caller() caller: Principal,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<SharingApplicationConnection> {
    return this.sharing.applications(caller, {}, checkPageSize(first, 'first'), after, true);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => [SharingOverdueCount], {
    description:
      'Overdue applications counted per provider department, most first (督办); who sees which departments as for overdueSharingApplications',
  })
  overdueSharingApplicationCounts(@Caller() caller: Principal): Promise<SharingOverdueCount[]> {
    return this.sharing.overdueCounts(caller);
  }

  @AnyCaller()
  @Query(() => SharingGrantConnection, {
    description:
      "Grants, a page at a time, newest first (granted_at, then id): a system's own, a department steward's department's resources', all for admins and hub-wide stewards; filtered by consumer system, resource and status",
  })
  sharingGrantPage(
    @Caller() caller: Principal,
    @Args('filter', { nullable: true }) filter?: SharingGrantFilter,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<SharingGrantConnection> {
    return this.sharing.grantPage(caller, filter ?? {}, checkPageSize(first, 'first'), after);
  }

  @AnyCaller()
  @Query(() => [SharingGrant], {
    description:
      "Grants: a system's own, a steward's department's, or all (admins); the newest 1,000 at most, the rest not listed — page with sharingGrantPage",
  })
  sharingGrants(
    @Caller() caller: Principal,
    @Args('systemCode', { nullable: true }) systemCode?: string,
    @Args('resourceCode', { nullable: true }) resourceCode?: string,
  ): Promise<SharingGrant[]> {
    return this.sharing.grants(caller, { systemCode, resourceCode });
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Mutation(() => SharingApplication, {
    description:
      "A system applies for items of a conditional resource, or a department steward on behalf of one of its department's systems (input.systemCode); the answer is due in 10 working days",
  })
  applyForSharing(
    @Args('input') input: ApplyForSharingInput,
    @Caller() caller: Principal,
  ): Promise<SharingApplication> {
    return this.sharing.apply(input, caller);
  }

  @Roles(Role.STEWARD)
  @Mutation(() => SharingApplication, {
    description: "The provider's steward approves all or some items (some: with a reason); a grant is made",
  })
  approveSharingApplication(
    @Args('input') input: ApproveSharingInput,
    @Caller() caller: Principal,
  ): Promise<SharingApplication> {
    return this.sharing.approve(input, caller);
  }

  @Roles(Role.STEWARD)
  @Mutation(() => SharingApplication, { description: "The provider's steward rejects, with the reason (required)" })
  rejectSharingApplication(
    @Args('input') input: RejectSharingInput,
    @Caller() caller: Principal,
  ): Promise<SharingApplication> {
    return this.sharing.reject(input, caller);
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Mutation(() => SharingApplication, {
    description: 'The applying system, or a steward of its department, withdraws an undecided application',
  })
  withdrawSharingApplication(
    @Args('id', { type: () => ID }) id: string,
    @Caller() caller: Principal,
  ): Promise<SharingApplication> {
    return this.sharing.withdraw(id, caller);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => SharingGrant, {
    description: 'Ends a grant at once (provider steward or admin); the gateway refuses it within seconds',
  })
  revokeSharingGrant(@Args('input') input: RevokeGrantInput, @Caller() caller: Principal): Promise<SharingGrant> {
    return this.sharing.revokeGrant(input, caller);
  }
}
