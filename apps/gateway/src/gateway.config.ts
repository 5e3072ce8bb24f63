import { IsBoolean, IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { subgraphUrlVariable } from '@hub/config';

/** The gateway's settings, read once at start. */
export class GatewayConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT = 4000;

  @IsString()
  HOST = '127.0.0.1';

  /** The composed supergraph the gateway serves (`npm run schema:compose` writes it). */
  @IsString()
  SUPERGRAPH_PATH = 'schemas/graphql/supergraph.graphql';

  @IsInt()
  @Min(2)
  @Max(50)
  MAX_QUERY_DEPTH = 12;

  @IsInt()
  @Min(10)
  @Max(10_000_000)
  // A full company profile (the four libraries) of 1,000 companies, the largest batch the hub
  // accepts, costs about 153,000: the default lets it through in one request.
  MAX_QUERY_COST = 200_000;

  /** Aliases in one operation (counted through fragments): 600 aliases of one lookup multiply what it reads. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_ALIASES = 100;

  /** Directives in one operation (counted through fragments). */
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_DIRECTIVES = 50;

  /** Lexical tokens in one operation: parsing stops past it (a 1,000-USCC literal list is about 1,000). */
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  MAX_QUERY_TOKENS = 20_000;

  /** Largest answer sent, in bytes of JSON; a larger one is refused with RESPONSE_TOO_LARGE instead. */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

  /**
   * Requests per minute one system may send (all its keys together; a key of no system, e.g. an
   * admin's, on its own), unless the catalog sets the system's own limit (setSystemRateLimit).
   * Counted per gateway process: N gateways behind a balancer let a system send up to N times it.
   */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Largest GraphQL request body accepted, in bytes. */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_REQUEST_BYTES = 2 * 1024 * 1024;

  @IsBoolean()
  GRAPHIQL = true;

  /** The stewards' console at /console (dist/console, built by `npm run build`). */
  @IsBoolean()
  CONSOLE = true;

  /**
   * How often the gateway asks the catalog whether the policy changed, events or not (a 304 without
   * a body when it did not): the bound on how long a revoked key keeps working at a gateway that
   * the catalog's policy events do not reach (Kafka down) — this plus one fetch.
   */
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  POLICY_REFRESH_MS = 2_000;

  /** Access records per commit to the catalog. */
  @IsInt()
  @Min(1)
  @Max(1000)
  AUDIT_BATCH_SIZE = 500;

  /** How long an operation waits for its access record to be committed before it fails. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  AUDIT_TIMEOUT_MS = 5000;

  /**
   * Lookups by an identifier the caller does not read in full (a masked citizen ID): how many keys
   * that do not exist (misses) an API key may ask for in LOOKUP_WINDOW_MS before its lookups are
   * refused. A department looks up IDs from real applications and rarely misses; guessing which of
   * a few dozen candidates behind a masked ID exists is all misses.
   */
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOOKUP_MISS_BUDGET = 30;

  /** The sliding window of the lookup budget. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  LOOKUP_WINDOW_MS = 3_600_000;

  /** The console's sign-in session: its absolute lifetime from sign-in (a working day). */
  @IsInt()
  @Min(60_000)
  @Max(86_400_000)
  CONSOLE_SESSION_MAX_AGE_MS = 8 * 3_600_000;

  /** A console session without a request for this long ends. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  CONSOLE_SESSION_IDLE_MS = 15 * 60_000;

  /** Console sessions one gateway process holds (in memory); past it the least recently used ends. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CONSOLE_MAX_SESSIONS = 10_000;

  /** Console sign-in attempts per minute from one address (wrong keys included). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CONSOLE_SIGN_INS_PER_MINUTE = 20;

  /**
   * `auto`: the session cookie is Secure, except when the browser reached the hub by a loopback
   * name (localhost, 127.x, [::1]) over plain http, where a browser would not send a Secure cookie
   * back; `always`: Secure in every case.
   */
  @IsIn(['auto', 'always'])
  CONSOLE_COOKIE_SECURE: 'auto' | 'always' = 'auto';
}

/**
 * The URL of a subgraph: `SUBGRAPH_<NAME>_URL` (e.g. SUBGRAPH_LEGAL_ENTITY_URL) when set — the
 * supergraph carries the URLs of a local all-in-one run, deployments point elsewhere.
 */
export function subgraphUrl(name: string, composedUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = subgraphUrlVariable(name);
  const value = env[variable];
  if (!value) return composedUrl;
  if (!/^https?:\/\/[^\s]+$/.test(value))
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(value)}`);
  return value;
}
