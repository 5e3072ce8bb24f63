import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { describe, expect, it } from 'vitest';
import { InputError } from './hub-error.js';
import {
  IsCalendarDate,
  IsCitizenId,
  IsDay,
  IsDivisionCode,
  IsNotBlank,
  IsUscc,
  InputValidationPipe,
  validateInput,
} from './validation.js';

class Address {
  @IsDivisionCode()
  divisionCode: string;
}

class Example {
  @IsUscc()
  uscc: string;

  @IsOptional()
  @IsCitizenId()
  idNumber?: string;

  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @IsOptional()
  @IsDay()
  until?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5)
  short?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  address?: Address;
}

describe('input validation', () => {
  it('accepts valid identifiers and dates', async () => {
    const result = await validateInput(Example, {
      uscc: '11100000000013338W',
      idNumber: '11010519491231002X',
      on: '2024-02-29',
      address: { divisionCode: '330105' },
    });
    expect(result.ok).toBe(true);
  });

  it('gives each violation a stable code and the path of the field', async () => {
    const result = await validateInput(
      Example,
      {
        uscc: '11100000000013338X',
        idNumber: '110105194912310021',
        on: '2023-02-29',
        short: 'too long',
        address: { divisionCode: '123456' },
        extra: 1,
      },
      'input',
    );
    expect(result.ok).toBe(false);
    const violations = (result as { violations: Array<{ field: string; code: string }> }).violations.map((v) => [
      v.field,
      v.code,
    ]);
    expect(violations).toEqual(
      expect.arrayContaining([
        ['input.uscc', 'USCC_CHECK_DIGIT'],
        ['input.idNumber', 'CITIZEN_ID_CHECK_DIGIT'],
        ['input.on', 'INVALID_DATE'],
        ['input.short', 'TOO_LONG'],
        ['input.address.divisionCode', 'DIVISION_CODE_UNKNOWN'],
        ['input.extra', 'UNKNOWN_FIELD'],
      ]),
    );
  });

  it('takes a division code of the national table (installed with this module), to the township', async () => {
    for (const divisionCode of ['110101', '110101001', '441900003', '440622']) {
      expect((await validateInput(Address, { divisionCode })).ok, divisionCode).toBe(true);
    }
    const missing = await validateInput(Address, { divisionCode: '110101999' }, 'input');
    expect(missing.ok ? [] : missing.violations.map((v) => [v.field, v.code])).toEqual([
      ['input.divisionCode', 'DIVISION_CODE_UNKNOWN'],
    ]);
  });

  it('refuses dates in the future and before 1900', async () => {
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const on of [next, '1899-12-31', '2024-13-01', '20240101']) {
      const result = await validateInput(Example, { uscc: '11100000000013338W', on });
      expect(result.ok, on).toBe(false);
    }
  });

  it('takes future days where a day may be in the future, still refusing impossible ones', async () => {
    expect((await validateInput(Example, { uscc: '11100000000013338W', until: '2030-02-28' })).ok).toBe(true);
    for (const until of ['2030-02-29', '2200-01-01', '1899-12-31', '2030-1-01']) {
      expect((await validateInput(Example, { uscc: '11100000000013338W', until })).ok, until).toBe(false);
    }
  });

  it('makes the pipe throw one InputError and leave non-DTO values alone', async () => {
    const pipe = new InputValidationPipe();
    await expect(
      pipe.transform({ uscc: 'x' }, { type: 'body', metatype: Example, data: 'input' }),
    ).rejects.toBeInstanceOf(InputError);
    const parent = { anything: true };
    expect(await pipe.transform(parent, { type: 'custom', metatype: Object })).toBe(parent);
    expect(await pipe.transform('text', { type: 'body', metatype: String })).toBe('text');
  });
});

class NamedRecord {
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  name: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;
}

describe('reason codes name the real problem (issue 10)', () => {
  const codes = async (plain: Record<string, unknown>) => {
    const result = await validateInput(NamedRecord, plain);
    return result.ok ? [] : result.violations.map((v) => [v.field, v.code]);
  };

  it('a missing name is REQUIRED, not TOO_LONG; so is a name of only spaces', async () => {
    expect(await codes({ version: 1 })).toEqual([['name', 'REQUIRED']]);
    expect(await codes({ name: '   ', version: 1 })).toEqual([['name', 'REQUIRED']]);
    expect(await codes({ name: '', version: 1 })).toEqual([['name', 'REQUIRED']]);
    expect(await codes({ name: 'x'.repeat(51), version: 1 })).toEqual([['name', 'TOO_LONG']]);
  });

  it('a missing identifier or date is REQUIRED, not INVALID_TYPE', async () => {
    const result = await validateInput(Example, {});
    expect(result.ok ? [] : result.violations.map((v) => [v.field, v.code])).toEqual([['uscc', 'REQUIRED']]);
  });

  it('a version that is not a number is NOT_A_NUMBER, not OUT_OF_RANGE; a fraction is INVALID_NUMBER, zero OUT_OF_RANGE', async () => {
    expect(await codes({ name: '张三', version: 'v2' })).toEqual([['version', 'NOT_A_NUMBER']]);
    expect(await codes({ name: '张三', version: '1.5' })).toEqual([['version', 'INVALID_NUMBER']]);
    expect(await codes({ name: '张三', version: '0' })).toEqual([['version', 'OUT_OF_RANGE']]);
    expect(await codes({ name: '张三', version: '3' })).toEqual([]);
  });
});
