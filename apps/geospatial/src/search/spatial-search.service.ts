import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parseGeoJsonPolygon } from '@hub/geo';
import { divisionCodePrefix } from '@hub/identifiers';
import { decodeCursor, encodeCursor } from '@hub/register';
import { InputError } from '@hub/subgraph';
import { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';
import { toStandardAddress } from '../address/address.reader.js';
import { checkedPoint } from '../division/division.service.js';
import { SRID } from '../geospatial.schema.js';
import {
  SpatialSearchKind,
  type SpatialFilterInput,
  type SpatialHit,
  type SpatialHitConnection,
  type SpatialSearchArgs,
} from './spatial-search.dto.js';

const METRES_PER_DEGREE = 111_320;

/**
 * Spatial search on the GiST indexes: addresses, legal entities or persons inside a division's
 * boundary, a GeoJSON polygon, or a radius (metres, on the ellipsoid). Keyset-paginated by id.
 */
@Injectable()
export class SpatialSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(args: SpatialSearchArgs): Promise<SpatialHitConnection> {
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const area = await this.area(args.within, param);
    const [table, id, extra] =
      args.kind === SpatialSearchKind.ADDRESS
        ? ['geospatial.standard_address t', 't.address_id', '']
        : [
            'geospatial.entity_location t',
            't.subject_id',
            `AND t.subject_type = ${param(args.kind)} AND t.point IS NOT NULL`,
          ];
    const after = args.after
      ? decodeCursor(`s${args.kind}`, args.after, (k) => k.length > 0 && k.length <= 64)
      : undefined;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT t.*, ${id} AS hit_id, ST_X(t.point) AS x, ST_Y(t.point) AS y FROM ${table}
       WHERE ${area} ${extra} ${after ? `AND ${id} > ${param(after)}` : ''}
       ORDER BY ${id} LIMIT ${param(args.first + 1)}`,
      params,
    );
    const nodes: SpatialHit[] = rows.slice(0, args.first).map((r) => {
      const hit: SpatialHit = {
        kind: args.kind,
        id: r.hit_id as string,
        point: { longitude: Number(r.x), latitude: Number(r.y) },
      };
      if (args.kind === SpatialSearchKind.ADDRESS) hit.standardAddress = toStandardAddress(r);
      if (args.kind === SpatialSearchKind.LEGAL_ENTITY) hit.legalEntity = { uscc: hit.id };
      if (args.kind === SpatialSearchKind.PERSON) hit.person = { idNumber: hit.id };
      return hit;
    });
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: nodes.length ? encodeCursor(`s${args.kind}`, nodes.at(-1)!.id) : undefined,
      },
    };
  }

  /** The SQL condition on `t.point` for the filter, with its parameters. */
  private async area(filter: SpatialFilterInput, param: (v: unknown) => string): Promise<string> {
    const given = [filter.divisionCode, filter.polygon, filter.circle].filter(
      (f) => f !== undefined && f !== null,
    ).length;
    if (given !== 1) {
      throw new InputError([
        {
          field: 'within',
          code: given === 0 ? 'FILTER_REQUIRED' : 'FILTER_AMBIGUOUS',
          message: 'give exactly one of divisionCode, polygon, circle',
        },
      ]);
    }
    if (filter.divisionCode) {
      const code = filter.divisionCode.slice(0, 6);
      const [division] = await this.dataSource.query(
        'SELECT boundary IS NOT NULL AS bounded FROM geospatial.admin_division WHERE code = $1',
        [code],
      );
      if (division?.bounded) {
        const boundary = `(SELECT boundary FROM geospatial.admin_division WHERE code = ${param(code)})`;
        return `t.point && ${boundary} AND ST_Covers(${boundary}, t.point)`;
      }
      // No boundary known for this division (e.g. a retired one): fall back to its code.
      return `t.division_code LIKE ${param(`${divisionCodePrefix(code)}%`)}`;
    }
    if (filter.polygon) {
      const parsed = parseGeoJsonPolygon(filter.polygon);
      if (!parsed.ok)
        throw new InputError([{ field: 'within.polygon', code: parsed.error.code, message: parsed.error.message }]);
      const geojson = JSON.stringify({ type: parsed.type, coordinates: parsed.coordinates });
      const [check] = await this.dataSource.query(
        'SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason FROM (SELECT ST_GeomFromGeoJSON($1) AS g) s',
        [geojson],
      );
      if (!check.valid)
        throw new InputError([{ field: 'within.polygon', code: 'INVALID_POLYGON', message: String(check.reason) }]);
      const shape = `ST_SetSRID(ST_GeomFromGeoJSON(${param(geojson)}), ${SRID})`;
      return `t.point && ${shape} AND ST_Covers(${shape}, t.point)`;
    }
    const circle = filter.circle!;
    const centre = checkedPoint(
      circle.longitude,
      circle.latitude,
      circle.coordinateSystem ?? CoordinateSystemEnum.CGCS2000,
      'within.circle.longitude',
    );
    const degrees =
      circle.radiusMetres / (METRES_PER_DEGREE * Math.max(Math.cos((centre.latitude * Math.PI) / 180), 0.2));
    const point = `ST_SetSRID(ST_MakePoint(${param(centre.longitude)}, ${param(centre.latitude)}), ${SRID})`;
    return `t.point && ST_Expand(${point}, ${param(degrees)}) AND ST_DWithin(t.point::geography, ${point}::geography, ${param(circle.radiusMetres)})`;
  }
}
