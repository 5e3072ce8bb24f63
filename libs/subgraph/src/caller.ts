import { InputError } from './hub-error.js';

/** The shortest reason a decision must carry (a refusal, a partial approval, a revocation). */
export const MIN_REASON_LENGTH = 4;

/** The reason trimmed; REASON_REQUIRED when it is shorter than `min` characters. */
export function requiredReason(
  value: string | null | undefined,
  message: string,
  field = 'input.reason',
  min = MIN_REASON_LENGTH,
): string {
  const reason = value?.trim() ?? '';
  if ([...reason].length < min) {
    throw new InputError([
      { field, code: 'REASON_REQUIRED', message: min > 1 ? `${message} (at least ${min} characters)` : message },
    ]);
  }
  return reason;
}
