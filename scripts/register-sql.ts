// npm run sql:write   writes the SQL each register's writer builds to schemas/sql/<library>.<register>.sql
// npm run sql:check   fails (exit 1) when a committed file is not what the writer builds now
//
// The writer builds its statements from the register's spec (columns from the entity, status
// rules, events): a change to any of them changes the SQL of every write, so the SQL is reviewed
// as a diff, as the supergraph is.
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { RegisterWriter, type RegisterSpec } from '@hub/register';
import { CREDIT_RECORD_REGISTER } from '../apps/credit/src/credit-record/credit-record.register.js';
import { STANDARD_ADDRESS_REGISTER } from '../apps/geospatial/src/address/standard-address.register.js';
import { LEGAL_ENTITY_REGISTER } from '../apps/legal-entity/src/legal-entity/legal-entity.register.js';
import { PERSON_REGISTER } from '../apps/population/src/person/person.register.js';

/** Each register of the base libraries and where its SQL is committed. */
export const REGISTER_SQL: ReadonlyArray<{ spec: RegisterSpec; path: string }> = [
  { spec: PERSON_REGISTER, path: 'schemas/sql/population.person.sql' },
  { spec: LEGAL_ENTITY_REGISTER, path: 'schemas/sql/legal-entity.legal-entity.sql' },
  { spec: CREDIT_RECORD_REGISTER, path: 'schemas/sql/credit.credit-record.sql' },
  { spec: STANDARD_ADDRESS_REGISTER, path: 'schemas/sql/geospatial.standard-address.sql' },
];

/** The files whose committed text is not what the writer builds now (missing files included). */
export async function staleRegisterSql(): Promise<string[]> {
  const stale: string[] = [];
  for (const { spec, path } of REGISTER_SQL) {
    const committed = await readFile(path, 'utf8').catch(() => undefined);
    if (committed !== new RegisterWriter(spec).sqlSnapshot()) stale.push(path);
  }
  return stale;
}

async function main(): Promise<number> {
  if (!process.argv.includes('--check')) {
    for (const { spec, path } of REGISTER_SQL) await writeFile(path, new RegisterWriter(spec).sqlSnapshot());
    console.log(`Wrote ${REGISTER_SQL.map((r) => r.path).join(', ')}`);
    return 0;
  }
  const stale = await staleRegisterSql();
  if (stale.length === 0) {
    console.log("The registers' SQL is up to date.");
    return 0;
  }
  console.error(
    `Stale register SQL: ${stale.join(', ')}. A register's spec or the writer changed: run \`npm run sql:write\`, review the diff and commit it.`,
  );
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
