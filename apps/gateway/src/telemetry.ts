/**
 * @apollo/gateway sends usage telemetry to Apollo and probes cloud metadata addresses unless
 * APOLLO_TELEMETRY_DISABLED is set. A government network must see no outbound connection, so the
 * hub sets it in code, in every run mode, whatever the environment says.
 */
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

disableApolloTelemetry();
