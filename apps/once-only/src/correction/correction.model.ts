import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@hub/register';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { DataSubjectType } from '../service-items/service-items.model.js';

export enum DataCorrectionStatus {
  ROUTED = 'ROUTED',
  ACCEPTED = 'ACCEPTED',
  CORRECTED = 'CORRECTED',
  REJECTED = 'REJECTED',
}
registerEnumType(DataCorrectionStatus, {
  name: 'DataCorrectionStatus',
  valuesMap: {
    ROUTED: { description: 'With the source department, awaiting its correction or its answer' },
    ACCEPTED: {
      description:
        'The source department accepted the report (受理): answered on time, its record to be corrected by its own system; CORRECTED when the change event carries the field',
    },
    CORRECTED: { description: "The source corrected the record: the library's change event carried the field" },
    REJECTED: { description: 'The source department holds the record right, and said why' },
  },
});

export enum DataCorrectionRole {
  REPORTED = 'REPORTED',
  TO_ANSWER = 'TO_ANSWER',
}
registerEnumType(DataCorrectionRole, {
  name: 'DataCorrectionRole',
  valuesMap: {
    REPORTED: { description: "Those the caller's department reported" },
    TO_ANSWER: { description: "Those routed to the caller's department as the records' source" },
  },
});

export enum DeadlineChangeCause {
  NOTICE = 'NOTICE',
  CALENDAR = 'CALENDAR',
}
registerEnumType(DeadlineChangeCause, {
  name: 'CorrectionDeadlineChangeCause',
  valuesMap: {
    NOTICE: {
      description: "A year's State Council notice was entered or corrected in the catalog (noticeYear, noticeVersion)",
    },
    CALENDAR: {
      description:
        'The app started with another calendar than the one the deadline was counted with (a new calendar file, statutory holidays applied)',
    },
  },
});

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: "A data correction's deadline counted again" })
export class CorrectionDeadlineChange {
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

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description:
    'A data correction (校核纠错): a value reported wrong, routed to the source department of the record (一数一源)',
})
export class DataCorrection {
  @Field(() => ID)
  id: string;

  @Field(() => DataSubjectType)
  subjectType: DataSubjectType;

  @Field({ description: 'Citizen ID or USCC' })
  subjectId: string;

  @Field({ description: 'The graph field reported, e.g. Person.name' })
  field: string;

  @Field(() => String, {
    nullable: true,
    description: 'The value the reporter was served, as it saw it (possibly masked)',
  })
  reportedValue: string | null;

  @Field(() => String, { nullable: true, description: 'The value the reporter believes right' })
  proposedValue: string | null;

  @Field()
  reason: string;

  @Field(() => [ID], { description: "Materials of the subject's archive supporting the report" })
  evidence: string[];

  @Field({ description: 'USCC of the reporting department' })
  reporterDepartment: string;

  @Field(() => String, { nullable: true, description: 'The reporting system' })
  reporterSystem: string | null;

  @Field()
  reportedAt: Date;

  @Field({ description: "USCC of the record's source department (数源部门), which answers" })
  sourceDepartment: string;

  @Field(() => String, { nullable: true })
  sourceSystem: string | null;

  @Field({
    description:
      'The last day an answer is on time: DATA_CORRECTION_WORKING_DAYS (default 5) working days after the report day (China Standard Time)',
  })
  deadline: string;

  @Field({
    description:
      'True while a day counted falls in a year whose State Council notice (调休) the hub does not hold: that year counts only its statutory holidays, and the deadline is counted again when the notice is entered',
  })
  deadlineProvisional: boolean;

  @Field(() => [CorrectionDeadlineChange], { description: 'Each time the deadline was counted again, oldest first' })
  deadlineChanges: CorrectionDeadlineChange[];

  @Field({ description: 'Still ROUTED after its deadline (for supervision, 督办)' })
  overdue: boolean;

  // Resolved per field (CorrectionFieldsResolver): it needs the working-day calendar in force.
  @Field(() => Int, {
    description:
      "Working days left to answer by the deadline, counted with the hub's working-day calendar as the deadline is (today, China Standard Time, not counted): 0 on the deadline day, negative when past it (whatever the status: the page shows it for open reports)",
  })
  workingDaysLeft?: number;

  @Field(() => DataCorrectionStatus)
  status: DataCorrectionStatus;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the source rejected the report; or its note when it accepted it (受理)',
  })
  resolutionReason: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'CORRECTED: the new value as the change event carried it — text for a one-key field; for a field held as several keys (an address and its division) a JSON object of the keys that changed; cut at 500 characters',
  })
  correctedValue: string | null;

  @Field(() => String, {
    nullable: true,
    description: "CORRECTED: the id of the library's change event that carried the correction",
  })
  correctionEvent: string | null;

  @Field(() => Int, { nullable: true, description: 'CORRECTED: the record version that change made' })
  correctionVersion: number | null;
}

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA })
export class DataCorrectionConnection {
  @Field(() => [DataCorrection])
  nodes: DataCorrection[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
