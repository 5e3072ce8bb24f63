import { InputError } from '@hub/subgraph';

/** The shortest reason a steward's decision may carry (a refusal, a partial approval, a revocation). */
export const MIN_REASON_LENGTH = 4;

/** The reason trimmed; REASON_REQUIRED when it is shorter than MIN_REASON_LENGTH characters. */
export function requiredReason(value: string | null | undefined, message: string, field = 'input.reason'): string {
  const reason = value?.trim() ?? '';
  if ([...reason].length < MIN_REASON_LENGTH) {
    throw new InputError([{ field, code: 'REASON_REQUIRED', message: `${message} (at least ${MIN_REASON_LENGTH} characters)` }]);
  }
  return reason;
}
