import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export type ExtractFormat = 'ndjson' | 'csv';

/** One row of an extract: its line number in the file, and its fields or why they could not be read. */
export type ExtractRow =
  { line: number; fields: Record<string, unknown> } | { line: number; error: { code: string; message: string } };

/** Longer lines (and CSV records) are rejected rather than buffered: one bad line must not exhaust the memory. */
export const MAX_LINE_BYTES = 256 * 1024;

/** The character encodings an extract may come in, by the name the hub reports them with. */
export type ExtractCharset = 'utf-8' | 'gbk' | 'gb18030';

/**
 * Declared names (Content-Type `charset=`, the CLI's `--charset`) and the decoder each means.
 * GB2312 is a subset of GBK and decoded as GBK (as the WHATWG Encoding Standard does); the GBK
 * decoder also reads GB18030's four-byte sequences, so a "GBK" export that carries a character
 * outside GBK still decodes to the right character.
 */
const CHARSETS: Record<string, ExtractCharset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gbk',
  'x-gbk': 'gbk',
  cp936: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
};

export const ACCEPTED_CHARSETS = ['utf-8', 'gbk', 'gb18030'] as const;

/** A declared charset the hub does not read: the whole extract is refused before a byte is read. */
export class UnsupportedCharsetError extends Error {
  readonly code = 'UNSUPPORTED_CHARSET';
  constructor(readonly charset: string) {
    super(
      `charset "${charset}" is not accepted; send UTF-8 (with or without a byte-order mark), GBK or GB18030 and declare it (charset=utf-8|gbk|gb18030)`,
    );
  }
}

/** The charset a declaration names; undefined when none was declared; throws for one the hub does not read. */
export function charsetOf(declared: string | undefined | null): ExtractCharset | undefined {
  if (declared === undefined || declared === null || declared.trim() === '') return undefined;
  const name = declared
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  const charset = Object.hasOwn(CHARSETS, name) ? CHARSETS[name] : undefined;
  if (!charset) throw new UnsupportedCharsetError(declared.trim());
  return charset;
}

/** The `charset` parameter of a Content-Type header (`text/csv; charset=GBK`), if any. */
export function charsetParameter(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const eq = parameter.indexOf('=');
    if (eq > 0 && parameter.slice(0, eq).trim().toLowerCase() === 'charset') return parameter.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Bytes that are not text in the extract's encoding. The whole extract is refused (nothing is
 * stored): a row decoded wrongly would be stored garbled, and the next rows are no more trustworthy.
 */
export class ExtractEncodingError extends Error {
  readonly code = 'ENCODING_INVALID';
  constructor(
    /** The encoding the extract was read in. */
    readonly encoding: string,
    /** The first line (1-based) that is not valid text in it. */
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** The declared charset; undefined: detected (see `physicalLines`). */
  charset?: ExtractCharset;
  /** Told how many bytes went by (for progress). */
  onBytes?: (n: number) => void;
}

/** Reads rows from an NDJSON or CSV extract as they arrive (constant memory, whatever the file size). */
export function readExtract(
  input: Readable | AsyncIterable<Buffer | string>,
  format: ExtractFormat,
  columns: ReadonlySet<string>,
  options: ReadOptions = {},
): AsyncGenerator<ExtractRow> {
  const lines = physicalLines(input, options.charset, options.onBytes ?? (() => {}));
  return format === 'ndjson' ? readNdjson(lines) : readCsv(lines, columns);
}

/** One physical line of the file (without its line break), or the fact that it was too long to keep. */
export type PhysicalLine = { line: number; text: string; bytes: number } | { line: number; tooLong: true };

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const NEWLINE = 0x0a;

/**
 * Splits the bytes into lines and decodes each strictly. Lines are cut at the byte 0x0A, which
 * never occurs inside a multi-byte character of UTF-8, GBK or GB18030, so every line decodes on its
 * own and a bad byte is reported with its line.
 *
 * The encoding: the declared one; else a UTF-8 byte-order mark means UTF-8; else UTF-8, and a
 * file that is not valid UTF-8 is refused with a hint to declare GBK or GB18030. Guessing GBK
 * would be guessing: a wrong guess is exactly the mojibake this refuses to store. For the same
 * reason a file declared GBK or GB18030 that is entirely valid UTF-8 with non-ASCII text (the
 * wrong declaration, almost surely) is refused at its end, and a UTF-8 byte-order mark in a file
 * declared otherwise is refused at once. UTF-16 is refused.
 */
export async function* physicalLines(
  input: AsyncIterable<Buffer | string>,
  declared: ExtractCharset | undefined,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<PhysicalLine> {
  const encoding: ExtractCharset = declared ?? 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let line = 0;
  let started = false;
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  // For a file declared GBK/GB18030: the first line with non-ASCII bytes, and whether every such line was UTF-8.
  let firstNonAscii = 0;
  let allUtf8 = true;

  const decode = (bytes: Buffer): string => {
    if (declared && declared !== 'utf-8' && allUtf8 && !isAscii(bytes)) {
      firstNonAscii ||= line;
      if (!isUtf8(bytes)) allUtf8 = false;
    }
    try {
      return decoder.decode(bytes);
    } catch {
      throw new ExtractEncodingError(
        encoding,
        line,
        declared
          ? `line ${line} is not valid ${encoding}; nothing was stored — check the file's encoding and declare the right one (charset=utf-8|gbk|gb18030)`
          : `line ${line} is not valid UTF-8 and no charset was declared; nothing was stored — if the file is GBK or GB18030 (as many department systems export), declare it: Content-Type: text/csv; charset=gbk (npm run ingest -- … --charset gbk)`,
      );
    }
  };
  const finishLine = (last: Buffer | undefined): PhysicalLine => {
    line++;
    if (skipping) {
      skipping = false;
      parts = [];
      length = 0;
      return { line, tooLong: true };
    }
    const bytes = parts.length === 0 ? (last ?? Buffer.alloc(0)) : Buffer.concat(last ? [...parts, last] : parts);
    parts = [];
    length = 0;
    return { line, text: decode(bytes), bytes: bytes.length };
  };

  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    onBytes(chunk.length);
    if (!started) {
      // The first bytes decide the byte-order mark: wait until there are three (or the end).
      parts.push(chunk);
      length += chunk.length;
      if (length < 3) continue;
      chunk = Buffer.concat(parts);
      parts = [];
      length = 0;
      started = true;
      chunk = withoutBom(chunk, declared);
    }
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf(NEWLINE, start)) >= 0) {
      const piece = chunk.subarray(start, newline);
      start = newline + 1;
      if (!skipping && length + piece.length > MAX_LINE_BYTES) skipping = true;
      yield finishLine(skipping ? undefined : piece);
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0 || skipping) continue;
    if (length + rest.length > MAX_LINE_BYTES) {
      skipping = true;
      parts = [];
      length = 0;
    } else {
      // Copied: the caller may reuse its buffer.
      parts.push(Buffer.from(rest));
      length += rest.length;
    }
  }
  if (!started && length > 0) {
    const all = withoutBom(Buffer.concat(parts), declared);
    parts = [];
    // A file of fewer than three bytes has at most two lines: split it as above.
    const newline = all.indexOf(NEWLINE);
    if (newline >= 0) yield finishLine(all.subarray(0, newline));
    const rest = all.subarray(newline + 1);
    if (rest.length > 0) parts = [rest];
  }
  if (skipping || parts.length > 0) yield finishLine(undefined);
  if (declared && declared !== 'utf-8' && firstNonAscii > 0 && allUtf8) {
    throw new ExtractEncodingError(
      declared,
      firstNonAscii,
      `the extract was declared ${declared} but is UTF-8 (line ${firstNonAscii} and every other line with Chinese text read as UTF-8); nothing was stored — send it as charset=utf-8`,
    );
  }
}

function withoutBom(chunk: Buffer, declared: ExtractCharset | undefined): Buffer {
  if (chunk.subarray(0, 3).equals(BOM_UTF8)) {
    if (declared && declared !== 'utf-8') {
      throw new ExtractEncodingError(
        declared,
        1,
        `the extract starts with a UTF-8 byte-order mark but was declared ${declared}; nothing was stored — declare charset=utf-8, or send it without the mark`,
      );
    }
    return chunk.subarray(3);
  }
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
    throw new ExtractEncodingError(
      'utf-16',
      1,
      'the extract is UTF-16 (it starts with a UTF-16 byte-order mark); nothing was stored — send UTF-8, GBK or GB18030',
    );
  }
  return chunk;
}

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

const tooLong = (line: number): ExtractRow => ({
  line,
  error: { code: 'LINE_TOO_LONG', message: `longer than ${MAX_LINE_BYTES} bytes` },
});

async function* readNdjson(lines: AsyncIterable<PhysicalLine>): AsyncGenerator<ExtractRow> {
  for await (const physical of lines) {
    if ('tooLong' in physical) {
      yield tooLong(physical.line);
      continue;
    }
    const trimmed = physical.text.trim();
    if (trimmed === '') continue;
    const { line } = physical;
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { line, error: { code: 'INVALID_RECORD', message: 'each line must be one JSON object' } };
      } else {
        yield { line, fields: value as Record<string, unknown> };
      }
    } catch (error) {
      yield { line, error: { code: 'INVALID_JSON', message: (error as Error).message } };
    }
  }
}

/** Thrown when a CSV header names columns the record does not have: the whole file is refused at once. */
export class ExtractHeaderError extends Error {
  constructor(readonly unknown: string[]) {
    super(`unknown CSV columns: ${unknown.join(', ')}`);
  }
}

type TextLine = { line: number; text: string; bytes: number };

/** A CSV record as read from one or more physical lines: its cells, or why they cannot be read. */
type CsvRecord = { line: number; cells: string[] } | { line: number; error: { code: string; message: string } };

/**
 * CSV (RFC 4180: comma-separated, `"` quotes, `""` a quote inside quotes, CRLF or LF) read record
 * by record, so that one bad record costs only itself: a record longer than MAX_LINE_BYTES is
 * rejected and reading goes on at the next line; a quote opened and not closed (within that size,
 * or before the end) rejects the line it opened on, and the lines after it are read again as
 * records of their own. Blank lines are skipped; empty cells are left out of the row.
 */
async function* readCsv(lines: AsyncIterable<PhysicalLine>, columns: ReadonlySet<string>): AsyncGenerator<ExtractRow> {
  let header: string[] | undefined;
  const records = new CsvRecords();
  const rows = function* (found: Iterable<CsvRecord>): Generator<ExtractRow> {
    for (const record of found) {
      if ('error' in record) {
        yield record;
        continue;
      }
      if (!header) {
        header = record.cells.map((h) => h.trim());
        const unknown = header.filter((n) => !columns.has(n));
        if (unknown.length > 0) throw new ExtractHeaderError(unknown);
        continue;
      }
      if (record.cells.length !== header.length) {
        yield {
          line: record.line,
          error: { code: 'INVALID_CSV', message: `${record.cells.length} cells where the header has ${header.length}` },
        };
        continue;
      }
      const fields: Record<string, unknown> = {};
      header.forEach((name, i) => {
        if (record.cells[i] !== '') fields[name] = record.cells[i];
      });
      yield { line: record.line, fields };
    }
  };
  for await (const physical of lines) yield* rows(records.push(physical));
  yield* rows(records.end());
}

/** Assembles physical lines into CSV records (see readCsv). */
export class CsvRecords {
  /** The lines of a record whose quoted cell is still open. */
  private open: TextLine[] = [];
  private openBytes = 0;

  *push(physical: PhysicalLine): Generator<CsvRecord> {
    if ('tooLong' in physical) {
      yield* this.abandonOpen();
      yield tooLong(physical.line) as CsvRecord;
      return;
    }
    if (this.open.length === 0 && physical.text.trim() === '') return;
    this.open.push(physical);
    this.openBytes += physical.bytes + 1;
    const parsed = parseCsvRecord(this.open.map((l) => l.text).join('\n'));
    if (parsed === 'open') {
      if (this.openBytes > MAX_LINE_BYTES) yield* this.abandonOpen();
      return;
    }
    if ('error' in parsed && this.open.length > 1) {
      // A quote opened on an earlier line "closed" on this one and left a malformed record: most
      // likely a stray quote. Its first line is rejected; the lines after it are read again.
      yield* this.abandonOpen(parsed.error);
      return;
    }
    const line = physical.line;
    this.open = [];
    this.openBytes = 0;
    yield 'error' in parsed
      ? { line, error: { code: 'INVALID_CSV', message: parsed.error } }
      : { line, cells: parsed.cells };
  }

  *end(): Generator<CsvRecord> {
    yield* this.abandonOpen();
  }

  /** The open record's first line is rejected (its quote never closes); the lines after it are read again. */
  private *abandonOpen(why?: string): Generator<CsvRecord> {
    while (this.open.length > 0) {
      const [first, ...rest] = this.open;
      this.open = [];
      this.openBytes = 0;
      const message = why
        ? `a quoted cell opened on line ${first.line} runs into the next line and then breaks (${why}): a stray " ?`
        : `a quoted cell opened on line ${first.line} is not closed (a stray " ?)`;
      yield { line: first.line, error: { code: 'INVALID_CSV', message } };
      why = undefined;
      for (const line of rest) yield* this.push(line);
    }
  }
}

/** The cells of one CSV record's text; 'open' while a quoted cell is not closed yet. */
export function parseCsvRecord(text: string): { cells: string[] } | { error: string } | 'open' {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (body[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = body.indexOf('"', j);
        if (close < 0) return 'open';
        value += body.slice(j, close);
        if (body[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      cells.push(value);
      if (j === body.length) return { cells };
      if (body[j] !== ',') return { error: `cell ${cells.length}: text after the closing quote` };
      i = j + 1;
    } else {
      const comma = body.indexOf(',', i);
      const value = comma < 0 ? body.slice(i) : body.slice(i, comma);
      if (value.includes('"'))
        return {
          error: `cell ${cells.length + 1}: a quote inside an unquoted cell (quote the cell and double the quote: "say ""hi""")`,
        };
      if (value.includes('\n')) return { error: `cell ${cells.length + 1}: a line break inside an unquoted cell` };
      cells.push(value);
      if (comma < 0) return { cells };
      i = comma + 1;
    }
  }
}
