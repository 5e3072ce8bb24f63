/** The geospatial library owns the Postgres schema `geospatial` (PostGIS, CGCS2000 = SRID 4490). */
export const GEOSPATIAL_SCHEMA = 'geospatial';

/** CGCS2000, the national geodetic datum: every geometry the library stores is in it. */
export const SRID = 4490;
