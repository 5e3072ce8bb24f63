// Supervision (督办) of data corrections across departments: the supervising department's stewards
// (the data bureau, HUB_SUPERVISING_DEPARTMENT — the same variable the catalog's access log and
// sharing applications use) see every department's overdue reports, and how many each department
// has; they answer none of them (answering stays with the source department).
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { Caller, Roles, SupervisionConfig, supervisesEveryDepartment } from '@hub/subgraph';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { DataCorrectionRepository } from './data-correction.repository.js';

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: "A source department's data corrections unanswered past their deadline (督办)",
})
export class DataCorrectionOverdueCount {
  @Field({ description: 'The source department, which should have answered' })
  departmentUscc: string;

  @Field(() => Int)
  count: number;

  @Field({ description: 'The earliest deadline missed' })
  earliestDeadline: string;
}

@Resolver()
export class CorrectionSupervisionResolver {
  constructor(
    private readonly corrections: DataCorrectionRepository,
    private readonly config: SupervisionConfig,
  ) {}

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => [DataCorrectionOverdueCount], {
    description:
      "Corrections unanswered past their deadline counted per source department, most first (督办): a steward's own department's; every department's for admins, hub-wide stewards and the supervising department's stewards",
  })
  async overdueDataCorrectionCounts(@Caller() caller: Principal): Promise<DataCorrectionOverdueCount[]> {
    const rows = await this.corrections.overdueCounts(
      chinaDate(new Date()),
      supervisesEveryDepartment(caller, this.config) ? undefined : (caller.departmentUscc ?? ''),
    );
    return rows.map((r) => ({ departmentUscc: r.department, count: r.count, earliestDeadline: r.earliest }));
  }
}
