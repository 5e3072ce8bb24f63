import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageInfo, MAX_CURSOR_LENGTH } from '@hub/register';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

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
}

registerEnumType(AccessOutcome, {
  ...IN_CATALOG_SCHEMA,
  name: 'AccessOutcome',
  valuesMap: {
    ALLOWED: { description: 'Served' },
    REFUSED: { description: 'Refused by the catalog policy or for lack of a valid key' },
    FAILED: { description: 'Allowed but failed (an error of the hub or of the input)' },
  },
});

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'One operation through the gateway, allowed or refused (访问记录); append-only and hash-chained' })
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

  @Field(() => [String], { description: 'Data subjects served: PERSON:<citizen ID>, LEGAL_ENTITY:<USCC>; citizen IDs other than the one asked for are masked as the reader may see them' })
  subjects: string[];

  @Field(() => AccessOutcome)
  outcome: AccessOutcome;

  @Field(() => String, { nullable: true, description: 'The error code of a refused or failed operation' })
  errorCode?: string | null;

  @Field(() => Int)
  durationMs: number;

  @Field({ description: 'hex SHA-256 of prevHash and this record' })
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

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'The outcome of recomputing the access log hash chain' })
export class AccessLogVerification {
  @Field({ description: 'True when every record checked is intact and linked' })
  ok: boolean;

  // Float: the log outgrows a 32-bit Int.
  @Field(() => Float, { description: 'Records found intact, in seq order, before the first broken one' })
  checked: number;

  @Field(() => String, { nullable: true, description: 'The first broken record (for a gap: the first missing seq)' })
  firstBrokenSeq?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is broken: changed, broken link, gap, head mismatch' })
  reason?: string | null;

  @Field({ description: 'The seq of the chain head when the verification started' })
  headSeq: string;
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

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
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
