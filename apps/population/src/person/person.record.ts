import { ETHNICITY_CODES, FAMILY_RELATION_CODES, MARITAL_STATUS_CODES, parseCitizenId } from '@hub/identifiers';
import { normaliseAddressFields } from '@hub/geo';
import { contentHash } from '@hub/register';
import type { InputViolation } from '@hub/subgraph';
import type { PersonRecordInput } from './dto/person-record.input.js';
import type { PersonRow } from './person.entity.js';
import { PERSON_REGISTER } from './person.register.js';
import { Gender, PersonStatus } from './person-enums.js';

/** A validated record as the writer stores it: the register's columns (PersonRow) and its provenance. */
export type PersonRecord = Omit<PersonRow, 'receivedAt' | 'registeredAt' | 'updatedAt'>;

/**
 * Validated input → stored record: the citizen ID normalised (15 → 18 digits), and the rules that
 * involve more than one field — gender and birth date agree with the ID, codes exist in their
 * national tables, a household member names a relation, a death has a date.
 */
export function toPersonRecord(
  input: PersonRecordInput,
): { ok: true; record: PersonRecord } | { ok: false; violations: InputViolation[] } {
  const id = parseCitizenId(input.idNumber);
  if (!id.ok) return { ok: false, violations: [{ field: 'idNumber', code: id.error.code, message: id.error.message }] };
  const violations: InputViolation[] = [];
  const expectedGender = id.value.gender === 'male' ? Gender.MALE : Gender.FEMALE;
  if (input.gender !== expectedGender) {
    violations.push({
      field: 'gender',
      code: 'GENDER_MISMATCH',
      message: `the citizen ID says ${expectedGender}, the record says ${input.gender}`,
    });
  }
  if (input.birthDate !== id.value.birthDate) {
    violations.push({
      field: 'birthDate',
      code: 'BIRTH_DATE_MISMATCH',
      message: `the citizen ID says ${id.value.birthDate}, the record says ${input.birthDate}`,
    });
  }
  if (!ETHNICITY_CODES.has(input.ethnicityCode)) {
    violations.push({
      field: 'ethnicityCode',
      code: 'ETHNICITY_UNKNOWN',
      message: `${input.ethnicityCode} is not a GB 3304 ethnicity code`,
    });
  }
  if (input.maritalStatusCode && !MARITAL_STATUS_CODES.has(input.maritalStatusCode)) {
    violations.push({
      field: 'maritalStatusCode',
      code: 'MARITAL_STATUS_UNKNOWN',
      message: `${input.maritalStatusCode} is not a GB/T 2261.2 code`,
    });
  }
  if (input.relationToHeadCode && !FAMILY_RELATION_CODES.has(input.relationToHeadCode)) {
    violations.push({
      field: 'relationToHeadCode',
      code: 'RELATION_UNKNOWN',
      message: `${input.relationToHeadCode} is not a GB/T 4761 code`,
    });
  }
  if (input.householdNumber && !input.relationToHeadCode) {
    violations.push({
      field: 'relationToHeadCode',
      code: 'REQUIRED',
      message: 'a household member needs the relation to the head of the household',
    });
  }
  const status = input.status ?? PersonStatus.LIVING;
  if (status === PersonStatus.DECEASED && !input.statusEffectiveOn) {
    violations.push({ field: 'statusEffectiveOn', code: 'REQUIRED', message: 'a death needs its date' });
  }
  if (input.statusEffectiveOn && input.statusEffectiveOn < id.value.birthDate) {
    violations.push({ field: 'statusEffectiveOn', code: 'INVALID_DATE', message: 'before the date of birth' });
  }
  const addresses = normaliseAddressFields({
    householdAddress: input.householdAddress,
    residenceAddress: input.residenceAddress,
  });
  violations.push(...addresses.violations);
  if (violations.length > 0) return { ok: false, violations };
  const text = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const fields = {
    name: input.name.trim(),
    gender: input.gender,
    birthDate: input.birthDate,
    ethnicityCode: input.ethnicityCode,
    householdAddress: addresses.values.householdAddress as string,
    householdDivisionCode: input.householdDivisionCode.slice(0, 6),
    residenceAddress: text(addresses.values.residenceAddress),
    residenceDivisionCode: text(input.residenceDivisionCode)?.slice(0, 6) ?? null,
    phone: text(input.phone),
    maritalStatusCode: text(input.maritalStatusCode),
    status,
    statusEffectiveOn: text(input.statusEffectiveOn),
    statusReason: text(input.statusReason),
    householdNumber: text(input.householdNumber),
    relationToHeadCode: text(input.relationToHeadCode),
  };
  return {
    ok: true,
    record: {
      idNumber: id.value.idNumber,
      ...fields,
      sourceDepartment: input.sourceDepartment.toUpperCase(),
      sourceSystem: input.sourceSystem,
      sourceRecordId: input.sourceRecordId.trim(),
      version: input.version,
      contentHash: contentHash(fields, PERSON_REGISTER.businessFields),
      originals: addresses.originals,
    },
  };
}
