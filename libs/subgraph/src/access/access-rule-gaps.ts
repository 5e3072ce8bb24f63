import { PATH_METADATA } from '@nestjs/common/constants.js';
import { accessRuleOf } from '@hub/auth';

/** What @nestjs/graphql records on a query, mutation or subscription method. */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * `Class.method` of every controller route and every query, mutation or subscription among these
 * classes that declares no access rule (on the method or its class). Field resolvers and entity
 * references need none: they run inside an operation whose root field has one, and the request
 * itself carries the gateway's signature.
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
      if ((route || operation) && !accessRuleOf(handler as Function, owner)) gaps.add(`${owner.name}.${name}`);
    }
  }
  return [...gaps].sort();
}
