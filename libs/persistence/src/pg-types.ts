import pg from 'pg';

// Calendar dates stay 'YYYY-MM-DD' strings: converting them to JS Dates (node-pg's default) would
// shift them by the process's time zone. Applies to every pg client of the process.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
