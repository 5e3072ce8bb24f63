import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DIVISION_BORDER_TOLERANCE_METRES, divisionBoundaries, toCgcs2000, validateCoordinates } from '@hub/geo';
import { divisionFullName, listDivisions } from '@hub/identifiers';
import { InputError } from '@hub/subgraph';
import { SRID } from '../geospatial.schema.js';
import { DivisionLevel, type AdminDivision } from '../geospatial.models.js';
import type { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';

/**
 * The administrative divisions: kept in step at every start with the identifiers library's
 * versioned GB/T 2260 table and the shipped boundaries (one upsert; unchanged rows are not
 * touched), and queried by code and by point.
 */
@Injectable()
export class DivisionService implements OnModuleInit {
  private readonly logger = new Logger(DivisionService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Unchanged boundaries are recognised by geometry `=` (the same vertices in the same order,
  // PostGIS ≥ 2.4): the real county lines have thousands of vertices each, and a topological
  // ST_Equals of all of them at every start costs several times as much.
  async onModuleInit(): Promise<void> {
    const boundaries = new Map(divisionBoundaries().map((b) => [b.code, b.geometry]));
    const rows = listDivisions().map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      parent_code: d.parent,
      valid_from: d.validFrom,
      valid_to: d.validTo,
      successors: d.successors ?? [],
      boundary: boundaries.get(d.code) ?? null,
    }));
    const [{ n }] = await this.dataSource.query(
      `WITH incoming AS (
         SELECT code, name, level, parent_code, valid_from, valid_to, successors,
           CASE WHEN boundary IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(boundary), ${SRID}) END AS boundary
         FROM jsonb_to_recordset($1::jsonb) AS r(code varchar, name varchar, level varchar, parent_code varchar, valid_from date, valid_to date, successors varchar[], boundary jsonb)
       ), upserted AS (
         INSERT INTO geospatial.admin_division (code, name, level, parent_code, valid_from, valid_to, successors, boundary)
         SELECT * FROM incoming
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
           valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, successors = EXCLUDED.successors, boundary = EXCLUDED.boundary
         WHERE (admin_division.name, admin_division.level, admin_division.parent_code, admin_division.valid_from, admin_division.valid_to, admin_division.successors)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.successors)
            OR admin_division.boundary IS DISTINCT FROM EXCLUDED.boundary
         RETURNING 1
       ) SELECT count(*)::int AS n FROM upserted`,
      [JSON.stringify(rows)],
    );
    if (n > 0) this.logger.log(`division table updated: ${n} divisions written`);
  }

  async byCodes(codes: readonly string[]): Promise<Array<AdminDivision | null>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT code, name, level, parent_code, valid_from, valid_to, successors, ST_AsGeoJSON(boundary, 6)::jsonb AS boundary
       FROM geospatial.admin_division WHERE code = ANY($1)`,
      [[...new Set(codes)]],
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
        return { ...toDivision(r), borderDistanceMetres: distance, nearBorder: distance <= DIVISION_BORDER_TOLERANCE_METRES };
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
    fullName: divisionFullName(r.code as string),
    level: Object.values(DivisionLevel).includes(level) ? level : DivisionLevel.COUNTY,
    parentCode: (r.parent_code as string | null) ?? undefined,
    validFrom: r.valid_from as string,
    validTo: (r.valid_to as string | null) ?? undefined,
    inForce: r.valid_to === null,
    successorCodes: (r.successors as string[]) ?? [],
    boundary: (r.boundary as Record<string, unknown> | null) ?? undefined,
  };
}
