import DataLoader from 'dataloader';
import type { FastifyRequest } from 'fastify';

/**
 * The GraphQL context of one request in a subgraph. Loaders live here, so batching and caching are
 * per request: N references to entities in one operation cost one SQL statement, and nothing is
 * cached across requests (or across callers with different rights).
 */
export interface HubContext {
  req: FastifyRequest;
  requestId: string;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

export function createContext(req: FastifyRequest): HubContext {
  return { req, requestId: String(req.id), loaders: new Map() };
}

/**
 * The request's loader for `name`, created on first use. `batch` receives every key asked for in
 * one tick and must return values in the same order (undefined → null for unknown keys).
 */
export function loaderFor<K, V>(
  context: HubContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<Array<V | null>>,
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V | null> {
  let loader = context.loaders.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>(batch, { maxBatchSize: options.maxBatchSize ?? 5_000 });
    context.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
