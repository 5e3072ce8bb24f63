import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics.js';

/** Duration and outcome of every GraphQL operation, by operation name, as Prometheus metrics. */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  const duration = metrics.histogram(
    'hub_graphql_operation_seconds',
    'GraphQL operations by name and outcome',
    ['operation', 'outcome'],
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          duration.observe(
            { operation: operationName ?? 'anonymous', outcome: errors?.length ? 'error' : 'ok' },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
