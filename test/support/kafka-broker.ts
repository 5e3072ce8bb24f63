/**
 * A private, real Apache Kafka broker (KRaft, one node) for integration tests that must stop and
 * restart "Kafka" themselves — e.g. the acceptance test that writes while the broker is down.
 *
 * The broker is run by `infra/kafka/broker.sh` (the one place where `server.properties`, storage
 * formatting and the java command line live), on free 127.0.0.1 ports with a fresh temp directory.
 * Jars: `infra/kafka/fetch.sh` (skip tests with `KafkaBroker.jarsAvailable()` when they are absent).
 *
 *   const broker = await KafkaBroker.start();          // usable: a kafkajs admin lists topics
 *   const kafka = new Kafka({ brokers: broker.brokers });
 *   await broker.stop(); ... await broker.restart();    // same ports and data: topics/offsets survive
 *   await broker.destroy();                            // stop + delete the temp directory
 *
 * No java outlives the test process: brokers are killed on `exit` and on SIGINT/SIGTERM/SIGHUP, and
 * broker.sh runs a watchdog that stops the broker when this process disappears (even on SIGKILL).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

export interface KafkaBrokerOptions {
  /** log.dirs of the broker. Default: `<fresh temp dir>/data`, deleted by `destroy()`. A directory
   *  given here is kept by `destroy()`; reusing one that holds a previous broker's data restarts it. */
  dataDir?: string;
  /** JVM heap flags. Default `-Xmx512m -Xms512m` (broker.sh's default). */
  heap?: string;
  /** How long start/restart may take until the broker is usable. Default 90 000 ms. */
  startTimeoutMs?: number;
  /** Extra broker settings (override broker.sh's server.properties), e.g. `{ 'log.retention.ms': '60000' }`. */
  properties?: Record<string, string>;
}

/** Locates infra/kafka/ from this module, in the source tree (test/support) or the build (dist/test/support). */
function findInfraDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'infra', 'kafka');
    if (existsSync(join(candidate, 'broker.sh'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const INFRA_DIR = findInfraDir();
const BROKER_SH = INFRA_DIR ? join(INFRA_DIR, 'broker.sh') : 'infra/kafka/broker.sh (not found)';
const LIB_DIR = process.env.KAFKA_LIB_DIR ? resolve(process.env.KAFKA_LIB_DIR) : join(INFRA_DIR ?? '.', 'lib');

/** Asks the kernel for a free port on 127.0.0.1 (free now; a start retries if it is taken meanwhile). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolveRun, reject) => {
    execFile('bash', [BROKER_SH, ...args], { env, timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`broker.sh ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolveRun(stdout);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Exists and is not a zombie (in a container without an init, a killed java can stay <defunct>). */
function isAlive(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

// ---- no java left behind ------------------------------------------------------------------------
/** Brokers not yet destroyed: killed (and their temp directories removed) when the process ends. */
const undestroyed = new Set<KafkaBroker>();
let handlersInstalled = false;

function cleanupAll(): void {
  for (const broker of undestroyed) broker.cleanupNow();
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', cleanupAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanupAll();
      // keep the default behaviour (terminate) unless someone else handles the signal
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

export class KafkaBroker {
  /** Bootstrap servers for kafkajs, e.g. `['127.0.0.1:41234']`. Unchanged across restarts. */
  readonly brokers: string[];
  readonly port: number;
  readonly controllerPort: number;
  /** Temp directory with server.properties, kafka.pid and logs/ (server.log, kafka.out). */
  readonly runDir: string;
  readonly dataDir: string;
  private javaPid: number | undefined;

  private readonly ownsDataDir: boolean;
  private readonly heap: string | undefined;
  private readonly properties: Record<string, string>;
  private readonly startTimeoutMs: number;
  private destroyed = false;

  private constructor(
    runDir: string,
    dataDir: string,
    ownsDataDir: boolean,
    port: number,
    controllerPort: number,
    opts: KafkaBrokerOptions,
  ) {
    this.runDir = runDir;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.brokers = [`127.0.0.1:${port}`];
    this.heap = opts.heap;
    this.properties = opts.properties ?? {};
    this.startTimeoutMs = opts.startTimeoutMs ?? 90_000;
  }

  /** pid of the broker's java while it runs (undefined while stopped). */
  get pid(): number | undefined {
    return this.javaPid;
  }

  /** True when `infra/kafka/fetch.sh` has put the broker jars in place . */
  static jarsAvailable(): boolean {
    if (!INFRA_DIR) return false;
    try {
      return readdirSync(LIB_DIR).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
    } catch {
      return false;
    }
  }

  /** Starts a private broker on free 127.0.0.1 ports; resolves once a kafkajs admin can list topics. */
  static async start(opts: KafkaBrokerOptions = {}): Promise<KafkaBroker> {
    if (!INFRA_DIR)
      throw new Error(`KafkaBroker: infra/kafka/broker.sh not found above ${fileURLToPath(import.meta.url)}`);
    if (!KafkaBroker.jarsAvailable())
      throw new Error(`KafkaBroker: no Kafka jars in ${LIB_DIR} - run infra/kafka/fetch.sh`);
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const runDir = mkdtempSync(join(tmpdir(), 'hub-kafka-'));
      const dataDir = opts.dataDir ? resolve(opts.dataDir) : join(runDir, 'data');
      const port = await freePort();
      let controllerPort = await freePort();
      while (controllerPort === port) controllerPort = await freePort();
      const broker = new KafkaBroker(runDir, dataDir, !opts.dataDir, port, controllerPort, opts);
      try {
        await broker.launch();
        return broker;
      } catch (error) {
        lastError = error;
        await broker.destroy().catch(() => undefined);
        // only a lost race for the picked ports is worth another try
        if (!/already in use|Address already in use|BindException/i.test(String(error))) break;
      }
    }
    throw lastError;
  }

  /** Stops the broker gracefully (SIGTERM, SIGKILL after 30 s). Topics and offsets stay on disk. */
  async stop(): Promise<void> {
    if (this.javaPid === undefined) return;
    await run(['stop'], this.env(), 60_000);
    this.javaPid = undefined;
  }

  /** Stops (if running) and starts the same broker again: same ports, same data directory. */
  async restart(): Promise<void> {
    if (this.destroyed) throw new Error('KafkaBroker: restart() after destroy()');
    await this.stop();
    await this.launch();
  }

  /** Stops the broker and deletes its temp directory (and the data directory if it created it). */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    try {
      await this.stop();
    } finally {
      this.cleanupNow(); // SIGKILL in case stop failed; delete the temp dirs
    }
  }

  /** Last lines of the broker's server.log, for assertion messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(join(this.runDir, 'logs', 'server.log'), 'utf8')
        .split('\n')
        .slice(-lines - 1)
        .join('\n');
    } catch {
      return '';
    }
  }

  /** @internal synchronous last resort (exit/signal handlers): SIGKILL the java, delete the temp dirs. */
  cleanupNow(): void {
    this.killNow();
    this.destroyed = true;
    undestroyed.delete(this);
    this.removeDirs();
  }

  private killNow(): void {
    if (this.javaPid !== undefined && isAlive(this.javaPid)) {
      try {
        process.kill(this.javaPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.javaPid = undefined;
  }

  private removeDirs(): void {
    rmSync(this.runDir, { recursive: true, force: true });
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_CONTROLLER_PORT: String(this.controllerPort),
      KAFKA_RUN_DIR: this.runDir,
      KAFKA_DATA_DIR: this.dataDir,
      KAFKA_LIB_DIR: LIB_DIR,
      KAFKA_WAIT_TIMEOUT: String(Math.ceil(this.startTimeoutMs / 1000)),
      KAFKA_WATCH_PID: String(process.pid),
      // if this process dies without running its exit handlers (SIGKILL), the watchdog removes
      // the temp run dir too - never a caller's dataDir outside it
      KAFKA_WATCH_CLEANUP: '1',
    };
    if (this.heap) env.KAFKA_HEAP = this.heap;
    const extra = Object.entries(this.properties).map(([key, value]) => {
      if (/\s/.test(key + value)) throw new Error(`KafkaBroker: property ${key}=${value} must not contain whitespace`);
      return `${key}=${value}`;
    });
    if (extra.length > 0)
      env.KAFKA_EXTRA_PROPERTIES = [process.env.KAFKA_EXTRA_PROPERTIES ?? '', ...extra].join(' ').trim();
    return env;
  }

  private async launch(): Promise<void> {
    installExitHandlers();
    undestroyed.add(this);
    const deadline = Date.now() + this.startTimeoutMs;
    await run(['start'], this.env(), 60_000);
    this.javaPid = Number(readFileSync(join(this.runDir, 'kafka.pid'), 'utf8').trim());
    try {
      await run(['wait'], this.env(), this.startTimeoutMs + 5_000);
      await this.waitUsable(deadline);
    } catch (error) {
      this.killNow();
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n--- ${this.runDir}/logs/server.log (tail) ---\n${this.logTail(20)}`,
        { cause: error },
      );
    }
  }

  /** The broker answers ApiVersions (broker.sh wait); now make sure a real client gets metadata. */
  private async waitUsable(deadline: number): Promise<void> {
    const kafka = new Kafka({
      clientId: 'kafka-broker-probe',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 0 },
    });
    for (;;) {
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.listTopics();
        return;
      } catch (error) {
        if (this.javaPid === undefined || !isAlive(this.javaPid))
          throw new Error('KafkaBroker: broker exited during start', { cause: error });
        if (Date.now() > deadline)
          throw new Error(`KafkaBroker: not usable within ${this.startTimeoutMs} ms: ${String(error)}`, {
            cause: error,
          });
        await sleep(100);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }
}
