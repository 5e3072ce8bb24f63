/** The once-only app owns the Postgres schema `once_only`: the subjects' archive, review results, corrections. */
export const ONCE_ONLY_SCHEMA = 'once_only';
