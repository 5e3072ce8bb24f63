import type { HubErrorCode } from '@hub/subgraph';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { chinaDate } from '@hub/identifiers';
import type { Logger } from 'pino';
import { argumentUses, maskResponseData, type AccessDecision, type RefusedItem } from '@hub/policy';
import type { GatewayContext } from '../gateway-context.js';
import { accessPurpose } from './access-purpose.js';
import type { AccessOutcome, AccessRecordInput } from '@hub/policy';
import { argumentSubjects } from './argument-subjects.js';
import type { AuditWriter } from './audit-writer.js';
import { lookupKeys, type LookupBudget, type Reservation } from './lookup-budget.js';
import { OperationFieldsCache } from './operation-fields-cache.js';
import type { PolicyStore } from './policy-store.js';
import { REGISTER_WRITES, writeRefusal } from './register-writes.js';

/** Error codes that mean "refused by the hub's rules" (as opposed to an operation that failed). */
const REFUSAL_CODES = new Set<HubErrorCode>([
  'ACCESS_DENIED',
  'WRITE_FORBIDDEN',
  'PURPOSE_REQUIRED',
  'PURPOSE_INVALID',
  'POLICY_UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOOKUP_BUDGET_EXCEEDED',
]);

export interface AccessPluginOptions {
  apiSchema: GraphQLSchema;
  policy: PolicyStore;
  audit: AuditWriter;
  /** The base libraries' mutations (`Mutation.<field>`): register writes, for their provider departments only. */
  registerMutations: ReadonlySet<string>;
  /** Lookups by identifier made without full access: their budget, and where refusals and misses are told. */
  lookups: {
    budget: LookupBudget;
    refusals: { inc(): void };
    misses: { inc(labels: { graph: string }, value: number): void };
    log: Logger;
  };
  /** Where a write whose outcome could not be recorded is told to the operators. */
  log: Logger;
}

/**
 * The catalog's rules on every operation, before anything runs: the exact fields it touches
 * (through fragments, aliases, variables and entity references) are checked against the caller's
 * rights; a refusal is one error naming every refused item and the resources to apply for, and
 * nothing executes. A base library's register is written (mutations) only by its provider
 * department's systems. Arguments are reads: a filter on an item needs it in full, a lookup by an
 * identifier without full access spends the key's lookup budget (reserved before, settled after
 * execution). Operations touching conditional items must say why (purpose). Sensitive values
 * are masked in the answer unless the caller may see them in full. Every operation — allowed,
 * refused or failed — leaves an access record, committed before the answer is sent.
 *
 * A write (mutation) is recorded twice: its intent (outcome INTENDED) is committed before it is
 * sent to its library — if it cannot be, the write is refused (AUDIT_UNAVAILABLE, 503) and nothing
 * is done — and its outcome after. If the outcome cannot be recorded, the caller still gets the
 * answer of the write that happened (the intent is its access record; the answer's
 * `extensions.accessRecord` names it): no committed change without an access record, and no
 * caller told "failed" for a change that was made.
 */
export function accessPlugin(options: AccessPluginOptions): ApolloServerPlugin<GatewayContext> {
  const operationFields = new OperationFieldsCache(options.apiSchema);
  return {
    async requestDidStart() {
      const startedAt = new Date();
      const started = performance.now();
      const timings: Record<string, number> = {};
      let fields: readonly string[] = [];
      let refusal: Record<string, unknown> | null = null;
      let operationType: AccessRecordInput['operationType'] = 'query';
      /** This operation's budgeted lookups, reserved before execution and settled after it. */
      let lookups: ReservedLookups | undefined;
      /** A write's intent record: its position in the log once committed; 'failed' when it could not be (the write was not sent). */
      let intent: string | null | 'failed' | undefined;
      return {
        async didResolveOperation(requestContext) {
          const { request, document, operationName, operation, contextValue } = requestContext;
          // No operation to run (several without operationName) or a subscription: clientMistakesPlugin
          // refuses those (400); nothing here applies to them.
          if (!operation || operation.operation === 'subscription') return;
          const t0 = performance.now();
          operationType = operation?.operation === 'mutation' ? 'mutation' : 'query';
          const context = contextValue;
          // Refused by the query limits (their hook ran first): nothing runs, nothing to decide or reserve.
          if (context.refusedByLimits) return;
          const purpose = accessPurpose(context.headers, request.extensions);
          if ('error' in purpose)
            throw refuse(purpose.error.code, purpose.error.message, 400, {
              reason: purpose.error.reason,
              field: purpose.error.field,
            });
          context.purpose = purpose.purpose;
          const touched = operationFields.fieldsOf(document, { operationName, variables: request.variables });
          fields = touched.sorted;
          // What the arguments pass depends on the variables' values: read each time, never cached.
          const uses = argumentUses(touched.argumentSites, request.variables);
          for (const subject of argumentSubjects(document, request.variables)) context.subjects.add(subject);
          const loaded = options.policy.current;
          if (!loaded)
            throw refuse(
              'POLICY_UNAVAILABLE',
              'the hub has not loaded its sharing policy yet; try again in a moment',
              503,
            );
          const principal = context.principal!;
          if (operationType === 'mutation') {
            const writes = new Map(
              fields.filter((c) => options.registerMutations.has(c)).map((c) => [c, REGISTER_WRITES[c]]),
            );
            const forbidden = writeRefusal(principal, loaded.policy, writes);
            if (forbidden) {
              refusal = { writeForbidden: forbidden.refused };
              throw refuse(forbidden.code, forbidden.message, 403, { refused: forbidden.refused });
            }
          }
          const decision = loaded.policy.decide(principal, touched.coordinates, chinaDate(startedAt), uses);
          if (decision.arguments.length > 0) fields = [...touched.sorted, ...decision.arguments].sort();
          timings.policy = round(performance.now() - t0);
          if (!decision.allowed) {
            refusal = { refused: decision.refused };
            throw refuse('ACCESS_DENIED', denialMessage(decision.refused), 403, {
              refused: decision.refused,
              applyFor: applyFor(decision.refused),
            });
          }
          if (decision.purposeRequired && !context.purpose.purpose) {
            const conditional = decision.items
              .filter((i) => i.sharingType === 'CONDITIONAL')
              .map((i) => `${i.resourceName}: ${i.name}`);
            refusal = { purposeRequired: conditional };
            throw refuse(
              'PURPOSE_REQUIRED',
              `this operation reads conditionally shared data (${conditional.slice(0, 3).join('; ')}${conditional.length > 3 ? '; …' : ''}): say why — request extensions {"purpose": "…", "caseNumber": "…"} or the x-hub-purpose header`,
              403,
            );
          }
          // Last, so that an operation refused for any other reason spends nothing.
          const reserved = reserveLookups(options.lookups, context, decision);
          if (reserved && 'error' in reserved) {
            refusal = { lookupBudget: reserved.details };
            if (reserved.details.retryAfter !== null)
              requestContext.response.http.headers.set('retry-after', String(reserved.details.retryAfter));
            throw reserved.error;
          }
          lookups = reserved;
          context.decision = decision;
          if (operationType === 'mutation') {
            // The intent before the write: a write the log cannot take is not made.
            try {
              intent = await options.audit.write(
                accessRecord(
                  requestContext,
                  { fields, refusal, operationType, startedAt, started, timings },
                  'INTENDED',
                  null,
                ),
              );
            } catch {
              intent = 'failed';
              if (lookups) options.lookups.budget.settle(lookups.reservation, 0);
              lookups = undefined;
              requestContext.response.http.headers.set('retry-after', String(AUDIT_RETRY_AFTER_SECONDS));
              throw refuse(
                'AUDIT_UNAVAILABLE',
                'the hub could not record this write before making it, so it did not make it: nothing was changed — send it again in a moment',
                503,
                { retryable: true },
              );
            }
          }
        },

        async willSendResponse(requestContext) {
          const { response, contextValue: context } = requestContext;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const t0 = performance.now();
          if (body?.data && context.decision) {
            maskResponseData(
              options.apiSchema,
              requestContext.document!,
              { operationName: requestContext.operationName, variables: requestContext.request.variables },
              body.data,
              context.decision.maskFor,
            );
            timings.masking = round(performance.now() - t0);
          }
          if (lookups) settleLookups(options.lookups, context, lookups);
          lookups = undefined;
          const errorCode = firstErrorCode(requestContext);
          // Refused before anything ran because its intent could not be recorded: nothing was done,
          // and the access log, down as it is, would only make the caller wait a second timeout.
          if (intent === 'failed') return;
          const outcome: AccessOutcome =
            errorCode && REFUSAL_CODES.has(errorCode as HubErrorCode)
              ? 'REFUSED'
              : body?.errors?.length && !body.data
                ? 'FAILED'
                : 'ALLOWED';
          const record = accessRecord(
            requestContext,
            { fields, refusal, operationType, startedAt, started, timings },
            outcome,
            errorCode ?? null,
          );
          let seq: string | null;
          try {
            seq = await options.audit.write(record);
          } catch {
            if (intent !== undefined) {
              // The write was sent with its intent on record: its answer stands (a change that was
              // made is never reported as failed), and the intent is its access record.
              options.log.error(
                { requestId: context.requestId, intentSeq: intent, outcome, errorCode },
                'the outcome of a write could not be recorded; its intent record stands for it',
              );
              if (body) body.extensions = { ...body.extensions, accessRecord: { intent, outcome: null } };
              return;
            }
            // No record, no answer: what was read must not leave the hub unrecorded.
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: 'the hub could not record this access, so it does not answer; try again in a moment',
                    extensions: { code: 'AUDIT_UNAVAILABLE', retryable: true, requestId: context.requestId },
                  },
                ],
              },
            };
            response.http.status = 503;
            response.http.headers.set('retry-after', String(AUDIT_RETRY_AFTER_SECONDS));
            return;
          }
          if (intent !== undefined && body)
            body.extensions = { ...body.extensions, accessRecord: { intent, outcome: seq } };
        },
      };
    },
  };
}

/** Seconds a caller is told to wait (Retry-After) when the access log cannot take records. */
const AUDIT_RETRY_AFTER_SECONDS = 5;

/** What the plugin knows of an operation when it records it. */
interface RecordState {
  fields: readonly string[];
  refusal: Record<string, unknown> | null;
  operationType: AccessRecordInput['operationType'];
  startedAt: Date;
  started: number;
  timings: Record<string, number>;
}

function accessRecord(
  requestContext: { contextValue: GatewayContext; operationName?: string | null },
  state: RecordState,
  outcome: AccessOutcome,
  errorCode: string | null,
): AccessRecordInput {
  const context = requestContext.contextValue;
  const principal = context.principal;
  return {
    requestId: context.requestId,
    keyId: principal?.keyId ?? null,
    systemCode: principal?.systemCode ?? null,
    departmentUscc: principal?.departmentUscc ?? null,
    holderName: principal?.name ?? null,
    roles: principal?.roles ?? [],
    purpose: context.purpose.purpose,
    caseNumber: context.purpose.caseNumber,
    operationType: state.operationType,
    operationName: requestContext.operationName?.slice(0, 200) || null,
    fields: [...state.fields],
    subjects: [...context.subjects].sort(),
    outcome,
    errorCode,
    refusal: state.refusal,
    startedAt: state.startedAt.toISOString(),
    durationMs: Math.round(performance.now() - state.started),
    timings: { ...state.timings },
  };
}

function refuse(
  code: HubErrorCode,
  message: string,
  status: number,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

const REASON_TEXT: Record<Exclude<RefusedItem['reason'], 'UNGOVERNED'>, string> = {
  GRANT_REQUIRED: 'needs an approved sharing application',
  PROVIDER_ONLY: 'not shared',
  FILTER_NEEDS_FULL_ACCESS:
    'filtering or matching by it reveals its values: needs full values — the provider, or an approved full-value application',
};

function denialMessage(refused: RefusedItem[]): string {
  const described = refused
    .slice(0, 5)
    .map((r) =>
      r.reason === 'UNGOVERNED'
        ? `${r.item} (governed by no published catalog item)`
        : `${r.resourceName} ${r.resourceCode}: ${r.itemName} (${REASON_TEXT[r.reason]})`,
    );
  return `access denied to ${refused.length} data item(s): ${described.join('; ')}${refused.length > 5 ? '; …' : ''}`;
}

interface Application {
  resourceCode: string;
  resourceName: string;
  items: number[];
  /** Present (true) when an item is refused for want of full values: the application must ask for them. */
  fullValues?: true;
}

/** The resources (and their items) a caller could apply for to lift a refusal. */
function applyFor(refused: RefusedItem[]): Application[] {
  const byResource = new Map<string, Application>();
  for (const r of refused) {
    if ((r.reason !== 'GRANT_REQUIRED' && r.reason !== 'FILTER_NEEDS_FULL_ACCESS') || !r.resourceCode) continue;
    const entry = byResource.get(r.resourceCode) ?? {
      resourceCode: r.resourceCode,
      resourceName: r.resourceName ?? '',
      items: [],
    };
    const no = Number(r.item.slice(r.item.indexOf('#') + 1));
    if (!entry.items.includes(no)) entry.items.push(no);
    if (r.reason === 'FILTER_NEEDS_FULL_ACCESS') entry.fullValues = true;
    byResource.set(r.resourceCode, entry);
  }
  return [...byResource.values()];
}

/**
 * Reserves the operation's budgeted lookups (every key asked, counted as a miss until served), or
 * says why not: LOOKUP_BUDGET_EXCEEDED (429), logged and counted, the key id in the log only.
 */
function reserveLookups(
  lookups: AccessPluginOptions['lookups'],
  context: GatewayContext,
  decision: AccessDecision,
):
  | ReservedLookups
  | {
      error: GraphQLError;
      details: { asked: number; remaining: number; budget: number; windowSeconds: number; retryAfter: number | null };
    }
  | undefined {
  if (decision.lookups.length === 0) return undefined;
  const asked = lookupKeys(decision.lookups);
  if (asked.count === 0) return undefined;
  const principal = context.principal!;
  const answer = lookups.budget.reserve(principal.keyId, asked.count);
  if (answer.ok) return { reservation: answer.reservation, asked: asked.byGraph };
  const details = {
    asked: asked.count,
    remaining: answer.remaining,
    budget: lookups.budget.budget,
    windowSeconds: Math.round(lookups.budget.windowMs / 1000),
    retryAfter: answer.retryAfterSeconds,
  };
  lookups.refusals.inc();
  lookups.log.warn(
    {
      requestId: context.requestId,
      keyId: principal.keyId,
      systemCode: principal.systemCode,
      arguments: decision.lookups.map((l) => l.argument),
      ...details,
    },
    'lookup budget exceeded: a caller without full access to an identifier asked for more keys than its budget of misses allows',
  );
  const items = [
    ...new Set(decision.lookups.map((l) => `${l.item.resourceName} ${l.item.resourceCode}: ${l.item.name}`)),
  ].join('; ');
  const message =
    answer.retryAfterSeconds === null
      ? `this lookup asks for ${asked.count} keys, more than the ${details.budget} misses a key may have in ${details.windowSeconds} s without full values of ${items}: ask for fewer at a time, or apply for full values`
      : `lookup budget exceeded: ${asked.count} keys asked, ${details.remaining} of ${details.budget} misses left in ${details.windowSeconds} s without full values of ${items}; try again in ${answer.retryAfterSeconds} s, or apply for full values`;
  return { error: refuse('LOOKUP_BUDGET_EXCEEDED', message, 429, details), details };
}

/** The keys of an operation's lookups (per answering subgraph), reserved in its key's budget. */
interface ReservedLookups {
  reservation: Reservation;
  asked: Map<string, Set<string>>;
}

/** Gives back the keys the answering subgraphs served (hits) and counts the rest as misses. */
function settleLookups(
  lookups: AccessPluginOptions['lookups'],
  context: GatewayContext,
  { reservation, asked }: ReservedLookups,
): void {
  let misses = 0;
  for (const [graph, keys] of asked) {
    const served = context.served.get(graph);
    let missed = 0;
    for (const key of keys) if (!served?.has(key)) missed++;
    if (missed > 0) lookups.misses.inc({ graph }, missed);
    misses += missed;
  }
  lookups.budget.settle(reservation, misses);
}

function firstErrorCode(context: GraphQLRequestContextWillSendResponse<GatewayContext>): string | undefined {
  const body = context.response.body.kind === 'single' ? context.response.body.singleResult : undefined;
  const code = body?.errors?.[0]?.extensions?.code ?? context.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
