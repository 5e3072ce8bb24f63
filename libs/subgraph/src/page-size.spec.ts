import { ArgsType } from '@nestjs/graphql';
import { describe, expect, it } from 'vitest';
import { InputError } from './hub-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageSizeField, checkPageSize } from './page-size.js';
import { validateInput } from './validation.js';

@ArgsType()
class PageArgs {
  @PageSizeField()
  first: number = DEFAULT_PAGE_SIZE;
}

describe('one page size, 1–100, everywhere', () => {
  it('checkPageSize takes 1 and 100 and refuses 0, 101 and fractions with OUT_OF_RANGE on the named field', () => {
    expect(checkPageSize(1, 'last')).toBe(1);
    expect(checkPageSize(MAX_PAGE_SIZE, 'last')).toBe(100);
    for (const size of [0, 101, -1, 2.5]) {
      const error = (() => {
        try {
          checkPageSize(size, 'last');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).violations).toEqual([
        { field: 'last', code: 'OUT_OF_RANGE', message: 'must be between 1 and 100' },
      ]);
    }
  });

  it('PageSizeField refuses 0 and 101 through validation and takes 100', async () => {
    expect((await validateInput(PageArgs, { first: 100 })).ok).toBe(true);
    for (const first of [0, 101])
      expect(await validateInput(PageArgs, { first })).toMatchObject({
        ok: false,
        violations: [{ field: 'first', code: 'OUT_OF_RANGE' }],
      });
  });
});
