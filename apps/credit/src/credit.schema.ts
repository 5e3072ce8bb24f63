/** The credit library owns the Postgres schema `credit` and nothing else. */
export const CREDIT_SCHEMA = 'credit';
