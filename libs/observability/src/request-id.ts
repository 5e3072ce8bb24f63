import { randomUUID } from 'node:crypto';

/** The header that carries one request's id from the caller through the gateway to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id when it is a sane token, otherwise makes a new one (ids end up in logs). */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
