/** Why `version` does not fit package.json's `engines.node` range, or null when it does. */
export function nodeVersionProblem(version: string, engines: string): string | null;
