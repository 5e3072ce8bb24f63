import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@hub/register';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

export enum SharingApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SharingApplicationStatus, { name: 'SharingApplicationStatus' });

export enum SharingGrantStatus {
  ACTIVE = 'ACTIVE',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(SharingGrantStatus, { name: 'SharingGrantStatus' });

/** Which side of its applications a department steward lists. */
export enum SharingApplicationSide {
  PROVIDER = 'PROVIDER',
  CONSUMER = 'CONSUMER',
}
registerEnumType(SharingApplicationSide, {
  name: 'SharingApplicationSide',
  valuesMap: {
    PROVIDER: {
      description: "The applications the steward's department provides the data of, and decides (its inbox)",
    },
    CONSUMER: { description: "The applications the steward's department's systems made" },
  },
});

export enum DeadlineChangeCause {
  NOTICE = 'NOTICE',
  CALENDAR = 'CALENDAR',
}
registerEnumType(DeadlineChangeCause, {
  name: 'SharingDeadlineChangeCause',
  valuesMap: {
    NOTICE: { description: "A year's State Council notice was entered or corrected (noticeYear, noticeVersion)" },
    CALENDAR: {
      description:
        'The catalog started with another calendar than the one the deadline was counted with (a new calendar file, statutory holidays applied)',
    },
  },
});

@ObjectType({ ...IN_CATALOG_SCHEMA, description: "A sharing application's deadline counted again" })
export class SharingDeadlineChange {
  @Field()
  previousDeadline: string;

  @Field()
  previousProvisional: boolean;

  @Field()
  deadline: string;

  @Field()
  provisional: boolean;

  @Field(() => DeadlineChangeCause)
  cause: DeadlineChangeCause;

  @Field(() => Int, { nullable: true })
  noticeYear: number | null;

  @Field(() => Int, { nullable: true })
  noticeVersion: number | null;

  @Field()
  changedAt: Date;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A sharing application (共享申请) and its decision' })
export class SharingApplication {
  @Field(() => ID)
  id: string;

  @Field()
  resourceCode: string;

  @Field({ description: 'The provider department, which decides' })
  providerUscc: string;

  @Field()
  consumerSystemCode: string;

  @Field()
  consumerDepartmentUscc: string;

  @Field(() => [Int], { description: 'Item numbers asked for' })
  items: number[];

  @Field({ description: 'Why the data is needed (用途), ≤ 200 characters' })
  purpose: string;

  @Field({ description: 'The law or regulation the use rests on' })
  legalBasis: string;

  @Field()
  requestedFrom: string;

  @Field()
  requestedTo: string;

  @Field({ description: 'Asks for unmasked values of sensitive items' })
  fullValues: boolean;

  @Field(() => SharingApplicationStatus)
  status: SharingApplicationStatus;

  @Field()
  submittedAt: Date;

  @Field({ description: 'The last day an answer is on time: 10 working days after submission (China Standard Time)' })
  deadline: string;

  @Field({
    description:
      'True while a day counted falls in a year whose State Council notice (调休) is not entered: that year counts only its statutory holidays, and the deadline is counted again when the notice is entered',
  })
  deadlineProvisional: boolean;

  @Field(() => [SharingDeadlineChange], { description: 'Each time the deadline was counted again, oldest first' })
  deadlineChanges: SharingDeadlineChange[];

  @Field({ description: 'Still undecided after its deadline (for supervision, 督办)' })
  overdue: boolean;

  @Field(() => Int, {
    description:
      "Working days from today (China Standard Time) to the deadline by the hub's working-day calendar: 0 on the deadline itself, negative when past it (at least -1 the day after)",
  })
  workingDaysLeft: number;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Key id of the deciding steward' })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a rejection and for a partial approval' })
  decisionReason: string | null;

  @Field(() => [Int], { nullable: true })
  approvedItems: number[] | null;

  @Field(() => ID, { nullable: true })
  grantId: string | null;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'What an approval gives: a system may read these items, for this purpose, in this period',
})
export class SharingGrant {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  applicationId: string;

  @Field()
  resourceCode: string;

  @Field()
  providerUscc: string;

  @Field()
  consumerSystemCode: string;

  @Field(() => [Int])
  items: number[];

  @Field()
  purpose: string;

  @Field({ description: 'Unmasked values of sensitive items' })
  fullValues: boolean;

  @Field()
  validFrom: string;

  @Field()
  validTo: string;

  @Field(() => SharingGrantStatus)
  status: SharingGrantStatus;

  @Field()
  grantedAt: Date;

  @Field()
  grantedBy: string;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy: string | null;

  @Field(() => String, { nullable: true })
  revokeReason: string | null;
}

@ObjectType({ ...IN_CATALOG_SCHEMA })
export class SharingApplicationConnection {
  @Field(() => [SharingApplication])
  nodes: SharingApplication[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ ...IN_CATALOG_SCHEMA })
export class SharingGrantConnection {
  @Field(() => [SharingGrant])
  nodes: SharingGrant[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: "A provider department's applications undecided past their deadline (督办)",
})
export class SharingOverdueCount {
  @Field({ description: 'The provider department, which should have decided' })
  departmentUscc: string;

  @Field(() => Int)
  count: number;

  @Field({ description: 'The earliest deadline missed' })
  earliestDeadline: string;
}
