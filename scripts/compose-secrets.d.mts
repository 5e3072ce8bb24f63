export interface ComposeSecret {
  /** The secret's name in docker-compose.yml (mounted at /run/secrets/<name>). */
  name: string;
  /** Its file in the secrets folder. */
  file: string;
  readBy: string;
}

/** The secrets docker-compose.yml mounts, each generated into its own file. */
export declare const COMPOSE_SECRETS: readonly ComposeSecret[];

/** $HUB_SECRETS_DIR resolved against the repository, or deploy/secrets there. */
export declare function secretsDir(env?: NodeJS.ProcessEnv): string;

/** Creates the folder (0700) and each missing secret file; never replaces an existing one. */
export declare function ensureComposeSecrets(
  dir?: string,
): Array<ComposeSecret & { path: string; action: 'created' | 'kept' }>;
