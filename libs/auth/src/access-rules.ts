import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal.js';

/** The metadata key under which a route, a query or a mutation declares who may call it. */
export const ACCESS_RULE = 'hub:access-rule';

/**
 * Who may call a route, a query or a mutation of an app of the hub. Every one declares exactly one
 * rule (an app refuses to start otherwise); the rule is enforced before the handler runs.
 */
export type AccessRule =
  /** Anyone, with no credential: health probes only. */
  | { kind: 'public' }
  /** The operators' token (HUB_METRICS_TOKEN): metrics. */
  | { kind: 'operator' }
  /** Another app of the hub calling as itself (signed, no caller): the gateway fetching the policy, writing access records. */
  | { kind: 'internal'; issuers: readonly string[] }
  /** A caller the gateway vouched for (signed), holding one of `roles` (any role when empty). */
  | { kind: 'caller'; roles: readonly Role[] }
  /**
   * A system of the register's provider department (the catalog's answer, signed by the gateway
   * as `provides`), or an admin. `register` is a register's name (`persons`), or `:param` for the
   * route parameter that names it.
   */
  | { kind: 'provider'; register: string };

/** Health probes: no credential. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** The operators' token. */
export const Operator = () => SetMetadata(ACCESS_RULE, { kind: 'operator' } satisfies AccessRule);

/** Another app of the hub, calling as itself and signed as `issuers` (e.g. `gateway`). */
export const Internal = (...issuers: string[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'internal', issuers } satisfies AccessRule);

/** Any caller the gateway vouched for; which fields it may read is the gateway's decision (the catalog's rules). */
export const AnyCaller = () => SetMetadata(ACCESS_RULE, { kind: 'caller', roles: [] } satisfies AccessRule);

/** A caller the gateway vouched for, holding one of these roles. */
export const Roles = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_RULE, { kind: 'caller', roles } satisfies AccessRule);

/** A system of the register's provider department, or an admin: writes to a base-library register. */
export const ProviderOnly = (register: string) =>
  SetMetadata(ACCESS_RULE, { kind: 'provider', register } satisfies AccessRule);

/** The rule declared on a handler, else on its class; undefined when there is none. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function accessRuleOf(handler: Function, owner?: Function): AccessRule | undefined {
  return (
    (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ??
    (owner ? (Reflect.getMetadata(ACCESS_RULE, owner) as AccessRule | undefined) : undefined)
  );
}
