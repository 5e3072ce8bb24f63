import { encodeClaims, internalSecret, signRequest, ACCESS_HEADER } from '@hub/auth';

/** The gateway calling another app as itself (no caller): fetching the policy, writing access records. */
const GATEWAY_ITSELF = encodeClaims({ principal: null, issuer: 'gateway', purpose: null, caseNumber: null });

/** The header that signs one request of the gateway, as itself, to `audience` at `url`. */
export function signedAsGateway(
  audience: string,
  method: string,
  url: string,
  body: string | null,
): Record<string, string> {
  const secret = internalSecret();
  if (!secret) throw new Error('HUB_INTERNAL_SECRET is not set: the gateway cannot sign its calls to the other apps');
  const { pathname, search } = new URL(url);
  return {
    [ACCESS_HEADER]: signRequest(GATEWAY_ITSELF, audience, { method, url: `${pathname}${search}`, body }, secret),
  };
}
