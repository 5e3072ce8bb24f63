import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GeocodeMethod, GeocodeStatus, Location } from '../geospatial.models.js';

/** Locations of legal entities and persons, many per statement. */
@Injectable()
export class LocationReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(subjectType: 'LEGAL_ENTITY' | 'PERSON', ids: readonly string[]): Promise<Array<Location | null>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT subject_id, address_text, division_code, status, match_method, confidence, reason, address_id, updated_at,
              ST_X(point) AS longitude, ST_Y(point) AS latitude
       FROM geospatial.entity_location WHERE subject_type = $1 AND subject_id = ANY($2)`,
      [subjectType, [...new Set(ids)]],
    );
    const byId = new Map(rows.map((r) => [r.subject_id as string, toLocation(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

export function toLocation(r: Record<string, unknown>): Location {
  return {
    status: r.status as GeocodeStatus,
    method: (r.match_method as GeocodeMethod | null) ?? undefined,
    confidence: r.confidence === null || r.confidence === undefined ? undefined : Number(r.confidence),
    reason: (r.reason as string | null) ?? undefined,
    addressText: r.address_text as string,
    divisionCode: (r.division_code as string | null) ?? undefined,
    point:
      r.longitude === null || r.longitude === undefined
        ? undefined
        : { longitude: Number(r.longitude), latitude: Number(r.latitude) },
    addressId: (r.address_id as string | null) ?? undefined,
    updatedAt: r.updated_at as Date,
  };
}
