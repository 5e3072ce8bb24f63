// @hub/auth: who is calling. Hub API keys (format, generation, hashing), the principal a key
// resolves to, and how the gateway vouches for that principal to the subgraphs (signed headers).

export { Role, hasRole, isStewardOf, type AccessPurpose, type Principal } from './principal.js';
export { generateApiKey, hashSecret, parseApiKey, secretMatches, type IssuedKey } from './api-key.js';
export { PRINCIPAL_HEADER, PRINCIPAL_SIGNATURE_HEADER, signAccess, verifyAccess, type SignedAccess } from './signed-principal.js';
export { INTERNAL_SECRET_VARIABLE, ensureInternalSecret, internalSecret } from './internal-secret.js';
export { INTERNAL_SIGNATURE_HEADER, signInternalRequest, verifyInternalRequest } from './internal-request.js';
