// Supervision (督办) of data corrections across departments: the supervising department's stewards
// (the data bureau, HUB_SUPERVISING_DEPARTMENT — the same variable the catalog's access log and
// sharing applications use) see every department's overdue reports, and how many each department
// has; they answer none of them (answering stays with the source department).
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, type Principal } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { Caller, Roles, SupervisionConfig, supervisesEveryDepartment } from '@hub/subgraph';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { DataCorrectionRow } from './correction.entities.js';
import { DataCorrectionStatus } from './correction.model.js';

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: "A source department's data corrections unanswered past their deadline (督办)" })
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: SupervisionConfig,
  ) {}

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => [DataCorrectionOverdueCount], {
    description:
      "Corrections unanswered past their deadline counted per source department, most first (督办): a steward's own department's; every department's for admins, hub-wide stewards and the supervising department's stewards",
  })
  async overdueDataCorrectionCounts(@Caller() caller: Principal): Promise<DataCorrectionOverdueCount[]> {
    const qb = this.dataSource
      .getRepository(DataCorrectionRow)
      .createQueryBuilder('c')
      .select('c.source_department', 'department')
      .addSelect('COUNT(*)::int', 'count')
      .addSelect('MIN(c.deadline)::text', 'earliest')
      .where('c.status = :routed', { routed: DataCorrectionStatus.ROUTED })
      .andWhere('c.deadline < CAST(:today AS date)', { today: chinaDate(new Date()) })
      .groupBy('c.source_department')
      .orderBy('count', 'DESC')
      .addOrderBy('department', 'ASC');
    if (!supervisesEveryDepartment(caller, this.config)) qb.andWhere('c.source_department = :department', { department: caller.departmentUscc ?? '' });
    const rows = await qb.getRawMany<{ department: string; count: number; earliest: string }>();
    return rows.map((r) => ({ departmentUscc: r.department, count: Number(r.count), earliestDeadline: r.earliest }));
  }
}
