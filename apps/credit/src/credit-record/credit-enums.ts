import { registerEnumType } from '@nestjs/graphql';
import { IN_CREDIT_SCHEMA } from '../credit.graphql-scope.js';

/** What a credit record is: the 双公示 (licences, penalties), the red and black lists, commitments. */
export enum CreditRecordKind {
  LICENCE = 'LICENCE',
  PENALTY = 'PENALTY',
  RED_LIST = 'RED_LIST',
  BLACK_LIST = 'BLACK_LIST',
  COMMITMENT = 'COMMITMENT',
}

export enum SubjectType {
  LEGAL_ENTITY = 'LEGAL_ENTITY',
  PERSON = 'PERSON',
}

/** The state of a credit record. Which apply depends on the kind (see CreditRecordStatus docs). */
export enum CreditRecordStatus {
  /** 有效 in force */
  ACTIVE = 'ACTIVE',
  /** 撤销 revoked by the deciding authority (or on review / in court) */
  REVOKED = 'REVOKED',
  /** 移出 removed from a list */
  REMOVED = 'REMOVED',
  /** 信用修复 a penalty whose publication ended after credit repair */
  REPAIRED = 'REPAIRED',
  /** 已履行 a commitment kept */
  FULFILLED = 'FULFILLED',
  /** 违诺 a commitment broken */
  BREACHED = 'BREACHED',
}

export enum PenaltyType {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  SUSPENSION = 'SUSPENSION',
  LICENCE_REVOKED = 'LICENCE_REVOKED',
  DETENTION = 'DETENTION',
  OTHER = 'OTHER',
}

registerEnumType(CreditRecordKind, {
  ...IN_CREDIT_SCHEMA,
  name: 'CreditRecordKind',
  valuesMap: {
    LICENCE: { description: '行政许可 administrative licence' },
    PENALTY: { description: '行政处罚 administrative penalty' },
    RED_LIST: { description: '红名单 red-list (trustworthy) entry' },
    BLACK_LIST: { description: '黑名单 black-list (seriously untrustworthy) entry' },
    COMMITMENT: { description: '信用承诺 credit commitment' },
  },
});
registerEnumType(SubjectType, { ...IN_CREDIT_SCHEMA, name: 'CreditSubjectType' });
registerEnumType(CreditRecordStatus, { ...IN_CREDIT_SCHEMA, name: 'CreditRecordStatus' });
registerEnumType(PenaltyType, { ...IN_CREDIT_SCHEMA, name: 'PenaltyType' });
