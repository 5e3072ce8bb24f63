import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  registerDecorator,
  validate,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import { installNationalDivisions } from '@hub/geo';
import { parseCitizenId, parseDivisionCode, parseUscc } from '@hub/identifiers';
import { InputError, type InputViolation } from './hub-error.js';

// A division code is accepted if the national table (every division to the township) or the
// curated one (with the retired codes) has it. @hub/identifiers cannot read the national table's
// file (it is bundled into the console too); installed here, where IsDivisionCode is defined, it is
// in place in every process that validates an input — each subgraph, the all-in-one hub, the bulk
// ingest — before the first one arrives. It is read on the first code the curated table lacks.
installNationalDivisions();

/**
 * class-validator reports a constraint name and a message; clients need a stable code. Custom
 * constraints put the code in front of their message (`USCC_CHECK_DIGIT: …`); built-in ones are
 * mapped here.
 */
const CODE_OF_CONSTRAINT: Record<string, string> = {
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  arrayMaxSize: 'TOO_MANY',
  arrayMinSize: 'TOO_FEW',
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  matches: 'INVALID_FORMAT',
  isInt: 'INVALID_NUMBER',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  isEnum: 'INVALID_VALUE',
  isIn: 'INVALID_VALUE',
  isString: 'INVALID_TYPE',
  whitelistValidation: 'UNKNOWN_FIELD',
  nestedValidation: 'INVALID_VALUE',
};
const CODED_MESSAGE = /^([A-Z][A-Z0-9_]+): (.*)$/s;

/**
 * When a value breaks several rules, the one that names the real problem: a missing value is
 * REQUIRED (not TOO_LONG), a value of the wrong kind is that (NOT_A_NUMBER, not OUT_OF_RANGE);
 * then the rest in the order they are declared.
 */
const FIRST_CONSTRAINTS = [
  'isDefined',
  'isNotEmpty',
  'isNotBlank',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isEnum',
];

export function violationsOf(errors: ValidationError[], prefix = ''): InputViolation[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const rank = (name: string) =>
      FIRST_CONSTRAINTS.includes(name) ? FIRST_CONSTRAINTS.indexOf(name) : FIRST_CONSTRAINTS.length;
    // One violation per value: the most fundamental of the rules it breaks.
    const first = constraints.sort(([a], [b]) => rank(a) - rank(b)).slice(0, 1);
    const own = first.map(([constraint, message]) => {
      const coded = CODED_MESSAGE.exec(message);
      if (coded) return { field, code: coded[1], message: coded[2] };
      if (constraint === 'isInt' && (typeof error.value !== 'number' || Number.isNaN(error.value))) {
        return { field, code: 'NOT_A_NUMBER', message: `${JSON.stringify(error.value ?? null)} is not a number` };
      }
      return { field, code: CODE_OF_CONSTRAINT[constraint] ?? 'INVALID_VALUE', message };
    });
    return [...own, ...violationsOf(error.children ?? [], field)];
  });
}

/** Validates a plain object against a DTO class; returns the typed instance or the violations. */
export async function validateInput<T extends object>(
  cls: new () => T,
  plain: unknown,
  prefix = '',
): Promise<{ ok: true; value: T } | { ok: false; violations: InputViolation[] }> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return {
      ok: false,
      violations: [{ field: prefix || '(record)', code: 'INVALID_TYPE', message: 'must be an object' }],
    };
  }
  const value = plainToInstance(cls, plain);
  // Every rule of a value is checked (not only the first declared), so violationsOf can name the
  // real problem among those it breaks.
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return errors.length === 0 ? { ok: true, value } : { ok: false, violations: violationsOf(errors, prefix) };
}

/** The pipe for GraphQL arguments and HTTP bodies: class-validator DTOs, violations as one InputError. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const cls = metadata.metatype;
    // Only classes that declare validation rules are DTOs; anything else (a @Parent entity, the
    // context, a scalar) passes through untouched.
    if (!cls || value === undefined || value === null || !hasValidationRules(cls)) return value;
    const result = await validateInput(cls as new () => object, value, metadata.data ?? '');
    if (!result.ok) throw new InputError(result.violations);
    return result.value;
  }
}

function hasValidationRules(cls: abstract new (...args: never[]) => unknown): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false).length > 0;
}

function identifierDecorator(name: string, check: (value: string) => { code: string; message: string } | undefined) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options,
        validator: {
          validate: (value: unknown) => typeof value === 'string' && check(value) === undefined,
          defaultMessage: (args) => {
            if (
              args?.value === undefined ||
              args.value === null ||
              (typeof args.value === 'string' && args.value.trim() === '')
            )
              return 'REQUIRED: missing';
            if (typeof args.value !== 'string') return 'INVALID_TYPE: must be a string';
            const problem = check(args.value);
            return problem ? `${problem.code}: ${problem.message}` : 'INVALID_VALUE: invalid';
          },
        },
      });
}

/** A unified social credit code (GB 32100) with a correct check character. */
export const IsUscc = identifierDecorator('isUscc', (v) => {
  const r = parseUscc(v);
  return r.ok ? undefined : r.error;
});

/** A citizen ID number (GB 11643): 18 characters with a correct check digit, or a legacy 15-digit number. */
export const IsCitizenId = identifierDecorator('isCitizenId', (v) => {
  const r = parseCitizenId(v);
  return r.ok ? undefined : r.error;
});

/** Text with something in it: missing, empty or only spaces is REQUIRED (a name of spaces is no name). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim() !== '',
        defaultMessage: () => 'REQUIRED: must not be empty or only spaces',
      },
    });
}

/** A GB/T 2260 division code known to the hub's division table (current or retired). */
export const IsDivisionCode = identifierDecorator('isDivisionCode', (v) => {
  const r = parseDivisionCode(v);
  return r.ok ? undefined : r.error;
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateError(v: string): { code: string; message: string; date?: Date } {
  const m = ISO_DATE.exec(v);
  if (!m) return { code: 'INVALID_DATE', message: `"${v}" is not a date written YYYY-MM-DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return { code: 'INVALID_DATE', message: `${v} does not exist in the calendar` };
  }
  if (y < 1900) return { code: 'INVALID_DATE', message: `${v} is before 1900-01-01` };
  if (y > 2199) return { code: 'INVALID_DATE', message: `${v} is after 2199-12-31` };
  return { code: '', message: '', date };
}

/** A real calendar date written YYYY-MM-DD (no 2023-02-30), between 1900-01-01 and today. */
export const IsCalendarDate = identifierDecorator('isCalendarDate', (v) => {
  const checked = dateError(v);
  if (!checked.date) return checked;
  if (checked.date.getTime() > Date.now()) return { code: 'INVALID_DATE', message: `${v} is in the future` };
  return undefined;
});

/** A real calendar date written YYYY-MM-DD, past or future (a validity period, a deadline). */
export const IsDay = identifierDecorator('isDay', (v) => {
  const checked = dateError(v);
  return checked.date ? undefined : checked;
});
