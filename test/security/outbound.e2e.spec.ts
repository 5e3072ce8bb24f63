import dns from 'node:dns';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_PERSON, aPerson } from '../support/fixtures.js';
import { TestHub } from '../support/test-hub.js';

/**
 * Every connection and name lookup of this process (the whole hub runs in it), stopped before a
 * byte leaves when it is not for loopback: nothing is sent, every attempt is recorded.
 */
class OutboundTrap {
  readonly attempts: string[] = [];
  private restore: Array<() => void> = [];

  install(): void {
    const attempts = this.attempts;
    const connect = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect() passes its normalised arguments as one array: [options, callback].
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      const options = (
        typeof first === 'object' && first !== null
          ? first
          : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }
      ) as { host?: string; path?: string; port?: unknown };
      if (!options.path && !isLoopback(options.host ?? 'localhost')) {
        attempts.push(`connect ${options.host}:${String(options.port)}`);
        throw new Error(`outbound connection to ${options.host} refused by the test`);
      }
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    this.restore.push(() => (net.Socket.prototype.connect = connect));
    const lookup = dns.lookup;
    dns.lookup = function (hostname: string, ...rest: unknown[]) {
      if (!isLoopback(hostname)) {
        attempts.push(`lookup ${hostname}`);
        const callback = rest.at(-1) as (error: Error) => void;
        process.nextTick(() =>
          callback(Object.assign(new Error(`lookup of ${hostname} refused by the test`), { code: 'ENOTFOUND' })),
        );
        return undefined as never;
      }
      return (lookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
    } as typeof dns.lookup;
    this.restore.push(() => (dns.lookup = lookup));
    const promisesLookup = dns.promises.lookup;
    dns.promises.lookup = async function (hostname: string, ...rest: unknown[]) {
      if (!isLoopback(hostname)) {
        attempts.push(`lookup ${hostname}`);
        throw Object.assign(new Error(`lookup of ${hostname} refused by the test`), { code: 'ENOTFOUND' });
      }
      return (promisesLookup as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
    } as typeof dns.promises.lookup;
    this.restore.push(() => (dns.promises.lookup = promisesLookup));
  }

  uninstall(): void {
    for (const undo of this.restore.reverse()) undo();
    this.restore = [];
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host) || host === '';
}

/** Whatever the environment holds, the hub makes no connection beyond this host. */
describe('outbound', () => {
  const trap = new OutboundTrap();
  let hub: TestHub;

  beforeAll(async () => {
    trap.install();
    // What would switch on Apollo's usage reporting, schema reporting and managed federation.
    hub = await TestHub.start({
      env: {
        APOLLO_KEY: 'service:hub-outbound-test:0123456789abcdefghij',
        APOLLO_GRAPH_REF: 'hub-outbound-test@current',
        APOLLO_SCHEMA_REPORTING: 'true',
        APOLLO_TELEMETRY_DISABLED: '',
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
    trap.uninstall();
  });

  it('catches an outbound attempt without sending it (so the assertion below can fail)', async () => {
    const before = trap.attempts.length;
    await expect(fetch('http://203.0.113.7:8089/')).rejects.toThrow();
    await expect(fetch('http://usage-reporting.example.invalid/')).rejects.toThrow();
    const caught = trap.attempts.slice(before);
    expect(caught).toContain('connect 203.0.113.7:8089');
    // By name: caught at the connection (undici) or at the lookup (node's http), whichever comes first.
    expect(caught.some((a) => a.includes('usage-reporting.example.invalid'))).toBe(true);
    trap.attempts.splice(before);
  });

  it('sends nothing beyond loopback while serving reads and writes, nor when it stops (the last usage report)', async () => {
    const person = aPerson().build();
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    for (let i = 0; i < 5; i++) {
      const read = await hub.graphql(
        `query Read($id: String!) { person(idNumber: $id) { name credit { assessment { level } } location { status } } }`,
        { id: person.idNumber },
      );
      expect(read.errors).toBeUndefined();
    }
    await hub.close();
    expect(trap.attempts).toEqual([]);
  });
});
