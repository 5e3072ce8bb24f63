/** The legal-entity library owns the Postgres schema `legal_entity` and nothing else. */
export const LEGAL_ENTITY_SCHEMA = 'legal_entity';
