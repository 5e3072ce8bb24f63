import { IntrinsicException } from '@nestjs/common';
import type { HubErrorCode } from './error-codes.js';

/** One offending input value: where it is (`input.registeredAddress.divisionCode`), a stable code, and why. */
export interface InputViolation {
  field: string;
  code: string;
  message: string;
}

/**
 * An error a client can act on. `code` is stable (clients switch on it; it becomes
 * `extensions.code` in GraphQL), the message is for people. Anything thrown that is not a HubError
 * is a bug and reaches clients only as INTERNAL_SERVER_ERROR with a request id. (Nest does not
 * log intrinsic exceptions: a refused input is an answer, not an incident.)
 */
export class HubError extends IntrinsicException {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** Input that fails validation: `extensions.code` is BAD_USER_INPUT, `field` the first offender, `violations` all of them. */
export class InputError extends HubError {
  constructor(readonly violations: InputViolation[]) {
    const first = violations[0];
    super(
      'BAD_USER_INPUT',
      violations.length === 1
        ? `${first.field}: ${first.message}`
        : `${violations.length} invalid fields, first ${first.field}: ${first.message}`,
      { field: first?.field, reason: first?.code, violations },
    );
    this.name = 'InputError';
  }
}
