// A lint of docker-compose.yml and the Dockerfile: what a new operator trusts them for, checked
// without Docker. `docker-compose config -q` in CI checks that Compose accepts the file; this checks
// what Compose accepts just as well when it is wrong — a service nobody waits for properly, an image
// that moves under its tag, topics kept in a container's throwaway layer, a secret in the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPOSE_SECRETS } from '../scripts/compose-secrets.mjs';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test?: string[] | string; disable?: boolean; interval?: string; retries?: number };
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: unknown[];
  networks?: string[];
  volumes?: string[];
  secrets?: string[];
}
interface ComposeFile {
  name?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

const text = readFileSync('docker-compose.yml', 'utf8');
// `merge: true`: the file shares the apps' settings through YAML merge keys (`<<: *app`), as Compose reads them.
const compose = parse(text, { merge: true }) as ComposeFile;
const services = Object.entries(compose.services);
/** The hub's own apps: the services that run the hub's image. */
const hubApps = services.filter(([, s]) => s.image !== undefined && isHubImage(s.image));
const dockerfile = readFileSync('Dockerfile', 'utf8');

/** A value as Compose would use it with no variable set: `${VAR:-default}` becomes its default. */
function withDefaults(value: string): string {
  return value.replace(/\$\{[A-Z0-9_]+:?-([^}]*)\}/g, '$1');
}
const PINNED = /@sha256:[0-9a-f]{64}$/;

describe('docker-compose.yml', () => {
  it('has a fixed project name, so volumes keep their names whatever the checkout folder is called', () => {
    expect(compose.name).toBe('data-sharing-hub');
  });

  it('gives every service a healthcheck', () => {
    const without = services.filter(([, s]) => !s.healthcheck?.test || s.healthcheck.disable).map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('starts a service only once what it depends on is healthy', () => {
    const loose = services.flatMap(([name, s]) => {
      const deps = s.depends_on ?? {};
      if (Array.isArray(deps)) return deps.map((d) => `${name} → ${d} (no condition)`);
      return Object.entries(deps)
        .filter(([, d]) => d?.condition !== 'service_healthy')
        .map(([dep, d]) => `${name} → ${dep} (${d?.condition ?? 'no condition'})`);
    });
    expect(loose).toEqual([]);
    // Every app waits for the database and the broker; the gateway for every app as well.
    for (const [name, s] of hubApps) {
      expect(Object.keys(s.depends_on ?? {}), name).toEqual(expect.arrayContaining(['postgres', 'kafka']));
    }
    const apps = hubApps.filter(([name]) => name !== 'gateway').map(([name]) => name);
    expect(Object.keys(compose.services.gateway.depends_on ?? {})).toEqual(expect.arrayContaining(apps));
  });

  it('pins every image it pulls by digest (the default, and after a registry prefix)', () => {
    const pulled = services.filter(([, s]) => s.image && !isHubImage(s.image));
    expect(pulled.map(([name]) => name)).toEqual(expect.arrayContaining(['kafka', 'postgres']));
    for (const [name, s] of pulled) expect(withDefaults(s.image!), name).toMatch(PINNED);
  });

  it('builds one image for all apps, once', () => {
    // Every service that runs one of the hub's apps (dist/apps/<app>/src/main.js) runs the one image.
    const running = services.filter(([, s]) =>
      s.command?.some((arg) => /^dist\/apps\/[a-z-]+\/src\/main\.js$/.test(arg)),
    );
    expect(running.map(([name]) => name).sort()).toEqual([
      'catalog',
      'credit',
      'gateway',
      'geospatial',
      'legal-entity',
      'once-only',
      'population',
    ]);
    expect(hubApps.map(([name]) => name).sort()).toEqual(running.map(([name]) => name).sort());
    expect(services.filter(([, s]) => s.build).map(([name]) => name)).toEqual(['gateway']);
  });

  it('pins the base image of the hub image by digest in every stage of the Dockerfile', () => {
    const args = Object.fromEntries([...dockerfile.matchAll(/^ARG\s+([A-Z_]+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) =>
      m[1].replace(/\$\{?([A-Z_]+)\}?/g, (_, v: string) => args[v] ?? `<${v} unset>`),
    );
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(PINNED);
  });

  it("keeps Postgres and Kafka data in named volumes, Kafka's log dirs inside its volume", () => {
    const named = Object.keys(compose.volumes ?? {});
    const mounts = (service: string) =>
      (compose.services[service].volumes ?? []).map((v) => v.split(':')).filter(([source]) => named.includes(source));
    expect(mounts('postgres').map(([, target]) => target)).toContain('/var/lib/postgresql/data');
    const kafkaMounts = mounts('kafka').map(([, target]) => target);
    expect(kafkaMounts.length).toBe(1);
    // Without KAFKA_LOG_DIRS the apache/kafka image keeps topics in /tmp/kraft-combined-logs, in
    // the container: they vanish with it.
    const logDirs = String(compose.services.kafka.environment?.KAFKA_LOG_DIRS ?? '')
      .split(',')
      .filter(Boolean);
    expect(logDirs.length).toBeGreaterThan(0);
    for (const dir of logDirs) expect(dir === kafkaMounts[0] || dir.startsWith(`${kafkaMounts[0]}/`), dir).toBe(true);
    // A fixed cluster id: the volume's formatted storage and the broker agree after any restart.
    expect(String(compose.services.kafka.environment?.CLUSTER_ID ?? '')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('holds no secret: the apps and Postgres read theirs from files generated outside it', () => {
    for (const [name, s] of services) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        // A secret is passed as NAME_FILE, a path under /run/secrets, never as a value (nor as
        // ${VARIABLE}: then `docker compose exec` fails unless it is exported, and it shows in `docker inspect`).
        if (/(SECRET|TOKEN|PASSWORD)$/.test(key))
          expect.fail(`${name}: ${key} is set in the file; use ${key}_FILE and a secret`);
        if (/(SECRET|TOKEN|PASSWORD)_FILE$/.test(key))
          expect(String(value), `${name}: ${key}`).toMatch(/^\/run\/secrets\/[a-z_]+$/);
        if (/URL$/.test(key)) expect(String(value), `${name}: ${key}`).not.toMatch(/\/\/[^/@]*:[^/@]*@/);
      }
    }
    expect(text).not.toMatch(/\$\{(HUB_INTERNAL_SECRET|HUB_METRICS_TOKEN|POSTGRES_PASSWORD)\b/);
    // Nothing that looks like a key or password: long hex or base64 runs, digests of images aside.
    const unpinned = text.replace(/@sha256:[0-9a-f]{64}/g, '');
    expect(unpinned.match(/\b[0-9a-f]{32,}\b/gi) ?? []).toEqual([]);
    expect(unpinned.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? []).toEqual([]);
  });

  it('mounts each secret the generator writes, from the secrets folder, into the services that read it', () => {
    const secrets = compose.secrets ?? {};
    expect(Object.keys(secrets).sort()).toEqual(COMPOSE_SECRETS.map((s) => s.name).sort());
    for (const secret of COMPOSE_SECRETS) {
      expect(secrets[secret.name].file).toBe(`\${HUB_SECRETS_DIR:-./deploy/secrets}/${secret.file}`);
    }
    for (const [name, s] of services) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        if (!key.endsWith('_FILE') || !String(value).startsWith('/run/secrets/')) continue;
        expect(s.secrets ?? [], `${name}: ${key} needs the secret mounted`).toContain(
          String(value).slice('/run/secrets/'.length),
        );
      }
    }
    // Every app gets all three; Postgres creates its user with the same password file the apps use.
    for (const [name, s] of hubApps) {
      expect(s.environment, name).toMatchObject({
        HUB_INTERNAL_SECRET_FILE: '/run/secrets/hub_internal_secret',
        HUB_METRICS_TOKEN_FILE: '/run/secrets/hub_metrics_token',
        DATABASE_PASSWORD_FILE: '/run/secrets/postgres_password',
      });
    }
    expect(compose.services.postgres.environment).toMatchObject({
      POSTGRES_PASSWORD_FILE: '/run/secrets/postgres_password',
    });
  });

  it("publishes only the gateway's port; everything else sits on the internal network only", () => {
    expect(services.filter(([, s]) => s.ports?.length).map(([name]) => name)).toEqual(['gateway']);
    expect(compose.networks?.internal?.internal).toBe(true);
    for (const [name, s] of services.filter(([name]) => name !== 'gateway'))
      expect(s.networks, name).toEqual(['internal']);
  });
});

function isHubImage(image: string): boolean {
  return /^\$\{HUB_IMAGE:-data-sharing-hub\}:\$\{HUB_VERSION:-local\}$/.test(image);
}
