import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics.js';

/** Distinct operation names an app labels its metrics with by default; later ones are counted as `other`. */
export const DEFAULT_MAX_OPERATION_LABELS = 100;
/** What a GraphQL operation name can be (and how long a label may be). */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * The label of an operation name, from a bounded set: the first `max` distinct names an app sees
 * are their own label (the hub's clients send a few dozen fixed names), every later one is
 * `other`, no name is `anonymous`, and anything that is not a GraphQL name cannot appear. The
 * client chooses the name, so without the bound each new name would add a time series to every
 * scrape (/metrics grew from 28 kB to 7.4 MB in 2,000 requests): memory and scrapes stay bounded
 * whatever a caller sends. The names are first come, first labelled: a caller that sends many
 * names early pushes later ones into `other` — which the access log still names per request.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(readonly max: number = DEFAULT_MAX_OPERATION_LABELS) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max || !OPERATION_NAME.test(name)) return 'other';
    this.known.add(name);
    return name;
  }
}

/** Duration and outcome of every GraphQL operation, by operation name (a bounded set: OperationLabels), as Prometheus metrics. */
export function operationMetricsPlugin(
  metrics: Metrics,
  options: { maxOperationLabels?: number } = {},
): ApolloServerPlugin {
  const duration = metrics.histogram(
    'hub_graphql_operation_seconds',
    'GraphQL operations by name (the first names seen, then "other") and outcome',
    ['operation', 'outcome'],
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  const labels = new OperationLabels(options.maxOperationLabels);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          duration.observe(
            { operation: labels.label(operationName), outcome: errors?.length ? 'error' : 'ok' },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
