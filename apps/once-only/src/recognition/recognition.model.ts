import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { DataSubjectType } from '../service-items/service-items.model.js';

export enum ReviewOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  valuesMap: {
    PASSED: { description: 'The check passed (通过): other departments may rely on it' },
    FAILED: { description: 'The check failed (不通过)' },
  },
});

export enum ReviewResultState {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  INVALIDATED = 'INVALIDATED',
}
registerEnumType(ReviewResultState, {
  name: 'ReviewResultState',
  valuesMap: {
    VALID: { description: 'Within its validity and not invalidated' },
    EXPIRED: { description: 'Past its validUntil day (China time)' },
    INVALIDATED: {
      description:
        'What it rested on changed (the subject died, was closed or black-listed, evidence revoked …): see invalidationCode and invalidationReason',
    },
  },
});

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: 'A material or e-licence a review result relied on, with the content hash it was checked against',
})
export class ReviewEvidence {
  @Field(() => ID)
  materialId: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the content when the result was recorded' })
  sha256: string | null;
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description:
    'A review result (审查结果): a department checked something for a subject; other departments may recognise it (互认)',
})
export class ReviewResult {
  @Field(() => ID)
  id: string;

  @Field(() => DataSubjectType)
  subjectType: DataSubjectType;

  @Field({ description: 'Citizen ID or USCC' })
  subjectId: string;

  @Field({ description: 'A result type of the recognition rules (recognitionRules)' })
  resultType: string;

  @Field()
  resultTypeName: string;

  @Field({ description: 'The service item the check was made for' })
  serviceItemCode: string;

  @Field({ description: 'The case (办件编号) it was made in' })
  caseNumber: string;

  @Field(() => ReviewOutcome)
  outcome: ReviewOutcome;

  @Field({ description: 'The department (USCC) that checked' })
  reviewingDepartment: string;

  @Field(() => String, { nullable: true, description: 'Its system that recorded the result' })
  reviewingSystem: string | null;

  @Field({ description: 'Who checked (name or staff number), as the department records it' })
  reviewer: string;

  @Field()
  reviewedAt: Date;

  @Field({ description: 'The last day the result may be relied on (inclusive, China time)' })
  validUntil: string;

  @Field(() => ReviewResultState)
  state: ReviewResultState;

  @Field(() => Date, { nullable: true })
  invalidatedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'SUBJECT_DECEASED, LEGAL_ENTITY_CLOSED, BLACK_LISTED, IDENTITY_CHANGED, EVIDENCE_REVOKED, EVIDENCE_CANCELLED, EVIDENCE_EXPIRED',
  })
  invalidationCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for a person to read: what happened, when, and the record it comes from',
  })
  invalidationReason: string | null;

  @Field()
  recordedAt: Date;
}
