import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { GatewayContext } from './gateway-context.js';

/**
 * What an operator looks a trace up by, on the gateway's request span: the operation and the
 * calling system and department. Never the document, the variables, the purpose (free text) or
 * the holder's name: those may name a person. A no-op while tracing is off (no span is recording).
 */
export function tracingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      const principal = contextValue.principal;
      if (principal?.systemCode) span.setAttribute('hub.caller.system', principal.systemCode);
      if (principal?.departmentUscc) span.setAttribute('hub.caller.department', principal.departmentUscc);
      return {
        async didResolveOperation({ operationName, operation }) {
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
        },
      };
    },
  };
}
