import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ARGUMENT_COORDINATE,
  DataClass,
  DataItemType,
  MaskingRule,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
} from '@hub/policy';
import { IsUscc } from '@hub/subgraph';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';
import { IsResourceCode } from './is-resource-code.js';

const COORDINATE = /^[A-Z][A-Za-z0-9_]*\.[a-z_][A-Za-z0-9_]*$/;
const FIELD_NAME = /^[a-z_][A-Za-z0-9_]*$/;
const ENUM_VALUE = /^[A-Za-z_][A-Za-z0-9_]*$/;

@InputType({
  ...IN_CATALOG_SCHEMA,
  description:
    'When the masking rule does not apply: a sibling field of the masked value and the values that exempt it',
})
export class MaskUnlessInput {
  @Field({ description: 'A field beside every field of the item, e.g. subjectType' })
  @IsString()
  @Matches(FIELD_NAME, { message: 'a field name, e.g. subjectType' })
  @MaxLength(64)
  field: string;

  @Field(() => [String], { description: 'Values of that field for which the rule does not apply, e.g. LEGAL_ENTITY' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(ENUM_VALUE, { each: true, message: 'each value is an enum value, e.g. LEGAL_ENTITY' })
  @MaxLength(64, { each: true })
  values: string[];
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class DataItemInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(9999)
  no: number;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => DataItemType)
  @IsEnum(DataItemType)
  dataType: DataItemType;

  @Field(() => [String], { description: '`Type.field` coordinates this item governs' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @Matches(COORDINATE, { each: true, message: 'each field is a `Type.field` coordinate, e.g. Person.phone' })
  fields: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Argument coordinates this item governs — filtering or looking up by them reads it: `Type.field(path)`, e.g. Query.searchPersons(filter.name), or `Type.field(selector: VALUE, path)`',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @MaxLength(200, { each: true })
  @Matches(ARGUMENT_COORDINATE, {
    each: true,
    message:
      'each argument is `Type.field(path)`, e.g. Query.searchPersons(filter.name), or `Type.field(selector: VALUE, path)`',
  })
  arguments?: string[];

  @Field(() => Sensitivity)
  @IsEnum(Sensitivity)
  sensitivity: Sensitivity;

  @Field(() => MaskingRule, { nullable: true })
  @IsOptional()
  @IsEnum(MaskingRule)
  masking?: MaskingRule | null;

  @Field(() => DataClass, {
    description: 'What the values are; a personal class in a shared resource needs a masking rule that fits it',
  })
  @IsEnum(DataClass)
  dataClass: DataClass;

  @Field(() => MaskUnlessInput, {
    nullable: true,
    description: 'When the masking rule does not apply (a sibling says the subject is not a natural person)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MaskUnlessInput)
  maskUnless?: MaskUnlessInput | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

@InputType({ ...IN_CATALOG_SCHEMA, description: 'A new catalog resource; it starts as a DRAFT' })
export class CatalogResourceInput {
  @Field({
    description:
      'Classification (类 1 + 项 2 + 目 3 + 细目 digits) + "/" + sequence (顺序码), as the cataloguing guide writes it, e.g. 101001001/000009',
  })
  @IsResourceCode()
  code: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field()
  @IsUscc()
  providerUscc: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary: string;

  @Field(() => ResourceFormat)
  @IsEnum(ResourceFormat)
  format: ResourceFormat;

  @Field(() => SharingType)
  @IsEnum(SharingType)
  sharingType: SharingType;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  sharingConditions?: string;

  @Field(() => SharingMethod)
  @IsEnum(SharingMethod)
  sharingMethod: SharingMethod;

  @Field(() => OpenAttribute)
  @IsEnum(OpenAttribute)
  openAttribute: OpenAttribute;

  @Field(() => UpdateCycle)
  @IsEnum(UpdateCycle)
  updateCycle: UpdateCycle;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsResourceCode({ each: true })
  relatedCodes?: string[];

  @Field(() => [DataItemInput])
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DataItemInput)
  items: DataItemInput[];
}

@InputType({ ...IN_CATALOG_SCHEMA, description: 'Changes to a resource; absent properties stay as they are' })
export class UpdateCatalogResourceInput {
  @Field()
  @IsResourceCode()
  code: string;

  @Field(() => Int, {
    description: "The version you edited: a change on top of someone else's is refused (VERSION_CONFLICT)",
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary?: string;

  @Field(() => ResourceFormat, { nullable: true })
  @IsOptional()
  @IsEnum(ResourceFormat)
  format?: ResourceFormat;

  @Field(() => SharingType, { nullable: true })
  @IsOptional()
  @IsEnum(SharingType)
  sharingType?: SharingType;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  sharingConditions?: string;

  @Field(() => SharingMethod, { nullable: true })
  @IsOptional()
  @IsEnum(SharingMethod)
  sharingMethod?: SharingMethod;

  @Field(() => OpenAttribute, { nullable: true })
  @IsOptional()
  @IsEnum(OpenAttribute)
  openAttribute?: OpenAttribute;

  @Field(() => UpdateCycle, { nullable: true })
  @IsOptional()
  @IsEnum(UpdateCycle)
  updateCycle?: UpdateCycle;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsResourceCode({ each: true })
  relatedCodes?: string[];

  @Field(() => [DataItemInput], { nullable: true, description: 'The complete new list of items' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DataItemInput)
  items?: DataItemInput[];
}

@InputType({ ...IN_CATALOG_SCHEMA })
export class CatalogSearchFilter {
  @Field({ nullable: true, description: 'Part of the name or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  text?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUscc()
  providerUscc?: string;

  @Field({ nullable: true, description: 'A classification code or its prefix (类, 类项, …)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'digits of a classification code' })
  classification?: string;

  @Field(() => SharingType, { nullable: true })
  @IsOptional()
  @IsEnum(SharingType)
  sharingType?: SharingType;

  @Field(() => UpdateCycle, { nullable: true, description: '更新周期' })
  @IsOptional()
  @IsEnum(UpdateCycle)
  updateCycle?: UpdateCycle;

  @Field(() => ResourceStatus, { nullable: true, description: 'Default: PUBLISHED' })
  @IsOptional()
  @IsEnum(ResourceStatus)
  status?: ResourceStatus;
}

/** What searchCatalog can sort by; each order pages with its own keyset cursor (the code breaks ties). */
export enum CatalogSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(CatalogSortField, {
  name: 'CatalogSortField',
  description: 'What searchCatalog sorts by (the resource code breaks ties)',
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'CatalogSortDirection' });

@InputType({
  ...IN_CATALOG_SCHEMA,
  description: 'The order of searchCatalog; a cursor is valid only for the order it was handed out with',
})
export class CatalogOrderBy {
  @Field(() => CatalogSortField)
  @IsEnum(CatalogSortField)
  field: CatalogSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

/** The change whose effect on existing grants a steward wants to see before making it. */
export enum CatalogChangeKind {
  UPDATE = 'UPDATE',
  PUBLISH = 'PUBLISH',
  RETIRE = 'RETIRE',
}
registerEnumType(CatalogChangeKind, { name: 'CatalogChangeKind' });
