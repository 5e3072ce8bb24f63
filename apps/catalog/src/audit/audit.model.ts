import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo, CursorField } from '@hub/register';
import { DEFAULT_PAGE_SIZE, PageSizeField } from '@hub/subgraph';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';
import { AccessLogProblemCode } from './access-log-problem.js';

export enum AccessSubjectType {
  PERSON = 'PERSON',
  LEGAL_ENTITY = 'LEGAL_ENTITY',
}

registerEnumType(AccessSubjectType, {
  ...IN_CATALOG_SCHEMA,
  name: 'AccessSubjectType',
  description: 'Whose data an access record names',
  valuesMap: {
    PERSON: { description: 'A citizen, by citizen ID' },
    LEGAL_ENTITY: { description: 'A legal entity, by USCC' },
  },
});

export enum AccessOutcome {
  ALLOWED = 'ALLOWED',
  REFUSED = 'REFUSED',
  FAILED = 'FAILED',
  INTENDED = 'INTENDED',
}

registerEnumType(AccessOutcome, {
  ...IN_CATALOG_SCHEMA,
  name: 'AccessOutcome',
  valuesMap: {
    ALLOWED: { description: 'Served' },
    REFUSED: { description: 'Refused by the catalog policy or for lack of a valid key' },
    FAILED: { description: 'Allowed but failed (an error of the hub or of the input)' },
    INTENDED: {
      description:
        'A write, recorded before it was sent to its library; the record of its outcome (same requestId) follows. Without one, the outcome could not be recorded and the write may have been made',
    },
  },
});

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'One operation through the gateway, allowed or refused (访问记录); append-only and hash-chained',
})
export class AccessRecord {
  @Field({ description: 'Position in the access log (a 64-bit number, as text)' })
  seq: string;

  @Field({ description: 'When the hub recorded it' })
  recordedAt: Date;

  @Field()
  requestId: string;

  @Field(() => String, { nullable: true, description: 'The calling department system' })
  systemCode?: string | null;

  @Field(() => String, { nullable: true, description: 'USCC of the calling department' })
  departmentUscc?: string | null;

  @Field(() => String, { nullable: true, description: 'Who holds the key that was used' })
  holderName?: string | null;

  @Field(() => [String])
  roles: string[];

  @Field(() => String, { nullable: true, description: 'Why the caller said it read the data' })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'The case or service-item number the access served (办件编号)' })
  caseNumber?: string | null;

  @Field({ description: 'query, mutation or ingest' })
  operationType: string;

  @Field(() => String, { nullable: true })
  operationName?: string | null;

  @Field(() => [String], { description: '`Type.field` coordinates the operation touched' })
  fields: string[];

  @Field(() => [String], {
    description:
      'Data subjects served: PERSON:<citizen ID>, LEGAL_ENTITY:<USCC>; citizen IDs other than the one asked for are masked as the reader may see them',
  })
  subjects: string[];

  @Field(() => AccessOutcome)
  outcome: AccessOutcome;

  @Field(() => String, { nullable: true, description: 'The error code of a refused or failed operation' })
  errorCode?: string | null;

  @Field(() => Int)
  durationMs: number;

  @Field({
    description:
      'hex HMAC-SHA256 under the hub’s audit key of prevHash and this record (records chained before the log was keyed: SHA-256)',
  })
  hash: string;

  @Field({ description: 'The hash of the record before (64 zeros for the first)' })
  prevHash: string;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A page of access records, newest first' })
export class AccessRecordConnection {
  @Field(() => [AccessRecord])
  nodes: AccessRecord[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

registerEnumType(AccessLogProblemCode, {
  ...IN_CATALOG_SCHEMA,
  name: 'AccessLogProblemCode',
  description: 'What verifyAccessLog found wrong with the access log',
  valuesMap: {
    CHAIN_GAP: { description: 'Records are missing (deleted): between two others, or before the head' },
    CHAIN_LINK_BROKEN: {
      description: 'A record’s prevHash is not the previous record’s hash: records removed or inserted',
    },
    RECORD_CHANGED: {
      description:
        'A record does not match its keyed MAC: rewritten, or its hash recomputed without the audit key (plain SHA-256 or another key)',
    },
    HEAD_MISMATCH: { description: 'The chain head does not match the last record' },
    BEYOND_HEAD: { description: 'A record lies beyond the chain head: not appended through the log' },
    TRUNCATED: {
      description: 'Records a checkpoint sealed are gone: the newest records deleted and the head moved back',
    },
    CHECKPOINT_MISMATCH: {
      description:
        'The record a checkpoint sealed has another hash now: rewritten with recomputed hashes, or rewound and appended again',
    },
    CHECKPOINT_INVALID: {
      description:
        'A line of the checkpoint file is not a valid checkpoint of this hub: forged, signed with another key, or malformed',
    },
  },
});

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'One thing verifyAccessLog found wrong' })
export class AccessLogProblem {
  @Field(() => AccessLogProblemCode)
  code: AccessLogProblemCode;

  @Field(() => String, {
    nullable: true,
    description: 'The first record concerned (for a gap: the first missing seq); null for a forged checkpoint',
  })
  seq?: string | null;

  @Field({ description: 'What is wrong, for a person: which records, which checkpoint, when' })
  reason: string;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description:
    'A signed checkpoint of the access log, written outside the database (the checkpoint file, the access-record topic)',
})
export class AccessLogCheckpoint {
  @Field({ description: 'Its number: one sequence over every catalog instance' })
  no: string;

  @Field({ description: 'The last record it sealed' })
  headSeq: string;

  @Field({ description: 'That record’s hash when sealed' })
  headHash: string;

  @Field({ description: 'When it was taken' })
  time: Date;

  @Field({ description: 'The catalog process that wrote it' })
  instance: string;

  @Field({ description: 'interval or shutdown' })
  reason: string;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'The outcome of recomputing the access log chain and comparing it with its checkpoints',
})
export class AccessLogVerification {
  @Field({
    description:
      'True when every record checked is intact and linked, and (for a range reaching the head) the head and the checkpoints agree with the log',
  })
  ok: boolean;

  // Float: the log outgrows a 32-bit Int.
  @Field(() => Float, { description: 'Records found intact, in seq order, before the first broken one' })
  checked: number;

  @Field(() => Float, {
    description:
      'Of those, records chained before the log was keyed (plain SHA-256): intact as far as a SHA-256 chain can tell, but anyone with database access could have recomputed them',
  })
  unkeyed: number;

  @Field(() => String, {
    nullable: true,
    description: 'The first broken record (for a gap: the first missing seq); null when nothing or no record is broken',
  })
  firstBrokenSeq?: string | null;

  @Field(() => AccessLogProblemCode, { nullable: true, description: 'The code of the first problem' })
  code?: AccessLogProblemCode | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, for the first problem: changed, broken link, gap, head mismatch, truncated/rewound, rewritten, forged checkpoint',
  })
  reason?: string | null;

  @Field(() => [AccessLogProblem], {
    description:
      'Every problem found: the first broken record (the chain is not walked past it), then the head and the checkpoints',
  })
  problems: AccessLogProblem[];

  @Field({ description: 'The seq of the chain head when the verification started' })
  headSeq: string;

  @Field(() => AccessLogCheckpoint, {
    nullable: true,
    description:
      'The newest valid checkpoint the catalog knows (from its checkpoint file, or the last it wrote); null when there is none yet',
  })
  checkpoint?: AccessLogCheckpoint | null;

  @Field(() => Int, {
    description: 'How many valid checkpoints the log was compared with (0 when the range does not reach the head)',
  })
  checkpointsChecked: number;

  @Field({
    description:
      'The Ed25519 public key (raw, base64url) that verifies this hub’s checkpoints, for checking them outside the hub',
  })
  checkpointPublicKey: string;
}

@ArgsType({ ...IN_CATALOG_SCHEMA })
export class AccessLogArgs {
  @Field(() => AccessSubjectType)
  @IsEnum(AccessSubjectType)
  subjectType: AccessSubjectType;

  @Field({ description: 'The citizen ID or USCC' })
  @IsString()
  @MaxLength(40)
  subjectId: string;

  @PageSizeField()
  first: number = DEFAULT_PAGE_SIZE;

  @CursorField()
  after?: string;
}

@ArgsType({ ...IN_CATALOG_SCHEMA })
export class VerifyAccessLogArgs {
  @Field({ nullable: true, description: 'The first seq to check (default 1); the record before it is trusted' })
  @IsOptional()
  @IsString()
  @MaxLength(19)
  fromSeq?: string;

  @Field({ nullable: true, description: 'The last seq to check (default: the head, which is then checked too)' })
  @IsOptional()
  @IsString()
  @MaxLength(19)
  toSeq?: string;
}
