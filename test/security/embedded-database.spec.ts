// Issue 9, "below the gateway": the embedded database (npm start without DATABASE_URL) must not be a
// door for other local users. PGlite accepts any user without a password, so whoever can connect
// owns every table, and an API key row they insert is honoured by the gateway. These tests run the
// attacker as a real process of another OS user, against a real hub on the embedded database.
import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '@hub/auth';
import { TestHub } from '../support/test-hub.js';

/** The uid/gid the attacker runs as: `nobody`, which owns nothing of the hub. */
const OTHER_UID = 65534;
const OTHER_GID = 65534;
const PG_MODULE = createRequire(import.meta.url).resolve('pg');

/**
 * The attacker: any local program with a Postgres client. It tries to read a file of the database
 * and to connect and insert an admin key, and prints what happened.
 */
const ATTACKER = `
const [pgPath, url, dataDir, id, secretHash] = process.argv.slice(1);
const out = {};
try { require('fs').readFileSync(dataDir + '/PG_VERSION'); out.readFile = 'ok'; } catch (e) { out.readFile = e.code; }
const client = new (require(pgPath).Client)({ connectionString: url, connectionTimeoutMillis: 5000 });
client.connect()
  .then(() => client.query("INSERT INTO catalog.api_key (id, secret_hash, roles, holder_name, issued_at, expires_at) VALUES ($1, $2, '{ADMIN}', 'planted by a local process', now(), now() + interval '1 day')", [id, secretHash]))
  .then(() => { out.insert = 'ok'; }, (e) => { out.insert = e.code || e.message; })
  .finally(() => { console.log(JSON.stringify(out)); client.end().catch(() => {}); });
`;

interface AttackOutcome {
  readFile: string;
  insert: string;
}

/** `setpriv` arguments that drop root for another user, with a node that user can run; or null. */
function otherUserLauncher(): string[] | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const drop = ['setpriv', `--reuid=${OTHER_UID}`, `--regid=${OTHER_GID}`, '--clear-groups', '--inh-caps=-all'];
  // This run's node may sit under a folder only root can enter (~/.cache); the machine's own one will do.
  for (const node of [process.execPath, '/usr/bin/node', '/usr/local/bin/node']) {
    const probe = spawnSync(drop[0], [...drop.slice(1), node, '-e', 'require(process.argv[1])', PG_MODULE], {
      cwd: '/',
      stdio: 'ignore',
    });
    if (probe.status === 0) return [...drop, node];
  }
  return null;
}

/** Runs the attacker; asynchronously, since the database it attacks runs in this very process. */
async function attack(
  launcher: string[],
  url: string,
  dataDir: string,
  key: { id: string; secretHash: string },
): Promise<AttackOutcome> {
  const { stdout } = await promisify(execFile)(
    launcher[0],
    [...launcher.slice(1), '-e', ATTACKER, PG_MODULE, url, dataDir, key.id, key.secretHash],
    {
      cwd: '/',
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return JSON.parse(stdout) as AttackOutcome;
}

/** TCP ports this process listens on (Linux: its socket fds matched against /proc/net/tcp{,6}). */
function tcpListeningPorts(): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // Closed in the meantime.
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is fields[1] (hex ip:port), st is fields[3] (0A = LISTEN), inode is fields[9].
      if (fields.length > 9 && fields[3] === '0A' && inodes.has(fields[9]))
        ports.add(Number.parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}

const portOf = (url: string) => Number(new URL(url).port);

describe('below the gateway: the embedded database', () => {
  const launcher = otherUserLauncher();
  const databaseUrl = process.env.DATABASE_URL;
  let hub: TestHub;
  let tcpBefore: Set<number>;

  beforeAll(async () => {
    tcpBefore = tcpListeningPorts();
    // Whatever CI sets, this hub runs on the embedded database: it is what `npm start` runs.
    delete process.env.DATABASE_URL;
    hub = await TestHub.start({ env: { POLICY_REFRESH_MS: '1000' } });
    expect(hub.database.embedded).toBe(true);
  });

  afterAll(async () => {
    await hub?.close();
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
  });

  it.runIf(process.platform === 'linux')('opens no TCP port: the process listens only on the ports of its apps', () => {
    const apps = [hub.gatewayUrl, ...Object.values(hub.subgraphUrls)].map(portOf);
    const opened = [...tcpListeningPorts()].filter((port) => !tcpBefore.has(port));
    // The check sees a listener of this process (the gateway's), so an extra one would show.
    expect(opened).toContain(portOf(hub.gatewayUrl));
    expect(opened.sort((a, b) => a - b)).toEqual(apps.sort((a, b) => a - b));
  });

  it('keeps its socket in an owner-only folder of the data directory', async () => {
    const dataDir = hub.database.dataDir!;
    const { host } = new pg.Client({ connectionString: hub.database.url });
    expect(host).toBe(join(dataDir, 'socket'));
    const uid = process.getuid!();
    for (const [path, mode] of [
      [dataDir, 0o700],
      [host, 0o700],
      [join(host, '.s.PGSQL.5432'), 0o600],
    ] as const) {
      const info = await stat(path);
      expect({ path, mode: info.mode & 0o777, uid: info.uid }).toEqual({ path, mode, uid });
    }
  });

  it.runIf(launcher)(
    'refuses a process of another local user: it cannot connect, insert an admin key or read the files',
    async () => {
      const planted = generateApiKey();
      const outcome = await attack(launcher!, hub.database.url, hub.database.dataDir!, planted);
      expect(outcome).toEqual({ readFile: 'EACCES', insert: 'EACCES' });
      // The write did not happen, and the gateway does not honour the key (its policy reloads every second).
      const rows = await queryAsOwner(hub.database.url, 'SELECT id FROM catalog.api_key WHERE id = $1', [planted.id]);
      expect(rows).toEqual([]);
      await new Promise((r) => setTimeout(r, 2500));
      const response = await hub.graphqlResponse('{ myAccess { roles } }', {}, {}, { key: planted.key });
      expect(response.status).toBe(401);
    },
  );

  it.runIf(launcher)(
    '(control) lets the same program in as the owner, and the gateway then honours what it planted',
    async () => {
      // Shows the attack above is a real one: only the other user's identity stopped it.
      const planted = generateApiKey();
      const asOwner = [launcher!.at(-1)!];
      expect(await attack(asOwner, hub.database.url, hub.database.dataDir!, planted)).toEqual({
        readFile: 'ok',
        insert: 'ok',
      });
      await hub.eventually(async () => {
        const answer = await hub.graphql<{ myAccess: { roles: string[] } }>(
          '{ myAccess { roles } }',
          {},
          {},
          { key: planted.key },
        );
        expect(answer.data?.myAccess.roles).toEqual(['ADMIN']);
      }, 10_000);
    },
  );
});

async function queryAsOwner(url: string, sql: string, params: unknown[]): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
