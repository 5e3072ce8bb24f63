import type { HubErrorCode } from '@hub/subgraph';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { chinaDate } from '@hub/identifiers';
import { maskResponseData, type RefusedItem } from '@hub/policy';
import type { GatewayContext } from '../gateway-context.js';
import { accessPurpose } from './access-purpose.js';
import type { AccessOutcome, AccessRecordInput } from '@hub/policy';
import { argumentSubjects } from './argument-subjects.js';
import type { AuditWriter } from './audit-writer.js';
import { OperationFieldsCache } from './operation-fields-cache.js';
import type { PolicyStore } from './policy-store.js';
import { REGISTER_WRITES, writeRefusal } from './register-writes.js';

/** Error codes that mean "refused by the hub's rules" (as opposed to an operation that failed). */
const REFUSAL_CODES = new Set<HubErrorCode>(['ACCESS_DENIED', 'WRITE_FORBIDDEN', 'PURPOSE_REQUIRED', 'PURPOSE_INVALID', 'POLICY_UNAVAILABLE', 'UNAUTHENTICATED', 'FORBIDDEN']);

export interface AccessPluginOptions {
  apiSchema: GraphQLSchema;
  policy: PolicyStore;
  audit: AuditWriter;
  /** The base libraries' mutations (`Mutation.<field>`): register writes, for their provider departments only. */
  registerMutations: ReadonlySet<string>;
}

/**
 * The catalog's rules on every operation, before anything runs: the exact fields it touches
 * (through fragments, aliases, variables and entity references) are checked against the caller's
 * rights; a refusal is one error naming every refused item and the resources to apply for, and
 * nothing executes. A base library's register is written (mutations) only by its provider
 * department's systems. Operations touching conditional items must say why (purpose). Sensitive values
 * are masked in the answer unless the caller may see them in full. Every operation — allowed,
 * refused or failed — leaves an access record, committed before the answer is sent.
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
      return {
        async didResolveOperation({ request, document, operationName, operation, contextValue }) {
          const t0 = performance.now();
          operationType = operation?.operation === 'mutation' ? 'mutation' : 'query';
          const context = contextValue;
          const purpose = accessPurpose(context.headers, request.extensions);
          if ('error' in purpose) throw refuse(purpose.error.code, purpose.error.message, 400, { reason: purpose.error.reason, field: purpose.error.field });
          context.purpose = purpose.purpose;
          const touched = operationFields.fieldsOf(document, { operationName, variables: request.variables });
          fields = touched.sorted;
          for (const subject of argumentSubjects(document, request.variables)) context.subjects.add(subject);
          const loaded = options.policy.current;
          if (!loaded) throw refuse('POLICY_UNAVAILABLE', 'the hub has not loaded its sharing policy yet; try again in a moment', 503);
          const principal = context.principal!;
          if (operationType === 'mutation') {
            const writes = new Map(fields.filter((c) => options.registerMutations.has(c)).map((c) => [c, REGISTER_WRITES[c]]));
            const forbidden = writeRefusal(principal, loaded.policy, writes);
            if (forbidden) {
              refusal = { writeForbidden: forbidden.refused };
              throw refuse(forbidden.code, forbidden.message, 403, { refused: forbidden.refused });
            }
          }
          const decision = loaded.policy.decide(principal, touched.coordinates, chinaDate(startedAt));
          timings.policy = round(performance.now() - t0);
          if (!decision.allowed) {
            refusal = { refused: decision.refused };
            throw refuse('ACCESS_DENIED', denialMessage(decision.refused), 403, { refused: decision.refused, applyFor: applyFor(decision.refused) });
          }
          if (decision.purposeRequired && !context.purpose.purpose) {
            const conditional = decision.items.filter((i) => i.sharingType === 'CONDITIONAL').map((i) => `${i.resourceName}: ${i.name}`);
            refusal = { purposeRequired: conditional };
            throw refuse(
              'PURPOSE_REQUIRED',
              `this operation reads conditionally shared data (${conditional.slice(0, 3).join('; ')}${conditional.length > 3 ? '; …' : ''}): say why — request extensions {"purpose": "…", "caseNumber": "…"} or the x-hub-purpose header`,
              403,
            );
          }
          context.decision = decision;
        },

        async willSendResponse(requestContext) {
          const { response, contextValue: context } = requestContext;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const t0 = performance.now();
          if (body?.data && context.decision) {
            maskResponseData(options.apiSchema, requestContext.document!, { operationName: requestContext.operationName, variables: requestContext.request.variables }, body.data, context.decision.maskFor);
            timings.masking = round(performance.now() - t0);
          }
          const errorCode = firstErrorCode(requestContext);
          const outcome: AccessOutcome = errorCode && REFUSAL_CODES.has(errorCode as HubErrorCode) ? 'REFUSED' : body?.errors?.length && !body.data ? 'FAILED' : 'ALLOWED';
          const principal = context.principal;
          const record: AccessRecordInput = {
            requestId: context.requestId,
            keyId: principal?.keyId ?? null,
            systemCode: principal?.systemCode ?? null,
            departmentUscc: principal?.departmentUscc ?? null,
            holderName: principal?.name ?? null,
            roles: principal?.roles ?? [],
            purpose: context.purpose.purpose,
            caseNumber: context.purpose.caseNumber,
            operationType,
            operationName: requestContext.operationName?.slice(0, 200) ?? null,
            fields: [...fields],
            subjects: [...context.subjects].sort(),
            outcome,
            errorCode: errorCode ?? null,
            refusal,
            startedAt: startedAt.toISOString(),
            durationMs: Math.round(performance.now() - started),
            timings,
          };
          try {
            await options.audit.write(record);
          } catch {
            // No record, no answer: what was read must not leave the hub unrecorded.
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: 'the hub could not record this access, so it does not answer; try again in a moment',
                    extensions: { code: 'AUDIT_UNAVAILABLE', requestId: context.requestId },
                  },
                ],
              },
            };
            response.http.status = 503;
          }
        },
      };
    },
  };
}

function refuse(code: HubErrorCode, message: string, status: number, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

function denialMessage(refused: RefusedItem[]): string {
  const described = refused.slice(0, 5).map((r) =>
    r.reason === 'UNGOVERNED'
      ? `${r.item} (governed by no published catalog item)`
      : `${r.resourceName} ${r.resourceCode}: ${r.itemName} (${r.reason === 'GRANT_REQUIRED' ? 'needs an approved sharing application' : 'not shared'})`,
  );
  return `access denied to ${refused.length} data item(s): ${described.join('; ')}${refused.length > 5 ? '; …' : ''}`;
}

/** The resources (and their items) a caller could apply for to lift a refusal. */
function applyFor(refused: RefusedItem[]): Array<{ resourceCode: string; resourceName: string; items: number[] }> {
  const byResource = new Map<string, { resourceCode: string; resourceName: string; items: number[] }>();
  for (const r of refused) {
    if (r.reason !== 'GRANT_REQUIRED' || !r.resourceCode) continue;
    const entry = byResource.get(r.resourceCode) ?? { resourceCode: r.resourceCode, resourceName: r.resourceName ?? '', items: [] };
    entry.items.push(Number(r.item.slice(r.item.indexOf('#') + 1)));
    byResource.set(r.resourceCode, entry);
  }
  return [...byResource.values()];
}

function firstErrorCode(context: GraphQLRequestContextWillSendResponse<GatewayContext>): string | undefined {
  const body = context.response.body.kind === 'single' ? context.response.body.singleResult : undefined;
  const code = body?.errors?.[0]?.extensions?.code ?? context.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
