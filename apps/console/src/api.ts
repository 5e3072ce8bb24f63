// How the console talks to the hub: same-origin requests only, the session cookie (set by
// POST /console/session) sent by the browser, the CSRF token in a header on every POST (the
// gateway asks it of every request a cookie authenticates, queries included). The key a
// steward signs in with is posted once and never kept (not in state, storage or the URL).
import type { TypedDocumentString } from './gql/graphql';

/** A failure the page can explain: the hub's stable code, its words, and the id to quote to support. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly status: number,
    /** For BAD_USER_INPUT: the input's own stable code (e.g. REASON_REQUIRED) and the field it concerns. */
    readonly reason?: string,
    readonly field?: string,
    /** BAD_USER_INPUT: every field refused, each with its own stable code. */
    readonly violations: InputViolation[] = [],
  ) {
    super(message);
  }
}

export interface InputViolation {
  field: string;
  code: string;
  message: string;
}

function violationsOf(value: unknown): InputViolation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is InputViolation =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as InputViolation).code === 'string' &&
      typeof (v as InputViolation).field === 'string',
  );
}

/** The CSRF token of the current session (from POST /console/session), held in memory only. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{
    message: string;
    extensions?: { code?: unknown; requestId?: unknown; reason?: unknown; field?: unknown; violations?: unknown };
  }>;
}

function requestIdOf(response: Response, body?: { requestId?: unknown }): string | undefined {
  if (typeof body?.requestId === 'string') return body.requestId;
  return response.headers.get('x-request-id') ?? undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Runs one typed operation against /graphql; any error (HTTP or GraphQL) becomes a HubError. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(csrfToken ? { 'x-hub-csrf': csrfToken } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await readJson(response)) as GraphQLBody<TResult> | undefined;
  const first = body?.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const requestId =
      typeof first.extensions?.requestId === 'string' ? first.extensions.requestId : requestIdOf(response);
    const { reason, field, violations } = first.extensions ?? {};
    throw new HubError(
      first.message,
      code,
      requestId,
      response.status,
      typeof reason === 'string' ? reason : undefined,
      typeof field === 'string' ? field : undefined,
      violationsOf(violations),
    );
  }
  if (!response.ok || !body?.data)
    throw new HubError(`HTTP ${response.status}`, `HTTP_${response.status}`, requestIdOf(response), response.status);
  return body.data;
}

/** Signs in: the key is exchanged for an httpOnly session cookie and a CSRF token. */
export async function signIn(key: string): Promise<{ csrfToken?: string }> {
  const response = await fetch('/console/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ key }),
  });
  const body = (await readJson(response)) as
    { code?: unknown; message?: unknown; requestId?: unknown; csrfToken?: unknown } | undefined;
  if (!response.ok) {
    const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
    throw new HubError(
      typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
      code,
      requestIdOf(response, body),
      response.status,
    );
  }
  const token = typeof body?.csrfToken === 'string' ? body.csrfToken : undefined;
  setCsrfToken(token);
  return { csrfToken: token };
}

/** Who is signed in, as the gateway knows the session's key (never the key itself). */
export interface SessionPrincipal {
  keyId: string;
  name: string;
  roles: Array<'SYSTEM' | 'STEWARD' | 'ADMIN'>;
  /** Null for a hub-wide steward or an admin. */
  departmentUscc: string | null;
}

export interface ConsoleSession {
  principal: SessionPrincipal;
  expiresAt: string;
  idleExpiresAt: string;
}

/** The current session (GET /console/session), which also hands the CSRF token back after a reload. */
export async function currentSession(): Promise<ConsoleSession> {
  const response = await fetch('/console/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body = (await readJson(response)) as
    (ConsoleSession & { code?: unknown; message?: unknown; requestId?: unknown; csrfToken?: unknown }) | undefined;
  if (!response.ok || !body?.principal) {
    const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
    throw new HubError(
      typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
      code,
      requestIdOf(response, body),
      response.status,
    );
  }
  if (typeof body.csrfToken === 'string') setCsrfToken(body.csrfToken);
  return { principal: body.principal, expiresAt: body.expiresAt, idleExpiresAt: body.idleExpiresAt };
}

/** Signs out: the hub ends the session, so the cookie no longer works anywhere. */
export async function signOut(): Promise<void> {
  await fetch('/console/session', {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: csrfToken ? { 'x-hub-csrf': csrfToken } : {},
  });
  setCsrfToken(undefined);
}
