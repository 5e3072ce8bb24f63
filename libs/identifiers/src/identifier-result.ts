// Every parser returns a value or one error, never throws on bad input: bad input is an expected
// outcome at the hub's edges and must become a clear client error, not a 500.

export interface IdentifierError<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

// A warning never rejects: the identifier is usable, but something in it deserves a look.
export interface IdentifierWarning<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
}

export type IdentifierResult<Value, Code extends string = string> =
  { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: IdentifierError<Code> };

export function success<Value>(value: Value): { readonly ok: true; readonly value: Value } {
  return { ok: true, value };
}

export function failure<Code extends string>(
  code: Code,
  message: string,
): { readonly ok: false; readonly error: IdentifierError<Code> } {
  return { ok: false, error: { code, message } };
}
