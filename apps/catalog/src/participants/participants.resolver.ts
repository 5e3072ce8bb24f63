import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@hub/auth';
import type { HubContext } from '@hub/subgraph';
import { ApiKey, Department, DepartmentSystem, IssuedApiKey } from './participants.model.js';
import { IssueApiKeyInput, RegisterDepartmentInput, RegisterSystemInput, RevokeApiKeyInput } from './participants.inputs.js';
import { ParticipantsService } from './participants.service.js';
import { principalOf, requireRole } from '@hub/subgraph';

@Resolver()
export class ParticipantsResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @Query(() => [Department], { description: 'Every department taking part, with its systems' })
  departments(@Context() context: HubContext): Promise<Department[]> {
    principalOf(context);
    return this.participants.departments();
  }

  @Query(() => Department, { nullable: true })
  department(@Args('uscc') uscc: string, @Context() context: HubContext): Promise<Department | null> {
    principalOf(context);
    return this.participants.department(uscc.toUpperCase());
  }

  @Query(() => [ApiKey], { description: 'Keys (never their secrets): all for an admin, the department\'s for its steward' })
  apiKeys(
    @Context() context: HubContext,
    @Args('departmentUscc', { nullable: true }) departmentUscc?: string,
    @Args('systemCode', { nullable: true }) systemCode?: string,
  ): Promise<ApiKey[]> {
    return this.participants.keys(requireRole(context, Role.ADMIN, Role.STEWARD), { departmentUscc, systemCode });
  }

  @Mutation(() => Department, { description: 'Registers a department (admins)' })
  registerDepartment(@Args('input') input: RegisterDepartmentInput, @Context() context: HubContext): Promise<Department> {
    return this.participants.registerDepartment(input, principalOf(context));
  }

  @Mutation(() => DepartmentSystem, { description: 'Registers a system of a department (admins, or the department\'s steward)' })
  registerSystem(@Args('input') input: RegisterSystemInput, @Context() context: HubContext): Promise<DepartmentSystem> {
    return this.participants.registerSystem(input, principalOf(context));
  }

  @Mutation(() => IssuedApiKey, { description: 'Issues a key (admins only, never a steward); the whole key is in this answer only' })
  issueApiKey(@Args('input') input: IssueApiKeyInput, @Context() context: HubContext): Promise<IssuedApiKey> {
    return this.participants.issueKey(input, requireRole(context, Role.ADMIN));
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once (admins only): the gateway refuses it within seconds' })
  revokeApiKey(@Args('input') input: RevokeApiKeyInput, @Context() context: HubContext): Promise<ApiKey> {
    return this.participants.revokeKey(input, requireRole(context, Role.ADMIN));
  }
}
