import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Provenance, WriteResultOutcome } from '@hub/register';
import { IN_CREDIT_SCHEMA } from '../credit.graphql-scope.js';
import { CreditRecordKind, CreditRecordStatus, PenaltyType, SubjectType } from './credit-enums.js';

export enum AssessmentLevelEnum {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

registerEnumType(AssessmentLevelEnum, {
  ...IN_CREDIT_SCHEMA,
  name: 'CreditLevel',
  valuesMap: {
    A: { description: '守信: on a red list, nothing negative' },
    B: { description: '良好: nothing negative' },
    C: { description: '失信风险: 1–2 penalties in 3 years, or a breached commitment' },
    D: { description: '严重失信: black-listed, registration revoked, or 3+ penalties in 3 years' },
    NOT_ASSESSED: { description: 'not assessed: the legal entity is deregistered' },
  },
});

@ObjectType({ ...IN_CREDIT_SCHEMA, description: 'A credit record: licence, penalty, list entry or commitment' })
export class CreditRecord {
  @Field(() => ID, { description: 'kind:authority USCC:decision number' })
  recordId: string;

  @Field(() => CreditRecordKind)
  kind: CreditRecordKind;

  @Field(() => SubjectType)
  subjectType: SubjectType;

  @Field()
  subjectId: string;

  @Field({ nullable: true })
  subjectName?: string;

  @Field({ description: 'Decision document number (决定文书号)' })
  decisionNumber: string;

  @Field()
  title: string;

  @Field()
  authorityName: string;

  @Field()
  authorityUscc: string;

  @Field()
  decidedOn: string;

  @Field({ nullable: true })
  validFrom?: string;

  @Field({ nullable: true })
  validTo?: string;

  @Field({ nullable: true })
  content?: string;

  @Field({ nullable: true })
  legalBasis?: string;

  @Field(() => PenaltyType, { nullable: true })
  penaltyType?: PenaltyType;

  @Field({ nullable: true, description: 'Fine in yuan, exact decimal text' })
  fineAmount?: string;

  @Field(() => CreditRecordStatus)
  status: CreditRecordStatus;

  @Field({ nullable: true })
  statusEffectiveOn?: string;

  @Field({ nullable: true })
  statusReason?: string;

  @Field(() => Provenance)
  provenance: Provenance;
}

@ObjectType({ ...IN_CREDIT_SCHEMA, description: 'Why an assessment came out as it did' })
export class CreditAssessmentReason {
  @Field({
    description:
      'BLACK_LIST, REGISTRATION_REVOKED, DEREGISTERED, PENALTIES, COMMITMENT_BREACHED, RED_LIST, NO_NEGATIVE_RECORDS',
  })
  code: string;

  @Field()
  description: string;

  @Field(() => [ID], { description: 'The records behind this reason' })
  recordIds: string[];
}

@ObjectType({
  ...IN_CREDIT_SCHEMA,
  description: 'The credit assessment of a subject on a day, by a documented deterministic rule',
})
export class CreditAssessment {
  @Field(() => AssessmentLevelEnum)
  level: AssessmentLevelEnum;

  @Field(() => [CreditAssessmentReason])
  reasons: CreditAssessmentReason[];

  @Field({ description: 'The day assessed, YYYY-MM-DD' })
  asOf: string;

  @Field({ description: 'The rule that produced it (docs/credit-assessment.md)' })
  rule: string;
}

@ObjectType({ ...IN_CREDIT_SCHEMA, description: 'Everything the credit library (社会信用库) holds about one subject' })
export class CreditProfile {
  @Field(() => SubjectType)
  subjectType: SubjectType;

  @Field()
  subjectId: string;

  @Field(() => [CreditRecord], { description: '行政许可' })
  licences: CreditRecord[];

  @Field(() => [CreditRecord], { description: '行政处罚' })
  penalties: CreditRecord[];

  @Field(() => [CreditRecord], { description: '红名单 entries' })
  redListEntries: CreditRecord[];

  @Field(() => [CreditRecord], { description: '黑名单 entries' })
  blackListEntries: CreditRecord[];

  @Field(() => [CreditRecord], { description: '信用承诺' })
  commitments: CreditRecord[];

  @Field({
    nullable: true,
    description: 'Registration standing reported by the legal-entity library (legal entities only)',
  })
  registrationStanding?: string;

  @Field(() => CreditAssessment)
  assessment: CreditAssessment;
}

@ObjectType('LegalEntity', { ...IN_CREDIT_SCHEMA })
@Directive('@key(fields: "uscc")')
export class LegalEntityCredit {
  @Field(() => ID)
  uscc: string;
}

@ObjectType('Person', { ...IN_CREDIT_SCHEMA })
@Directive('@key(fields: "idNumber")')
export class PersonCredit {
  @Field(() => ID)
  idNumber: string;
}

@ObjectType({ ...IN_CREDIT_SCHEMA })
export class CreditRecordWriteResult {
  @Field(() => WriteResultOutcome)
  outcome: WriteResultOutcome;

  @Field(() => CreditRecord)
  record: CreditRecord;
}
