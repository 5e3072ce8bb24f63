/**
 * Every code an app of the hub answers an error with (GraphQL `extensions.code`, or `code` in an
 * HTTP error body), with what it means. One set, so one concept has one spelling: a client switches
 * on these, and a new code must be added here, with its meaning, before anything can throw it.
 * (The `reason` of an input violation — USCC_CHECK_DIGIT, GENDER_MISMATCH … — is a separate
 * vocabulary, the identifiers' and validators' own.)
 */
export const HUB_ERROR_CODES = {
  // Who is calling
  UNAUTHENTICATED: 'no caller: send a hub API key to the gateway',
  API_KEY_INVALID: 'not a valid hub API key (or an on-behalf signature naming none)',
  API_KEY_EXPIRED: 'the key has expired',
  API_KEY_REVOKED: 'the key was revoked',
  ACCESS_SIGNATURE_MISSING: 'an app of the hub was called without the gateway’s signature',
  ACCESS_SIGNATURE_INVALID: 'the signature is forged, malformed, or of the wrong kind for the route',
  ACCESS_SIGNATURE_EXPIRED: 'the signature is older than a minute',
  ACCESS_SIGNATURE_WRONG_AUDIENCE: 'the signature was issued for another app',
  ACCESS_SIGNATURE_REPLAYED: 'the signature was used already',
  ACCESS_SIGNATURE_WRONG_REQUEST: 'the signature was issued for another request (operation, variables, path or body)',
  OPERATOR_TOKEN_REQUIRED: '/metrics needs the operators’ token',
  // The stewards' console sessions (POST /console/session)
  CONSOLE_ROLE_REQUIRED: 'only a steward’s or an admin’s key opens a console session, not a system’s (HTTP 403)',
  SESSION_INVALID: 'no such console session (signed out, replaced, or never opened): sign in again',
  SESSION_EXPIRED: 'the console session ended: idle too long or past its lifetime; sign in again',
  CSRF_TOKEN_INVALID:
    'a console request other than GET came without the session’s CSRF token (x-hub-csrf) or with a wrong one (HTTP 403)',
  SIGN_IN_RATE_LIMITED: 'too many console sign-in attempts from one address (HTTP 429, Retry-After, retryAfter)',
  FORBIDDEN: 'the caller’s role or department may not do this',
  // The catalog's rules, decided by the gateway
  ACCESS_DENIED: 'the catalog does not let this caller read a data item the operation touches',
  WRITE_FORBIDDEN: 'a register is written only by its provider department’s systems or an admin',
  INGEST_FORBIDDEN: 'extracts of a register come only from its provider department’s systems or an admin',
  PURPOSE_REQUIRED: 'reading conditionally shared data needs a purpose',
  PURPOSE_INVALID: 'the purpose or case number is not acceptable text',
  POLICY_UNAVAILABLE: 'the gateway has not loaded the catalog’s policy yet',
  AUDIT_UNAVAILABLE: 'the access record could not be written, so nothing is answered',
  LOOKUP_BUDGET_EXCEEDED:
    'a caller without full values of an identifier asked for more keys than its budget of misses allows (HTTP 429, retryAfter)',
  ACCESS_LOG_UNAVAILABLE: 'the catalog could not store access records',
  // The gateway's limits (what one request, or one caller, may take of the hub)
  QUERY_TOO_DEEP: 'the operation is nested deeper than the gateway allows (depth, maxDepth)',
  QUERY_TOO_COMPLEX:
    'the operation’s estimated cost, with its real list sizes and `first:` values, is over the limit (cost, maxCost)',
  TOO_MANY_ALIASES: 'the operation has more aliases than the gateway allows (maxAliases)',
  TOO_MANY_DIRECTIVES: 'the operation has more directives than the gateway allows (maxDirectives)',
  TOO_MANY_TOKENS: 'the operation is longer than the gateway parses (maxTokens)',
  RESPONSE_TOO_LARGE:
    'the answer is larger than the gateway sends in one response (maxResponseBytes); nothing is answered',
  RATE_LIMITED: 'the calling system sent more requests than its rate allows (HTTP 429, Retry-After, limit, retryAfter)',
  // Input
  BAD_USER_INPUT: 'invalid input: `field`, `reason` and every `violations` entry say what and where',
  BAD_REQUEST:
    'a malformed request (empty or malformed body, several operations without operationName, a subscription …)',
  NOT_FOUND: 'no such route',
  NOT_ACCEPTABLE: 'the Accept header allows no media type the route answers with',
  REQUEST_TOO_LARGE: 'the request body is larger than the route takes',
  UNKNOWN_REGISTER: 'no such register takes extracts',
  UNSUPPORTED_MEDIA_TYPE: 'the body’s Content-Type is not one this route takes',
  UNKNOWN_COLUMNS: 'an extract has columns the register does not know',
  EXTRACT_TOO_LARGE: 'an extract is larger than one request may carry',
  UNSUPPORTED_CHARSET: 'an extract declares a charset the hub does not read (it reads utf-8, gbk, gb18030)',
  ENCODING_INVALID:
    'an extract is not valid text in its encoding (declared or detected); `encoding` and `line` say which and where — nothing was stored',
  INGEST_STALLED: 'an upload sent nothing for the idle timeout (INGEST_IDLE_TIMEOUT_MS); nothing was stored',
  INGEST_INTERRUPTED:
    'an upload ended before its end (the sender went away, or the hub is stopping); nothing was stored',
  // Register writes (一数一源, versions)
  STALE_VERSION: 'older than the version the hub holds',
  VERSION_REUSED: 'the hub holds this version with different content',
  SOURCE_MISMATCH: 'the record is held from another source record',
  SOURCE_RECORD_CONFLICT: 'this source record already belongs to another record',
  SOURCE_NOT_CALLER: 'a record’s source department and system must be the calling system’s own',
  ADMIN_REASON_REQUIRED: 'an admin writing a register for a department says why (the purpose of the request)',
  ALREADY_REGISTERED: 'the record is registered already; send a change',
  INVALID_STATUS_TRANSITION: 'the status change is not allowed from the current status',
  CONCURRENT_WRITE: 'written at the same moment by another write; send it again',
  LEGAL_ENTITY_NOT_FOUND: 'no legal entity with this USCC',
  PERSON_NOT_FOUND: 'no person with this citizen ID',
  CREDIT_RECORD_NOT_FOUND: 'no credit record with this id',
  STANDARD_ADDRESS_NOT_FOUND: 'no standard address with this id',
  INGEST_FAILED: 'the extract could not be applied; nothing was stored',
  INGEST_UNAVAILABLE: 'the gateway cannot pass extracts on right now',
  // The catalog
  DEPARTMENT_EXISTS: 'a department with this USCC is registered already',
  SYSTEM_EXISTS: 'a system with this code is registered already',
  KEY_UNKNOWN: 'no such key',
  KEY_ALREADY_REVOKED: 'the key was revoked already',
  RESOURCE_EXISTS: 'a resource with this code exists already',
  RESOURCE_UNKNOWN: 'no such resource',
  RESOURCE_RETIRED: 'the resource is retired',
  RESOURCE_UNCONDITIONAL: 'an unconditional resource needs no application',
  RESOURCE_NOT_SHARED: 'a resource that is not shared cannot be applied for',
  OWN_RESOURCE: 'a department does not apply for its own resource',
  CATALOG_UNSOUND: 'the change would leave the catalog unsound (the violations say how)',
  VERSION_CONFLICT: 'the resource changed since the version given',
  APPLICATION_UNKNOWN: 'no such sharing application',
  APPLICATION_DECIDED: 'the application is decided already',
  SYSTEM_NOT_OF_DEPARTMENT: 'a department steward applies only on behalf of a system of its own department',
  GRANT_UNKNOWN: 'no such grant',
  GRANT_ALREADY_REVOKED: 'the grant was revoked already',
  // Once-only
  SUBJECT_UNKNOWN: 'the base libraries do not know this subject',
  SUBJECT_DECEASED: 'the person has died',
  SUBJECT_CLOSED: 'the legal entity is closed',
  SUBJECT_BLACK_LISTED: 'the subject is on a black list',
  MATERIAL_UNKNOWN: 'no such material',
  LICENCE_ID_TAKEN: 'an e-licence with this identifier is on file already',
  ISSUER_MISMATCH: 'the e-licence identifier names another issuer',
  CORRECTION_UNKNOWN: 'no such data correction',
  CORRECTION_CLOSED: 'the correction is closed already',
  CONTENT_TYPE_NOT_ALLOWED: 'the archive does not store this media type',
  CONTENT_TOO_LARGE: 'the content is larger than the archive takes',
  CONTENT_EMPTY: 'the content is empty',
  CONTENT_HASH_MISMATCH: 'the content is not the bytes the filing declared',
  CONTENT_ALREADY_STORED: 'the material’s content is stored already',
  CONTENT_NOT_STORED: 'the material has no content yet',
  CONTENT_UNAVAILABLE: 'the archive cannot read the content right now',
  ARCHIVE_UNAVAILABLE: 'this hub has no archive',
  // Dependencies
  GATEWAY_UNAVAILABLE: 'the once-only app cannot reach the gateway',
  SUBGRAPH_UNAVAILABLE:
    'a library is unavailable right now (HTTP 503 and Retry-After when nothing could be answered; `path` and `service` say what is missing)',
  SERVICE_UNAVAILABLE:
    'a dependency of the answering app (its database) is unavailable right now: retry after Retry-After; `service` and `dependency` name it',
  BASE_LIBRARY_UNAVAILABLE: 'a base library did not answer',
  CATALOG_UNAVAILABLE: 'the catalog did not answer',
  SOURCE_UNAVAILABLE: 'the record’s source could not be read',
  INTERNAL_SERVER_ERROR: 'a bug: the request id finds it in the logs',
} as const;

export type HubErrorCode = keyof typeof HUB_ERROR_CODES;

export function isHubErrorCode(code: unknown): code is HubErrorCode {
  return typeof code === 'string' && Object.hasOwn(HUB_ERROR_CODES, code);
}
