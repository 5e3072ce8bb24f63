// What `npm start` prints on the terminal once the hub is up: the addresses and, with the demo, the
// headers to paste into GraphiQL. Kept apart from main.ts so a test can hold its wording.

/**
 * The demo one-window system's headers for GraphiQL's Headers tab. The purpose goes with the key:
 * the gateway refuses a query without a stated purpose (PURPOSE_REQUIRED), so a key alone would make
 * a newcomer's first query fail.
 */
export function demoHeaders(key: string): string {
  return `{"Authorization": "Bearer ${key}", "x-hub-purpose": "demo"}`;
}

export interface BannerOptions {
  url: string;
  seconds: string;
  /** The file holding the operators' metrics token, when the hub keeps one. */
  metricsToken?: string;
  /** The demo one-window key when the demo is loaded. */
  demoKey?: string;
  company?: { name: string; uscc: string } | null;
  /** Where the JSON logs went, when they went to a file. */
  logFile?: string;
}

export function startBanner(o: BannerOptions): string {
  const demo = o.demoKey
    ? `  Demo key (one-window system, with grants) and purpose for GraphiQL's Headers tab:\n    ${demoHeaders(o.demoKey)}\n` +
      `  Other demo keys (steward, admin, systems without grants): see README.md\n` +
      (o.company
        ? `  Once-only demo company (licence, identity check, materials on file): ${o.company.name} ${o.company.uscc}\n`
        : '') +
      '\n'
    : '';
  const logs = o.logFile ? `  Logs:      ${o.logFile}  (JSON; HUB_LOG_TO_TERMINAL=1 npm start prints them here)\n` : '';
  return (
    `\n  Data-sharing hub is running (started in ${o.seconds} s)\n\n` +
    `  GraphiQL:  ${o.url}/graphiql\n` +
    `  Console:   ${o.url}/console  (stewards sign in with their key)\n` +
    `  GraphQL:   ${o.url}/graphql\n` +
    `  Health:    ${o.url}/health\n` +
    `  Metrics:   ${o.url}/metrics  (Authorization: Bearer <the operators' token${o.metricsToken ? `, in ${o.metricsToken}` : ''}>)\n` +
    logs +
    `\n${demo}  Press Ctrl+C to stop.\n\n`
  );
}
