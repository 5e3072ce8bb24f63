import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';

export type ExtractFormat = 'ndjson' | 'csv';

/** One row of an extract: its line number in the file, and its fields or why they could not be read. */
export type ExtractRow =
  | { line: number; fields: Record<string, unknown> }
  | { line: number; error: { code: string; message: string } };

/** Longer lines are rejected rather than buffered: one bad line must not exhaust the memory. */
export const MAX_LINE_BYTES = 256 * 1024;

/** Reads rows from an NDJSON or CSV extract as they arrive (constant memory, whatever the file size). */
export function readExtract(
  input: Readable,
  format: ExtractFormat,
  columns: ReadonlySet<string>,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<ExtractRow> {
  const counted = countBytes(input, onBytes);
  return format === 'ndjson' ? readNdjson(counted) : readCsv(Readable.from(counted), columns);
}

/** Passes the chunks through, telling how many bytes went by (for progress). */
async function* countBytes(input: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer | string> {
  for await (const chunk of input) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    yield chunk;
  }
}

async function* readNdjson(input: AsyncIterable<Buffer | string>): AsyncGenerator<ExtractRow> {
  let line = 0;
  let buffer = '';
  let skipping = false;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parseLine = (text: string): ExtractRow | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { line, error: { code: 'INVALID_RECORD', message: 'each line must be one JSON object' } };
      }
      return { line, fields: value as Record<string, unknown> };
    } catch (error) {
      return { line, error: { code: 'INVALID_JSON', message: (error as Error).message } };
    }
  };
  for await (const chunk of input) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // Walk the buffer by index and cut it once per chunk: slicing per line would copy the rest
    // of the chunk for every line.
    let start = 0;
    let newline: number;
    while ((newline = buffer.indexOf('\n', start)) >= 0) {
      line++;
      const text = buffer.slice(start, newline);
      start = newline + 1;
      if (skipping) {
        skipping = false;
        yield { line, error: { code: 'LINE_TOO_LONG', message: `longer than ${MAX_LINE_BYTES} bytes` } };
        continue;
      }
      const row = parseLine(text);
      if (row) yield row;
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_LINE_BYTES) {
      buffer = '';
      skipping = true;
    }
  }
  buffer += decoder.decode();
  if (skipping) yield { line: line + 1, error: { code: 'LINE_TOO_LONG', message: `longer than ${MAX_LINE_BYTES} bytes` } };
  else if (buffer.trim() !== '') {
    line++;
    const row = parseLine(buffer);
    if (row) yield row;
  }
}

/** Thrown when a CSV header names columns the record does not have: the whole file is refused at once. */
export class ExtractHeaderError extends Error {
  constructor(readonly unknown: string[]) {
    super(`unknown CSV columns: ${unknown.join(', ')}`);
  }
}

async function* readCsv(input: Readable, columns: ReadonlySet<string>): AsyncGenerator<ExtractRow> {
  const skipped: ExtractRow[] = [];
  // Not thrown from the header callback: csv-parse, told to skip bad records, would swallow it.
  let unknown: string[] = [];
  const parser = input.pipe(
    parseCsv({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        unknown = names.filter((n) => !columns.has(n));
        return names;
      },
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_LINE_BYTES,
      info: true,
    }),
  );
  parser.on('skip', (error: Error & { lines?: number; code?: string }) => {
    skipped.push({ line: error.lines ?? 0, error: { code: 'INVALID_CSV', message: error.message } });
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (unknown.length > 0) {
      input.destroy();
      throw new ExtractHeaderError(unknown);
    }
    // csv-parse reports a skipped record as soon as it sees it, possibly before records it read
    // earlier reach this loop: keep line order.
    while (skipped.length > 0 && skipped[0].line < info.lines) yield skipped.shift()!;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== '') fields[k] = v;
    yield { line: info.lines, fields };
  }
  if (unknown.length > 0) throw new ExtractHeaderError(unknown);
  while (skipped.length > 0) yield skipped.shift()!;
}
