import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { InputError } from './hub-error.js';

/** The most items one page (a connection's `first`, a history's `last`) may hold, everywhere in the hub. */
export const MAX_PAGE_SIZE = 100;
/** The page size when the caller names none. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * A page-size field of an ArgsType or InputType: an Int, DEFAULT_PAGE_SIZE when absent, refused
 * outside 1–MAX_PAGE_SIZE with OUT_OF_RANGE by the validation pipe. Give the property the
 * default as its initializer too (`first: number = DEFAULT_PAGE_SIZE`) for calls from code.
 */
export function PageSizeField(label = 'Page size'): PropertyDecorator {
  return applyDecorators(
    Field(pageSizeArg(label).type, { defaultValue: DEFAULT_PAGE_SIZE, description: pageSizeArg(label).description }),
    IsInt(),
    Min(1),
    Max(MAX_PAGE_SIZE),
  );
}

/** The options of a page-size @Args argument (check it with checkPageSize): `@Args('last', pageSizeArg('How many changes')) last: number`. */
export function pageSizeArg(label = 'Page size'): {
  type: () => typeof Int;
  defaultValue: number;
  description: string;
} {
  return { type: () => Int, defaultValue: DEFAULT_PAGE_SIZE, description: `${label}, 1–${MAX_PAGE_SIZE}` };
}

/** Checks a page size passed as a plain @Args argument; OUT_OF_RANGE outside 1–MAX_PAGE_SIZE. */
export function checkPageSize(size: number, field: string): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new InputError([{ field, code: 'OUT_OF_RANGE', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}
