/** What the events library needs from a database handle: TypeORM's DataSource, EntityManager and QueryRunner all fit. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a schema name after checking it is a plain identifier: schema names are interpolated into SQL. */
export function schemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}
