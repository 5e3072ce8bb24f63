import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDay } from '@hub/subgraph';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { MaterialEndStatus, MaterialKind } from './archive.model.js';

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class FileMaterialInput {
  @Field({ description: 'Whose: a citizen ID or a USCC the hub knows from its base libraries' })
  @IsString()
  @MaxLength(40)
  subject: string;

  @Field(() => MaterialKind)
  @IsEnum(MaterialKind)
  kind: MaterialKind;

  @Field({ description: 'A type of materialTypes of this kind, for this kind of subject' })
  @IsString()
  @MaxLength(64)
  materialType: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field({
    nullable: true,
    description:
      'E-licences (required): the identifier (GB/T 36904); its issuer is the filing department. Materials: absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  licenceId?: string;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  @IsDay()
  issuedOn: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, last day of validity; absent: no end' })
  @IsOptional()
  @IsDay()
  validUntil?: string;

  @Field({
    nullable: true,
    description: 'SHA-256 (64 lower-case hex) of the content to be uploaded: the upload must match it',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'INVALID_FORMAT: 64 lower-case hexadecimal characters' })
  contentSha256?: string;

  @Field({ nullable: true, description: 'The case (办件编号) it came with' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}\-_/.:()（）〔〕[\]]{1,64}$/u, {
    message: 'INVALID_FORMAT: 1–64 letters, digits and - _ / . : ( ) [ ]',
  })
  caseNumber?: string;

  @Field({ nullable: true, description: 'The service item it came with (serviceItems)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  serviceItemCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A VALID material of the same subject and type that this one replaces (it becomes SUPERSEDED)',
  })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
}

@InputType({ ...IN_ONCE_ONLY_SCHEMA })
export class ChangeMaterialStatusInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => MaterialEndStatus)
  @IsEnum(MaterialEndStatus)
  status: MaterialEndStatus;

  // Nullable in the schema so that a missing reason is answered REASON_REQUIRED, not a GraphQL validation error.
  @Field({
    nullable: true,
    description:
      'Why (required, at least 4 characters): the subject and the departments relying on it are owed the reason',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
