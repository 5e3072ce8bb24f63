/** Scans built files for references a browser would fetch from another origin (see build-graphiql.mjs). */
export function scan(files: string[]): Promise<{
  external: Array<{ file: string; url: string; context: string }>;
  harmless: Map<string, string>;
}>;
