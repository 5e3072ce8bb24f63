// @hub/auth: who is calling. Hub API keys (format, generation, hashing), the principal a key
// resolves to, how one app of the hub vouches for a request to another (signed access, bound to
// the request), the access rules every route and operation declares, and the operators' token.

export { Role, hasRole, isStewardOf, type AccessPurpose, type Principal } from './principal.js';
export { generateApiKey, hashSecret, parseApiKey, secretMatches, type IssuedKey } from './api-key.js';
export {
  ACCESS_HEADER,
  ACCESS_MAX_AGE_MS,
  accessSignatureMessage,
  encodeClaims,
  matchesRequest,
  openAccess,
  signRequest,
  signedHeaders,
  verifyRequest,
  type AccessClaims,
  type AccessSignatureError,
  type SignedAccess,
  type SignedRequest,
} from './signed-access.js';
export { INTERNAL_SECRET_VARIABLE, ensureInternalSecret, internalSecret } from './internal-secret.js';
export { OPERATOR_TOKEN_VARIABLE, isOperator, operatorToken } from './operator-token.js';
export {
  ACCESS_RULE,
  AnyCaller,
  Internal,
  Operator,
  ProviderOnly,
  Public,
  Roles,
  accessRuleOf,
  type AccessRule,
} from './access-rules.js';
