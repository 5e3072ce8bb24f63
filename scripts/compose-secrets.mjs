// The secrets of docker-compose.yml, generated once before the first `docker compose up`:
//
//   npm run compose:init                      (the same as: node scripts/compose-secrets.mjs)
//
// writes deploy/secrets/postgres-password, internal-secret and metrics-token (or into
// $HUB_SECRETS_DIR, which docker-compose.yml reads too), each a fresh random value, and never
// replaces a file that is already there: run it again at any time, it only adds what is missing.
// To rotate one, see docs/operations.md ("Rotating the internal secret").
//
// The folder is made 0700 (no one else on the host reaches the files); the files are 0644 because
// Compose bind-mounts them into the containers as they are, and an app runs there as the image's
// `node` user, whose uid need not be yours (Compose cannot change a mounted file's owner or mode).
//
// Plain JavaScript that any Node of the last years runs: an operator's host needs no npm install.
/* global console, process -- Node globals; the lint config declares no environment for .mjs files */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each secret: its name in docker-compose.yml, its file in the secrets folder, and what reads it. */
export const COMPOSE_SECRETS = [
  {
    name: 'postgres_password',
    file: 'postgres-password',
    readBy: 'Postgres (POSTGRES_PASSWORD_FILE) and every app (DATABASE_PASSWORD_FILE)',
  },
  {
    name: 'hub_internal_secret',
    file: 'internal-secret',
    readBy: 'every app (HUB_INTERNAL_SECRET_FILE): the gateway signs what it passes on with it',
  },
  {
    name: 'hub_metrics_token',
    file: 'metrics-token',
    readBy: 'every app (HUB_METRICS_TOKEN_FILE) and your Prometheus: the bearer token for /metrics',
  },
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The secrets folder: $HUB_SECRETS_DIR (relative to the repository, as Compose reads it) or deploy/secrets. */
export function secretsDir(env = process.env) {
  return path.resolve(ROOT, env.HUB_SECRETS_DIR || 'deploy/secrets');
}

/**
 * Creates the folder (0700) and every missing secret file: 32 random bytes as hex (64 characters,
 * nothing a URL or a shell would need escaped). Returns what it did per file: 'created' or 'kept'.
 * An existing empty file is an error (the apps would refuse it): it is left for the operator to
 * delete, never overwritten.
 */
export function ensureComposeSecrets(dir = secretsDir()) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  const results = [];
  for (const secret of COMPOSE_SECRETS) {
    const file = path.join(dir, secret.file);
    if (existsSync(file)) {
      if (readFileSync(file, 'utf8').replace(/[\r\n]+$/, '') === '') {
        throw new Error(`${file} exists but is empty: delete it and run this again to generate a new one`);
      }
      results.push({ ...secret, path: file, action: 'kept' });
      continue;
    }
    // 'wx': fails rather than replace a file that appeared meanwhile.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o644 });
    chmodSync(file, 0o644);
    results.push({ ...secret, path: file, action: 'created' });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = secretsDir();
    const results = ensureComposeSecrets(dir);
    for (const r of results) {
      const shown = path.relative(process.cwd(), r.path).startsWith('..')
        ? r.path
        : path.relative(process.cwd(), r.path);
      console.log(`  ${r.action === 'created' ? 'created' : 'kept   '} ${shown}  (${r.readBy})`);
    }
    console.log(`\n  The secrets of docker-compose.yml are in ${dir} (folder 0700). Keep a copy in your secret store.`);
    console.log('  Next: docker compose up -d --build, then docker compose exec catalog cat /hub/secrets/admin.key\n');
  } catch (error) {
    console.error(`\n  ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
