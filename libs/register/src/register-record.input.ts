import { applyDecorators } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, getMetadataStorage } from 'class-validator';
import { IsCalendarDate, IsNotBlank, IsUscc } from '@hub/subgraph';

/**
 * Where a record comes from, as every register's input carries it (GraphQL mutations and each
 * row of a bulk extract): the source department, its system, the record's id there and its
 * version there. A register's record input extends this class.
 */
@InputType({ isAbstract: true })
export abstract class RegisterRecordInput {
  @Field({ description: 'USCC of the source department (数源部门)' })
  @IsUscc()
  sourceDepartment: string;

  @Field({ description: 'Code of the source system within that department' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'INVALID_FORMAT: 1–64 letters, digits, ".", "_" or "-"' })
  sourceSystem: string;

  @Field({ description: 'The record id in the source system' })
  @IsString()
  @IsNotBlank()
  @MaxLength(128)
  sourceRecordId: string;

  @Field(() => Int, { description: 'Version of the record in the source system; must grow with every change' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

/** The fields a row of a bulk extract may carry: every validated property of the register's input class, its own and inherited. */
export function extractFieldsOf(input: new () => object): ReadonlySet<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(input, '', true, false)
      .map((m) => m.propertyName),
  );
}

/** A record input's `statusEffectiveOn`: the day its status took effect, YYYY-MM-DD, optional. */
export function StatusEffectiveOnField(description = 'Date the status took effect, YYYY-MM-DD'): PropertyDecorator {
  return applyDecorators(Field({ nullable: true, description }), IsOptional(), IsCalendarDate());
}

/** A record input's `statusReason`: free text up to 500 characters, optional. */
export function StatusReasonField(): PropertyDecorator {
  return applyDecorators(Field({ nullable: true }), IsOptional(), IsString(), MaxLength(500));
}
