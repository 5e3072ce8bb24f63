import { readFile } from 'node:fs/promises';
import { RegisterWriter } from '@hub/register';
import { describe, expect, it } from 'vitest';
import { REGISTER_SQL, staleRegisterSql } from '../scripts/register-sql.js';

describe("the registers' committed SQL (schemas/sql, npm run sql:check)", () => {
  it('is exactly what each register writer builds now', async () => {
    expect(await staleRegisterSql()).toEqual([]);
    for (const { spec, path } of REGISTER_SQL)
      expect(await readFile(path, 'utf8'), path).toBe(new RegisterWriter(spec).sqlSnapshot());
  });

  it('drifts, and is reported, when a register gains a column', async () => {
    const { spec, path } = REGISTER_SQL[1];
    const grown = new RegisterWriter({
      ...spec,
      columns: [...spec.columns, { property: 'nickname', column: 'nickname', type: 'varchar(50)' }],
    });
    const committed = await readFile(path, 'utf8');
    expect(grown.sqlSnapshot()).not.toBe(committed);
    expect(grown.sqlSnapshot()).toContain('nickname varchar(50)');
  });

  it('holds every statement a write runs: staging, bulk upsert, single register and change', async () => {
    for (const { spec, path } of REGISTER_SQL) {
      const sql = await readFile(path, 'utf8');
      expect(sql).toContain(`CREATE TEMP TABLE ${spec.table}_staging`);
      expect(sql.match(/^WITH raw AS/gm)).toHaveLength(3);
      expect(sql).toContain(`INSERT INTO "${spec.schema}".${spec.historyTable}`);
    }
  });
});
