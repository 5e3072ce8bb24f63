import { PATH_METADATA } from '@nestjs/common/constants.js';
import { accessRuleOf } from '@hub/auth';

/** What @nestjs/graphql records on a query, mutation or subscription method. */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Rules that only HTTP routes can carry: RequestAccess checks them by route before routing, and on
 * /graphql it checks only that a caller signed — so on a query or mutation they would admit any caller.
 */
const ROUTE_ONLY_RULES = new Set(['public', 'operator', 'internal']);

/**
 * `Class.method` of every controller route and every query, mutation or subscription among these
 * classes that declares no access rule (on the method or its class), and of every query, mutation
 * or subscription that declares a route-only rule (@Public, @Operator, @Internal). Field resolvers
 * and entity references need none: they run inside an operation whose root field has one, and the
 * request itself carries the gateway's signature.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function accessRuleGaps(classes: Iterable<Function>): string[] {
  const gaps = new Set<string>();
  for (const owner of classes) {
    const prototype = owner.prototype as Record<string, unknown> | undefined;
    if (!prototype) continue;
    const controller = Reflect.getMetadata(PATH_METADATA, owner) !== undefined;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name === 'constructor') continue;
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (typeof handler !== 'function') continue;
      const route = controller && Reflect.getMetadata(PATH_METADATA, handler) !== undefined;
      const operation = ROOT_TYPES.has(String(Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler)));
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      const rule = accessRuleOf(handler as Function, owner);
      if ((route || operation) && !rule) gaps.add(`${owner.name}.${name}`);
      else if (operation && !route && rule && ROUTE_ONLY_RULES.has(rule.kind)) gaps.add(`${owner.name}.${name}`);
    }
  }
  return [...gaps].sort();
}
