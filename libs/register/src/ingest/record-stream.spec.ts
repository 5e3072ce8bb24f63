import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, readExtract, type ExtractRow } from './record-stream.js';

async function rows(chunks: Array<string | Buffer>, format: 'ndjson' | 'csv', columns = ['a', 'b']): Promise<ExtractRow[]> {
  const out: ExtractRow[] = [];
  for await (const row of readExtract(Readable.from(chunks), format, new Set(columns))) out.push(row);
  return out;
}

describe('reading NDJSON extracts', () => {
  it('numbers rows by physical line, skipping blank lines, with CRLF and no final newline', async () => {
    expect(await rows(['{"a":1}\r\n\r\n{"a":2}\n', '{"a":', '3}'], 'ndjson')).toEqual([
      { line: 1, fields: { a: 1 } },
      { line: 3, fields: { a: 2 } },
      { line: 4, fields: { a: 3 } },
    ]);
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = Buffer.from('{"a":"法人库"}\n');
    expect(await rows([bytes.subarray(0, 8), bytes.subarray(8)], 'ndjson')).toEqual([{ line: 1, fields: { a: '法人库' } }]);
  });

  it('reports bad lines and goes on with the next ones', async () => {
    const long = `{"a":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}`;
    const result = await rows(['[1]\nnot json\n', long, '\n{"a":4}\n'], 'ndjson');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : 'ok'])).toEqual([
      [1, 'INVALID_RECORD'],
      [2, 'INVALID_JSON'],
      [3, 'LINE_TOO_LONG'],
      [4, 'ok'],
    ]);
  });
});

describe('reading CSV extracts', () => {
  it('maps columns by header, drops empty cells and numbers records by their last physical line', async () => {
    expect(await rows(['\uFEFFa,b\n1,"two\nlines"\n', '3,\n'], 'csv')).toEqual([
      { line: 3, fields: { a: '1', b: 'two\nlines' } },
      { line: 4, fields: { a: '3' } },
    ]);
  });

  it('reports a record with the wrong number of cells and keeps the others', async () => {
    const result = await rows(['a,b\n1,2\n1,2,3\n4,5\n'], 'csv');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : 'ok'])).toEqual([
      [2, 'ok'],
      [3, 'INVALID_CSV'],
      [4, 'ok'],
    ]);
  });

  it('refuses the whole file when the header names unknown columns', async () => {
    await expect(rows(['a,colour\n1,red\n'], 'csv')).rejects.toThrow('unknown CSV columns: colour');
  });
});
