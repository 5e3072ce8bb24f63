import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { ApiKey, ApiKeyConnection, Department, DepartmentSystem, IssuedApiKey } from './participants.model.js';
import {
  ApiKeyFilter,
  IssueApiKeyInput,
  RegisterDepartmentInput,
  RegisterSystemInput,
  RevokeApiKeyInput,
  SetSystemRateLimitInput,
} from './participants.inputs.js';
import { ParticipantsService } from './participants.service.js';
import { AnyCaller, Caller, checkPageSize, DEFAULT_PAGE_SIZE, pageSizeArg, Roles } from '@hub/subgraph';

@Resolver()
export class ParticipantsResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @AnyCaller()
  @Query(() => [Department], { description: 'Every department taking part, with its systems' })
  departments(): Promise<Department[]> {
    return this.participants.departments();
  }

  @AnyCaller()
  @Query(() => Department, { nullable: true })
  department(@Args('uscc') uscc: string): Promise<Department | null> {
    return this.participants.department(uscc.toUpperCase());
  }

  @Roles(Role.ADMIN, Role.STEWARD)
  @Query(() => ApiKeyConnection, {
    description:
      "Keys (never their secrets), a page at a time, newest first (issued_at, then id): all for an admin or a hub-wide steward, the department's for its steward; revoked and expired keys stay listed",
  })
  apiKeyPage(
    @Caller() caller: Principal,
    @Args('filter', { nullable: true }) filter?: ApiKeyFilter,
    @Args('first', pageSizeArg()) first = DEFAULT_PAGE_SIZE,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<ApiKeyConnection> {
    checkPageSize(first, 'first');
    return this.participants.keyPage(caller, filter ?? {}, first, after);
  }

  @Roles(Role.ADMIN, Role.STEWARD)
  @Query(() => [ApiKey], {
    description:
      "Keys (never their secrets): all for an admin, the department's for its steward; the newest 1,000 at most — page with apiKeyPage",
  })
  apiKeys(
    @Caller() caller: Principal,
    @Args('departmentUscc', { nullable: true }) departmentUscc?: string,
    @Args('systemCode', { nullable: true }) systemCode?: string,
  ): Promise<ApiKey[]> {
    return this.participants.keys(caller, { departmentUscc, systemCode });
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Department, { description: 'Registers a department (admins)' })
  registerDepartment(@Args('input') input: RegisterDepartmentInput, @Caller() caller: Principal): Promise<Department> {
    return this.participants.registerDepartment(input, caller);
  }

  @Roles(Role.ADMIN, Role.STEWARD)
  @Mutation(() => DepartmentSystem, {
    description: "Registers a system of a department (admins, or the department's steward)",
  })
  registerSystem(@Args('input') input: RegisterSystemInput, @Caller() caller: Principal): Promise<DepartmentSystem> {
    return this.participants.registerSystem(input, caller);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DepartmentSystem, {
    description: "Sets a system's request rate at the gateway (admins only); the gateways apply it within seconds",
  })
  setSystemRateLimit(
    @Args('input') input: SetSystemRateLimitInput,
    @Caller() caller: Principal,
  ): Promise<DepartmentSystem> {
    return this.participants.setSystemRateLimit(input, caller);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => IssuedApiKey, {
    description: 'Issues a key (admins only, never a steward); the whole key is in this answer only',
  })
  issueApiKey(@Args('input') input: IssueApiKeyInput, @Caller() caller: Principal): Promise<IssuedApiKey> {
    return this.participants.issueKey(input, caller);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes a key at once (admins only): the gateway refuses it within seconds' })
  revokeApiKey(@Args('input') input: RevokeApiKeyInput, @Caller() caller: Principal): Promise<ApiKey> {
    return this.participants.revokeKey(input, caller);
  }
}
