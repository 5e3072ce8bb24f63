/** The population library owns the Postgres schema `population` and nothing else. */
export const POPULATION_SCHEMA = 'population';
