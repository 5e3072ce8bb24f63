import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import {
  ExtractEncodingError,
  MAX_LINE_BYTES,
  UnsupportedCharsetError,
  charsetOf,
  charsetParameter,
  readExtract,
  type ExtractCharset,
  type ExtractRow,
} from './record-stream.js';

async function rows(
  chunks: Array<string | Buffer>,
  format: 'ndjson' | 'csv',
  columns = ['a', 'b'],
  charset?: ExtractCharset,
): Promise<ExtractRow[]> {
  const out: ExtractRow[] = [];
  for await (const row of readExtract(Readable.from(chunks), format, new Set(columns), { charset })) out.push(row);
  return out;
}

/** Each byte on its own: every multi-byte character is split across chunks. */
const bytewise = (bytes: Buffer) => [...bytes].map((b) => Buffer.from([b]));

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
    expect(await rows([bytes.subarray(0, 8), bytes.subarray(8)], 'ndjson')).toEqual([
      { line: 1, fields: { a: '法人库' } },
    ]);
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

describe('CSV edge cases (issue 10: one bad row must not lose the rows after it)', () => {
  it('reports an over-long line and keeps every row after it', async () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 10);
    const result = await rows([`a,b\n1,2\n3,${long}\n5,6\n7,8\n`], 'csv');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : r.fields])).toEqual([
      [2, { a: '1', b: '2' }],
      [3, 'LINE_TOO_LONG'],
      [4, { a: '5', b: '6' }],
      [5, { a: '7', b: '8' }],
    ]);
  });

  it('keeps quoted commas, doubled quotes, quoted line breaks and CRLF', async () => {
    const result = await rows(['a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",2\r\n\r\n3,4'], 'csv');
    expect(result).toEqual([
      { line: 2, fields: { a: 'x, y', b: 'say "hi"' } },
      { line: 4, fields: { a: 'two\r\nlines', b: '2' } },
      { line: 6, fields: { a: '3', b: '4' } },
    ]);
  });

  it('rejects the line of a quote that never closes and reads the lines after it again', async () => {
    const result = await rows(['a,b\n1,"open\n2,3\n4,5\n'], 'csv');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : r.fields])).toEqual([
      [2, 'INVALID_CSV'],
      [3, { a: '2', b: '3' }],
      [4, { a: '4', b: '5' }],
    ]);
  });

  it('rejects a quote that never closes before quoted rows, and keeps those rows', async () => {
    const result = await rows(['a,b\n"1","open\n"2","3"\n"4","5"\n'], 'csv');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : r.fields])).toEqual([
      [2, 'INVALID_CSV'],
      [3, { a: '2', b: '3' }],
      [4, { a: '4', b: '5' }],
    ]);
  });

  it('rejects a quote that stays open past the size limit and keeps the rows after it', async () => {
    const filler = Array.from({ length: 40 }, () => 'y'.repeat(8 * 1024)).join('\n');
    const result = await rows([`a,b\n1,"${filler}\n`, '7,8\n'], 'csv');
    const errors = result.filter((r) => 'error' in r);
    expect(errors[0]).toMatchObject({ line: 2, error: { code: 'INVALID_CSV' } });
    expect(result.at(-1)).toEqual({ line: 42, fields: { a: '7', b: '8' } });
  });

  it('rejects a stray quote in an unquoted cell and text after a closing quote, row by row', async () => {
    const result = await rows(['a,b\n1,6"inch\n"2"x,3\n4,5\n'], 'csv');
    expect(result.map((r) => [r.line, 'error' in r ? r.error.code : 'ok'])).toEqual([
      [2, 'INVALID_CSV'],
      [3, 'INVALID_CSV'],
      [4, 'ok'],
    ]);
  });
});

describe('extract encodings (issue 10)', () => {
  // 喆 and 堃 are in GBK but not in GB2312; 䶮 (CJK extension A) and 𠮷 (extension B, outside the
  // BMP) exist only in GB18030, as four-byte sequences.
  const gbkNames = ['张三', '王喆', '李堃'];
  const gb18030Names = [...gbkNames, '刘䶮', '𠮷野家'];
  const csvOf = (names: string[]) => `a,b\r\n${names.map((n, i) => `"${n}",${i}`).join('\r\n')}\r\n`;
  const ndjsonOf = (names: string[]) => names.map((n) => JSON.stringify({ a: n })).join('\n') + '\n';
  const names = (result: ExtractRow[]) => result.map((r) => ('fields' in r ? r.fields.a : r.error.code));

  it.each([
    ['utf-8', undefined, (t: string) => Buffer.from(t, 'utf8'), gb18030Names],
    ['utf-8 declared', 'utf-8', (t: string) => Buffer.from(t, 'utf8'), gb18030Names],
    [
      'utf-8 with a byte-order mark',
      undefined,
      (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
      gb18030Names,
    ],
    ['gbk', 'gbk', (t: string) => iconv.encode(t, 'gbk'), gbkNames],
    ['gb18030', 'gb18030', (t: string) => iconv.encode(t, 'gb18030'), gb18030Names],
  ] as const)(
    'reads %s CSV and NDJSON to the same text, characters split across chunks',
    async (_name, charset, encode, expected) => {
      for (const format of ['csv', 'ndjson'] as const) {
        const text = format === 'csv' ? csvOf([...expected]) : ndjsonOf([...expected]);
        expect(names(await rows(bytewise(encode(text)), format, ['a', 'b'], charset)), format).toEqual(expected);
        expect(names(await rows([encode(text)], format, ['a', 'b'], charset)), format).toEqual(expected);
      }
    },
  );

  it('refuses GBK bytes not declared as GBK, naming UTF-8, the line and how to declare', async () => {
    const bytes = iconv.encode(csvOf(['Zhang', 'Li', '张三']), 'gbk');
    const error = await rows([bytes], 'csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractEncodingError);
    expect(error).toMatchObject({ code: 'ENCODING_INVALID', encoding: 'utf-8', line: 4 });
    expect((error as Error).message).toContain('charset=gbk');
  });

  it('refuses bytes that are not GBK in a file declared GBK, with their line', async () => {
    // 0x81 0x20: a GBK lead byte followed by a space is no character.
    const bytes = Buffer.concat([
      iconv.encode('{"a":"张三"}\n{"a":"李四"}\n', 'gbk'),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x81, 0x20, 0x22, 0x7d, 0x0a]),
    ]);
    await expect(rows([bytes], 'ndjson', ['a'], 'gbk')).rejects.toMatchObject({
      code: 'ENCODING_INVALID',
      encoding: 'gbk',
      line: 3,
    });
  });

  it('refuses a UTF-8 file declared GBK (it would be stored as mojibake), and a byte-order mark that contradicts the declaration', async () => {
    await expect(rows([Buffer.from(csvOf(gbkNames), 'utf8')], 'csv', ['a', 'b'], 'gbk')).rejects.toMatchObject({
      code: 'ENCODING_INVALID',
      encoding: 'gbk',
      line: 2,
    });
    await expect(
      rows([Buffer.from(`\uFEFF${csvOf(gbkNames)}`, 'utf8')], 'csv', ['a', 'b'], 'gb18030'),
    ).rejects.toMatchObject({ code: 'ENCODING_INVALID', line: 1 });
    await expect(rows([Buffer.from([0xff, 0xfe, 0x61, 0x00])], 'csv')).rejects.toMatchObject({
      code: 'ENCODING_INVALID',
      encoding: 'utf-16',
    });
  });

  it('reads a file of fewer than three bytes', async () => {
    expect(await rows([Buffer.from('{}')], 'ndjson', ['a'])).toEqual([{ line: 1, fields: {} }]);
  });

  it('knows the declared names and refuses others', () => {
    expect(charsetParameter('text/csv ; Charset="GBK"')).toBe('"GBK"');
    expect(charsetOf('"GBK"')).toBe('gbk');
    expect(charsetOf('GB2312')).toBe('gbk');
    expect(charsetOf('UTF8')).toBe('utf-8');
    expect(charsetOf(undefined)).toBeUndefined();
    expect(() => charsetOf('big5')).toThrow(UnsupportedCharsetError);
  });
});
