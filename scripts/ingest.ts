// npm run ingest -- <register|library> <file> [--url URL] [--format csv|ndjson] [--charset utf-8|gbk|gb18030]
//                   [--source-department USCC] [--source-system CODE] [--purpose TEXT] [--report FILE]
// with the sending system's hub API key in HUB_API_KEY (kept out of the command line, where other
// users of the machine could read it in the process list).
//
// Sends a department extract (NDJSON or CSV) to the hub's bulk ingest, streamed, showing
// progress, then prints the report and writes it in full next to the file.
// Exit codes: 0 every row stored · 3 stored with rejected rows · 1 nothing stored (refused, failed,
// or every row rejected) · 2 usage.
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import type { IngestReport as Report } from '@hub/register';

/** Registers that take extracts, and library names accepted for a library's main register. */
const REGISTERS = ['legal-entities', 'persons', 'credit-records', 'addresses'];
const ALIASES: Record<string, string> = {
  'legal-entity': 'legal-entities',
  population: 'persons',
  credit: 'credit-records',
  geospatial: 'addresses',
};
const TYPES = { csv: 'text/csv', ndjson: 'application/x-ndjson' } as const;
const CHARSETS = ['utf-8', 'gbk', 'gb18030'];

function usage(message?: string): never {
  if (message) console.error(`ingest: ${message}`);
  console.error(`usage: npm run ingest -- <register> <file> [--url ${defaultUrl()}] [--format csv|ndjson] [--charset utf-8|gbk|gb18030]
       [--source-department USCC] [--source-system CODE] [--purpose TEXT] [--report FILE]
with the API key of a system of the register's provider department in HUB_API_KEY
(rows are the sending system's own; an admin sending for a department names it and gives --purpose)
(--charset: the file's encoding; without it the hub reads UTF-8, with or without a byte-order mark)
registers: ${REGISTERS.join(', ')} (or a library name: ${Object.keys(ALIASES).join(', ')})`);
  process.exit(2);
}

function defaultUrl(): string {
  return process.env.HUB_URL ?? 'http://127.0.0.1:4000';
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string' },
      charset: { type: 'string' },
      'source-department': { type: 'string' },
      'source-system': { type: 'string' },
      purpose: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const [name, file] = positionals;
  if (!name || !file) usage();
  const register = ALIASES[name] ?? name;
  if (!REGISTERS.includes(register)) usage(`unknown register "${name}"`);
  const format = (values.format ??
    (/\.csv$/i.test(file) ? 'csv' : /\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : undefined)) as
    keyof typeof TYPES | undefined;
  if (!format || !(format in TYPES))
    usage('cannot tell the format from the file name: pass --format csv or --format ndjson');
  const charset = values.charset?.trim().toLowerCase();
  if (charset !== undefined && !CHARSETS.includes(charset))
    usage(`unknown charset "${values.charset}": pass --charset ${CHARSETS.join(', --charset ')}`);
  const key = process.env.HUB_API_KEY;
  if (!key) usage("set HUB_API_KEY to the API key of a system of the register's provider department");
  const size = (await stat(file).catch(() => usage(`cannot read ${file}`))).size;

  const query = new URLSearchParams();
  if (values['source-department']) query.set('sourceDepartment', values['source-department']);
  if (values['source-system']) query.set('sourceSystem', values['source-system']);
  const url = `${values.url ?? defaultUrl()}/ingest/${register}${query.size ? `?${query}` : ''}`;

  let sent = 0;
  const progress = new Progress(size);
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      progress.show(sent);
      callback(null, chunk);
    },
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': charset ? `${TYPES[format]}; charset=${charset}` : TYPES[format],
        accept: 'application/x-ndjson',
        authorization: `Bearer ${key}`,
        // Why the extract is sent (an admin writing for a department must say); headers are not UTF-8.
        ...(values.purpose ? { 'x-hub-purpose': encodeURIComponent(values.purpose) } : {}),
      },
      body: Readable.toWeb(createReadStream(file).pipe(counting)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    progress.end();
    console.error(`ingest: cannot reach the hub at ${url}: ${(error as Error).cause ?? (error as Error).message}`);
    return 1;
  }
  if (!response.ok || !response.body) {
    progress.end();
    console.error(`ingest: the hub refused the extract (${response.status}): ${await response.text()}`);
    return 1;
  }

  let report: Report | undefined;
  let buffer = '';
  for await (const chunk of Readable.fromWeb(response.body as never)) {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as { event: string } & Record<string, unknown>;
      buffer = buffer.slice(newline + 1);
      if (line.event === 'progress') progress.show(sent, line as never);
      else if (line.event === 'report') report = line as unknown as Report;
      else if (line.event === 'error') {
        progress.end();
        console.error(`ingest: failed, nothing was stored: ${String(line.code)}: ${String(line.message)}`);
        return 1;
      }
    }
  }
  progress.end();
  if (!report) {
    console.error(
      'ingest: the connection ended before the report; nothing can be assumed stored — send the extract again',
    );
    return 1;
  }
  const reportPath = values.report ?? `${file}.report.json`;
  await writeFile(reportPath, JSON.stringify(report, null, 2));
  console.log(
    `${report.rowsRead} rows read in ${(report.durationMs / 1000).toFixed(1)} s: ${report.registered} registered, ${report.changed} changed, ` +
      `${report.unchanged + report.replayed} unchanged, ${report.superseded} superseded, ${report.rejected} rejected.`,
  );
  for (const r of report.rejections.slice(0, 20))
    console.log(
      `  line ${r.line}${r.key ? ` (${r.key})` : ''}: ${r.field ? `${r.field}: ` : ''}${r.code} — ${r.message}`,
    );
  if (report.rejected > 20) console.log(`  … ${report.rejected - 20} more`);
  // Rows replaced by a later row of the same record in this file: stored as that later row.
  for (const r of (report.supersededRows ?? []).slice(0, 5))
    console.log(`  line ${r.line} (${r.key}): superseded by a later row of the same record`);
  if (report.superseded > 5) console.log(`  … ${report.superseded - 5} more superseded (see the full report)`);
  console.log(`Full report: ${reportPath}`);
  if (report.rejected > 0 && report.accepted === 0) {
    console.error('ingest: every row was rejected; nothing was stored');
    return 1;
  }
  return report.rejected > 0 ? 3 : 0;
}

/** One status line: rewritten in place on a terminal, a line every few seconds otherwise. */
class Progress {
  private last = 0;
  private rows = '';
  constructor(private readonly size: number) {}

  show(sent: number, server?: { rowsRead: number; rejected: number; phase: string }): void {
    // While the hub is still receiving the file it has read no rows yet: the bytes sent say it all.
    if (server && server.phase !== 'receiving')
      this.rows =
        server.phase === 'applying'
          ? ` · ${server.rowsRead} rows read, applying…`
          : ` · ${server.rowsRead} rows read, ${server.rejected} rejected`;
    const now = Date.now();
    if (now - this.last < (process.stderr.isTTY ? 200 : 3000)) return;
    this.last = now;
    const percent = this.size ? Math.floor((sent / this.size) * 100) : 100;
    const text = `sent ${(sent / 1024 ** 2).toFixed(1)} of ${(this.size / 1024 ** 2).toFixed(1)} MiB (${percent} %)${this.rows}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(78)}`);
    else process.stderr.write(`${text}\n`);
  }

  end(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
