/** The catalog library owns the Postgres schema `catalog`: participants, the catalog, sharing, the audit trail. */
export const CATALOG_SCHEMA = 'catalog';
