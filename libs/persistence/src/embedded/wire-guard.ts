/**
 * Patches between `PGLiteSocketServer` (pglite-socket 0.2.11, pinned) and PGlite (0.5.8, pinned)
 * that keep the embedded database alive and give it real `COPY ... FROM STDIN`.
 *
 * Why, as measured on this stack:
 * - PGlite reads protocol messages one at a time from a buffer. `COPY ... FROM STDIN` sent over the
 *   socket makes the backend read past that buffer: it hits EOF, raises FATAL ("unexpected EOF on
 *   client connection"), and the WASM Postgres exits. The socket server's queue then stays marked
 *   busy forever, so every later query on every connection hangs, and a direct PGlite query spins a
 *   core at 100 %. `COPY ... FROM '/dev/blob'` sent without a blob also never returns.
 * - PGlite itself can COPY from an in-memory blob (`/dev/blob`). So this shim answers the client's
 *   `COPY ... FROM STDIN` with a CopyInResponse, collects the CopyData messages of that connection,
 *   and on CopyDone runs `COPY ... FROM '/dev/blob'` with the collected bytes, in the queue as that
 *   connection's next statement. The client (`pg-copy-streams`) sees the normal COPY protocol and
 *   the normal "COPY n" result, so the hub's ingest runs the same code as on real Postgres.
 *   Differences: the rows are buffered in memory up to `maxCopyBytes` before they are inserted, and
 *   errors in the statement (e.g. a missing table) are reported after the data, at CopyDone.
 * - A message type Postgres does not expect (or a password message) makes the backend raise FATAL,
 *   which in PGlite loops for ever inside WASM and blocks the whole Node process: refused here.
 * - Session timeouts that end the session with FATAL (idle_in_transaction_session_timeout, ...) do
 *   the same when they fire: setting them is refused, in SQL and in the startup message.
 * - Outside a transaction block the socket server may run another connection's messages between
 *   the Parse and the Bind of one connection, in the one shared session: each Parse..Sync exchange
 *   is queued here as one unit.
 * - If the backend dies anyway, every connection gets a clear error at once instead of hanging.
 *
 * It relies on two internals of pglite-socket 0.2.11 (`server.queryQueue.enqueue(handlerId,
 * message, onData)` and `clearQueueForHandler(handlerId)`) and checks they exist at start.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface WireGuardOptions {
  log: (msg: string) => void;
  /** Called once if the PGlite backend terminates; the database is unusable afterwards. */
  onFatal: (err: Error) => void;
  /** Largest `COPY ... FROM STDIN` payload accepted, in bytes. */
  maxCopyBytes: number;
}

export interface WireGuard {
  /** Set once the PGlite backend has terminated. */
  readonly fatalError: Error | undefined;
}

type OnData = (data: Uint8Array) => void;

interface QueuedQuery {
  handlerId: number;
  reject: (err: Error) => void;
}

interface QueryQueueInternals {
  queue: QueuedQuery[];
  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
}

interface CopyInState {
  /** The client's COPY statement with `FROM STDIN` replaced by `FROM '/dev/blob'`. */
  sql: string;
  chunks: Uint8Array[];
  bytes: number;
  overflow: boolean;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A statement of `sql` (literals and comments removed) is a COPY ... FROM STDIN. */
function isCopyFromStdin(sql: string): boolean {
  return /(?:^|;)\s*COPY\b[^;]*\bFROM\s+STDIN\b/i.test(stripLiterals(stripComments(sql)));
}

/** A statement of `sql` (comments removed) is a COPY from or to PGlite's '/dev/blob' device. */
function usesDevBlob(sql: string): boolean {
  return /\bCOPY\b[\s\S]*'\/dev\/blob'/i.test(stripComments(sql));
}

/**
 * These timeouts end the session with FATAL when they fire; in PGlite that FATAL never returns and
 * blocks the Node process for good (measured with idle_in_transaction_session_timeout = 200ms).
 * statement_timeout is harmless: PGlite does not enforce it.
 */
const SESSION_TIMEOUTS = /\b(?:idle_in_transaction_session_timeout|idle_session_timeout|transaction_timeout)\b/i;

/** A statement other than SHOW names one of the FATAL-raising session timeouts. */
function setsSessionTimeout(sql: string): boolean {
  const text = stripComments(sql);
  return SESSION_TIMEOUTS.test(text) && !/^\s*SHOW\b/i.test(text);
}

/** The startup message (protocol 3.0) sets one of them, as a parameter or in `options`. */
function startupSetsSessionTimeout(message: Uint8Array): boolean {
  if (message.length < 8 || new DataView(message.buffer, message.byteOffset).getInt32(4) !== 196608) return false;
  return SESSION_TIMEOUTS.test(utf8Decoder.decode(message.subarray(8)));
}

function stripComments(sql: string): string {
  // Literals are matched first so that a `--` inside one is kept.
  return sql.replace(
    /('(?:[^']|'')*'|"(?:[^"]|"")*")|--[^\n]*|\/\*[\s\S]*?\*\//g,
    (m, literal?: string) => literal ?? ' ',
  );
}

function stripLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
}

export function installWireGuard(server: PGLiteSocketServer, db: PGlite, opts: WireGuardOptions): WireGuard {
  const queue = (server as unknown as { queryQueue?: QueryQueueInternals }).queryQueue;
  if (
    !queue ||
    typeof queue.enqueue !== 'function' ||
    typeof queue.clearQueueForHandler !== 'function' ||
    !Array.isArray(queue.queue)
  ) {
    throw new Error(
      'pglite-socket internals changed (queryQueue.enqueue/clearQueueForHandler): ' +
        're-verify libs/persistence/src/embedded/wire-guard.ts against the new version',
    );
  }

  const state: { fatalError: Error | undefined } = { fatalError: undefined };
  const copies = new Map<number, CopyInState>();
  /** Per connection: prepared statements replaced by a refusal (see Parse below). */
  const refusedStatements = new Map<number, Set<string>>();
  const blobs = new WeakMap<Uint8Array, Blob>();

  // 1. Run a queued COPY with its blob attached, and notice a dead backend.
  const execProtocolRawStream = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (message, options) => {
    const blob = blobs.get(message);
    try {
      if (blob) await db._handleBlob(blob);
      return await execProtocolRawStream(message, options);
    } catch (err) {
      fatal(err as Error);
      throw err;
    } finally {
      if (blob) await db._cleanupBlob();
    }
  };

  const fatal = (err: Error): void => {
    if (state.fatalError) return;
    state.fatalError = err;
    opts.log(`embedded database backend terminated (${err.message}); restart the process`);
    // The queue stays "processing" forever after a failed query: fail what waits in it now.
    setImmediate(() => {
      for (const waiting of queue.queue.splice(0)) {
        waiting.reject(new Error('embedded database terminated'));
      }
    });
    opts.onFatal(err);
  };

  // 2. Look at each protocol message before it is queued.
  const enqueue = queue.enqueue.bind(queue);
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  /**
   * Per connection: extended-protocol messages waiting for their Sync (or Flush). The socket server
   * queues each message on its own, so outside a transaction block another connection's Parse could
   * run between this connection's Parse and Bind, in the one shared session, and replace the
   * unnamed statement (shown with a raw socket: "bind message supplies 0 parameters, but prepared
   * statement "" requires 1"). Queued together up to the Sync, the exchange runs as one unit.
   */
  const pending = new Map<number, Uint8Array[]>();
  const runInBackend = (handlerId: number, message: Uint8Array, onData: OnData): Promise<number> => {
    const type = String.fromCharCode(message[0] ?? 0);
    if (EXTENDED_PROTOCOL_TYPES.has(type)) {
      const batch = pending.get(handlerId) ?? [];
      batch.push(message);
      pending.set(handlerId, batch);
      return Promise.resolve(0);
    }
    const batch = pending.get(handlerId);
    pending.delete(handlerId);
    return enqueue(handlerId, batch ? concat(...batch, message) : message, onData);
  };

  queue.clearQueueForHandler = (handlerId: number) => {
    copies.delete(handlerId);
    refusedStatements.delete(handlerId);
    pending.delete(handlerId);
    clearQueueForHandler(handlerId);
  };

  queue.enqueue = async (handlerId, message, onData) => {
    if (state.fatalError) return answerDead(message, onData);

    const copy = copies.get(handlerId);
    if (copy) return continueCopy(handlerId, copy, message, onData);

    const type = String.fromCharCode(message[0] ?? 0);
    const waiting = pending.get(handlerId);
    if (waiting && !EXTENDED_PROTOCOL_TYPES.has(type) && type !== 'S' && type !== 'H') {
      // A message that does not belong to the exchange (the client sent no Sync): run that first.
      pending.delete(handlerId);
      await enqueue(handlerId, concat(...waiting), onData);
    }
    if (message[0] === 0 && startupSetsSessionTimeout(message)) {
      const out = errorResponse('FATAL', '0A000', SESSION_TIMEOUT_REFUSED);
      onData(out);
      return Promise.resolve(out.length);
    }
    if (message[0] !== 0 && !FRONTEND_MESSAGE_TYPES.has(type)) {
      // Postgres answers an unknown type (or a password message it did not ask for) with FATAL;
      // in PGlite that FATAL never returns and blocks the Node event loop. Refuse it here.
      const out = errorResponse('FATAL', '08P01', `invalid frontend message type ${message[0]}`);
      onData(out);
      return Promise.resolve(out.length);
    }
    if (type === 'Q') {
      const sql = readCString(message, 5);
      if (isCopyFromStdin(sql)) return startCopy(handlerId, sql, onData);
      if (usesDevBlob(sql)) return runInBackend(handlerId, raiseQuery(DEV_BLOB_REFUSED), onData);
      if (setsSessionTimeout(sql)) return runInBackend(handlerId, raiseQuery(SESSION_TIMEOUT_REFUSED), onData);
    } else if (type === 'P') {
      const nameEnd = message.indexOf(0, 5);
      const statementName = readCString(message, 5);
      const sql = readCString(message, nameEnd + 1);
      const refusal = isCopyFromStdin(sql)
        ? 'COPY FROM STDIN is supported only as a simple query (as pg-copy-streams sends it) in the embedded database'
        : usesDevBlob(sql)
          ? DEV_BLOB_REFUSED
          : setsSessionTimeout(sql)
            ? SESSION_TIMEOUT_REFUSED
            : undefined;
      const refusedHere = refusedStatements.get(handlerId) ?? new Set<string>();
      refusedHere.delete(statementName);
      if (refusal) {
        // The statement becomes a DO block that raises the refusal when executed. Its Bind is
        // rewritten to carry no parameters, so the client sees this error, not a count mismatch.
        refusedStatements.set(handlerId, refusedHere.add(statementName));
        const name = message.subarray(5, nameEnd + 1);
        return runInBackend(handlerId, parseMessage(name, raiseSql(refusal, '0A000')), onData);
      }
    } else if (type === 'B') {
      const portalEnd = message.indexOf(0, 5);
      const statementEnd = message.indexOf(0, portalEnd + 1);
      const statementName = readCString(message, portalEnd + 1);
      if (refusedStatements.get(handlerId)?.has(statementName)) {
        // Portal and statement names kept; no parameter formats, parameters or result formats.
        const bind = frame('B', concat(message.subarray(5, statementEnd + 1), new Uint8Array(6)));
        return runInBackend(handlerId, bind, onData);
      }
    }
    return runInBackend(handlerId, message, onData);
  };

  function startCopy(handlerId: number, sql: string, onData: OnData): Promise<number> {
    const statement = singleStatement(sql);
    if (!statement) {
      return runInBackend(
        handlerId,
        raiseQuery('in the embedded database, COPY FROM STDIN must be sent alone, not with other statements'),
        onData,
      );
    }
    const binary = /\bFORMAT\s+"?binary"?|\bBINARY\b/i.test(statement);
    copies.set(handlerId, {
      sql: statement.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'"),
      chunks: [],
      bytes: 0,
      overflow: false,
    });
    const response = copyInResponse(binary);
    onData(response);
    return Promise.resolve(response.length);
  }

  function continueCopy(handlerId: number, copy: CopyInState, message: Uint8Array, onData: OnData): Promise<number> {
    switch (String.fromCharCode(message[0] ?? 0)) {
      case 'd': {
        // CopyData: keep our own copy, the handler reuses nothing but be safe.
        const payload = message.slice(5);
        copy.bytes += payload.length;
        if (copy.bytes > opts.maxCopyBytes) {
          copy.overflow = true;
          copy.chunks = [];
        } else if (!copy.overflow) {
          copy.chunks.push(payload);
        }
        return Promise.resolve(0);
      }
      case 'c': {
        // CopyDone: run the COPY in the backend, as this connection's next statement.
        copies.delete(handlerId);
        if (copy.overflow) {
          return runInBackend(
            handlerId,
            raiseQuery(
              `COPY FROM STDIN payload exceeds ${opts.maxCopyBytes} bytes, the embedded database's limit: send smaller batches`,
              '54000',
            ),
            onData,
          );
        }
        const run = queryMessage(copy.sql);
        blobs.set(run, new Blob(copy.chunks));
        return runInBackend(handlerId, run, onData);
      }
      case 'f': {
        // CopyFail: the client gave up; answer as Postgres does.
        copies.delete(handlerId);
        const reason = readCString(message, 5);
        return runInBackend(handlerId, raiseQuery(`COPY from stdin failed: ${reason}`, '57014'), onData);
      }
      case 'H':
      case 'S':
        // Flush and Sync are ignored during COPY IN of a simple query.
        return Promise.resolve(0);
      default:
        copies.delete(handlerId);
        return runInBackend(handlerId, raiseQuery('unexpected message type during COPY from stdin', '08P01'), onData);
    }
  }

  return {
    get fatalError() {
      return state.fatalError;
    },
  };
}

/**
 * Message types a client may send after startup, less those PGlite cannot survive: Bind, Close,
 * Describe, Execute, FunctionCall, Flush, Parse, Query, Sync, Terminate, and the COPY messages
 * (which Postgres ignores outside COPY). Not 'p' (password/SASL): PGlite asks for none.
 */
const FRONTEND_MESSAGE_TYPES = new Set(['B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'S', 'X', 'd', 'c', 'f']);

/** Parse, Bind, Describe, Execute, Close: held until the Sync or Flush that ends the exchange. */
const EXTENDED_PROTOCOL_TYPES = new Set(['P', 'B', 'D', 'E', 'C']);

const SESSION_TIMEOUT_REFUSED =
  'idle_in_transaction_session_timeout, idle_session_timeout and transaction_timeout end the session with ' +
  'FATAL, which the embedded database (PGlite) does not survive: do not set them in embedded mode';

const DEV_BLOB_REFUSED =
  "COPY ... '/dev/blob' cannot be used over the embedded database's socket: use COPY ... FROM STDIN";

/** Answer without touching the dead backend: an error for each query or sync, then ready. */
function answerDead(message: Uint8Array, onData: OnData): Promise<number> {
  const type = message[0] ?? 0;
  const text = 'embedded database terminated after a fatal error; restart the process';
  let out: Uint8Array;
  if (type === 0) out = errorResponse('FATAL', '57P01', text);
  else if (type === 0x51 /* Q */ || type === 0x53 /* S */)
    out = concat(errorResponse('ERROR', '57P01', text), readyForQuery('I'));
  else return Promise.resolve(0);
  onData(out);
  return Promise.resolve(out.length);
}

/** The statement without a trailing semicolon, or undefined if the text holds several. */
function singleStatement(sql: string): string | undefined {
  const trimmed = stripComments(sql).trim().replace(/;\s*$/, '');
  return stripLiterals(trimmed).includes(';') ? undefined : trimmed;
}

function raiseSql(message: string, sqlstate = '0A000'): string {
  const literal = `'${message.replace(/'/g, "''")}'`;
  return `DO $hub_guard$ BEGIN RAISE EXCEPTION USING MESSAGE = ${literal}, ERRCODE = '${sqlstate}'; END $hub_guard$`;
}

function raiseQuery(message: string, sqlstate = '0A000'): Uint8Array {
  return queryMessage(raiseSql(message, sqlstate));
}

function readCString(message: Uint8Array, start: number): string {
  const end = message.indexOf(0, start);
  return utf8Decoder.decode(message.subarray(start, end === -1 ? message.length : end));
}

function frame(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

function queryMessage(sql: string): Uint8Array {
  return frame('Q', concat(utf8.encode(sql), new Uint8Array([0])));
}

function parseMessage(nameWithNul: Uint8Array, sql: string): Uint8Array {
  // Parse: statement name, query, no parameter types.
  return frame('P', concat(nameWithNul, utf8.encode(sql), new Uint8Array([0, 0, 0])));
}

function copyInResponse(binary: boolean): Uint8Array {
  // Overall format, then zero per-column formats (clients do not use them).
  return frame('G', new Uint8Array([binary ? 1 : 0, 0, 0]));
}

function errorResponse(severity: string, code: string, message: string): Uint8Array {
  const field = (tag: string, value: string) => concat(utf8.encode(tag + value), new Uint8Array([0]));
  return frame(
    'E',
    concat(field('S', severity), field('V', severity), field('C', code), field('M', message), new Uint8Array([0])),
  );
}

function readyForQuery(status: 'I' | 'T' | 'E'): Uint8Array {
  return frame('Z', utf8.encode(status));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
