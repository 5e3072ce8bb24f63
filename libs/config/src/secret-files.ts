import { readFileSync } from 'node:fs';
import { ConfigError } from './load-config.js';

/**
 * Secrets read from files. For each NAME given, `NAME_FILE` may name a file holding NAME's value —
 * a Compose or Kubernetes secret mounted at /run/secrets/…, so the value is in no environment
 * listing, no `docker inspect`, and no shell needs it exported. The value is the file's content
 * without its trailing line breaks, exactly as the official postgres image reads its own `*_FILE`:
 * Postgres and the apps read one password file alike.
 *
 * Once read, the value becomes NAME in `env` and NAME_FILE is removed, so a later call (the readers
 * call this on every use) costs nothing and sees one source. The file's mode is not checked: a
 * bind-mounted secret keeps its host mode, and must be readable by the container's user.
 *
 * A file that is missing, unreadable or empty, or NAME and NAME_FILE both set: ConfigError naming
 * the variable and the file, so the process stops at start with the reason.
 */
export function readSecretFiles(names: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const name of names) {
    const variable = `${name}_FILE`;
    const file = env[variable];
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`${name} and ${variable} are both set: set one of them`);
      continue;
    }
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`${variable}: ${unreadable(file, error as NodeJS.ErrnoException)}`);
      continue;
    }
    const value = content.replace(/[\r\n]+$/, '');
    if (value === '') {
      problems.push(`${variable}: ${file} is empty`);
      continue;
    }
    env[name] = value;
    delete env[variable];
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

function unreadable(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `${file} does not exist`;
    case 'EACCES':
      // The usual cause in a container: a secret file mounted with its host owner and mode 0600.
      return `${file} is not readable by this process (uid ${process.getuid?.() ?? '?'}): make it readable to that user`;
    case 'EISDIR':
      return `${file} is a folder, not a file`;
    case undefined: // an error without an errno code: its message says what went wrong
    default:
      return `cannot read ${file}: ${error.message}`;
  }
}
