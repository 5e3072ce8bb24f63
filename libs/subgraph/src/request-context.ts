import type { ApolloServerPlugin } from '@apollo/server';
import DataLoader from 'dataloader';
import type { FastifyRequest } from 'fastify';
import type { SignedAccess } from '@hub/auth';

/** Kinds of data subjects whose reads are recorded: citizens by citizen ID, legal entities by USCC. */
export type SubjectKind = 'PERSON' | 'LEGAL_ENTITY';

/** The response extension in which a subgraph tells the gateway whose data it served. */
export const SUBJECTS_EXTENSION = 'hubSubjects';

/**
 * The GraphQL context of one request in a subgraph. Loaders live here, so batching and caching are
 * per request: N references to entities in one operation cost one SQL statement, and nothing is
 * cached across requests (or across callers with different rights).
 */
export interface HubContext {
  req: FastifyRequest;
  requestId: string;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Who the gateway says is calling, and why (checked by RequestAccess before anything runs); null for an app calling as itself. */
  access: SignedAccess | null;
  /** The data subjects whose records this request served, reported to the gateway for the audit trail. */
  subjects: Map<SubjectKind, Set<string>>;
}

export function createContext(req: FastifyRequest): HubContext {
  return { req, requestId: String(req.id), loaders: new Map(), access: req.hubAccess ?? null, subjects: new Map() };
}

/** Records that this request served these subjects' data (a citizen's record, a company's). */
export function touchSubjects(context: HubContext, kind: SubjectKind, ids: Iterable<string>): void {
  let set = context.subjects.get(kind);
  if (!set) context.subjects.set(kind, (set = new Set()));
  for (const id of ids) set.add(id);
}

/** Puts the touched subjects into the response's extensions, where the gateway collects them. */
export function subjectsPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.subjects.size === 0) return;
          const subjects = Object.fromEntries([...contextValue.subjects].map(([kind, ids]) => [kind, [...ids]]));
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            [SUBJECTS_EXTENSION]: subjects,
          };
        },
      };
    },
  };
}

/**
 * The request's loader for `name`, created on first use. `batch` receives every key asked for in
 * one tick and must return values in the same order (undefined → null for unknown keys). With
 * `subjects`, every key found is recorded as a data subject of that kind.
 */
export function loaderFor<K, V>(
  context: HubContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<Array<V | null>>,
  options: { maxBatchSize?: number; subjects?: SubjectKind } = {},
): DataLoader<K, V | null> {
  let loader = context.loaders.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    const load = options.subjects
      ? async (keys: readonly K[]) => {
          const values = await batch(keys);
          touchSubjects(context, options.subjects!, keys.filter((_, i) => values[i] != null).map(String));
          return values;
        }
      : batch;
    loader = new DataLoader<K, V | null>(load, { maxBatchSize: options.maxBatchSize ?? 5_000 });
    context.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
