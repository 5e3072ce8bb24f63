import type { Type } from '@nestjs/common';
import { InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import type { RegisterRecordInput } from '../register-record.input.js';
import { PROVENANCE_PROPERTIES, type RegisterSpec } from '../register-spec.js';

/**
 * The fields a change may name: the business fields but the status and its date and reason,
 * which change only through the status change (its own event).
 */
export function changeableFields<T extends RegisterRecordInput>(spec: RegisterSpec): Array<keyof T & string> {
  const status = spec.status ? [spec.status.property, spec.status.effectiveOn, spec.status.reason] : [];
  return spec.businessFields.filter((f) => !status.includes(f)) as Array<keyof T & string>;
}

/**
 * The base class of a register's change input: the key and the source of the new version
 * (required), and every changeable field of the record input, optional (`null` clears one).
 */
export function ChangeRecordInputType<T extends RegisterRecordInput, K extends keyof T>(
  input: Type<T>,
  key: K,
  spec: RegisterSpec,
) {
  return IntersectionType(
    PickType(input, [key, ...PROVENANCE_PROPERTIES], InputType),
    PartialType(PickType(input, changeableFields<T>(spec), InputType), InputType),
    InputType,
  );
}

/** The base class of a register's status change input: the key, the source, and the date and reason of the new status. */
export function ChangeStatusInputType<T extends RegisterRecordInput, K extends keyof T, D extends keyof T>(
  input: Type<T>,
  key: K,
  details: readonly D[],
) {
  return IntersectionType(
    PickType(input, [key, ...PROVENANCE_PROPERTIES], InputType),
    PickType(input, details, InputType),
    InputType,
  );
}
