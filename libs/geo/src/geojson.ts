// Validation of client-supplied GeoJSON areas (a service area, a parcel, a search polygon) before
// they reach PostGIS: clients get one clear, coded error instead of a database exception. The
// database still runs ST_IsValid; this catches the common mistakes cheaply and says where.

import { validateCoordinates, type CoordinateErrorCode } from './coordinates.js';

/** [longitude, latitude] in CGCS2000 (the hub's storage system). */
export type Position = readonly [number, number];
/** Closed: the first and last positions are equal. */
export type LinearRing = readonly Position[];
/** Exterior ring first, then holes. */
export type PolygonCoordinates = readonly LinearRing[];
export type MultiPolygonCoordinates = readonly PolygonCoordinates[];

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: MultiPolygonCoordinates;
}

export type GeoJsonErrorCode =
  'GEOJSON_INVALID' | 'GEOJSON_TOO_LARGE' | 'POLYGON_SELF_INTERSECTING' | CoordinateErrorCode;

export interface GeoJsonError {
  readonly code: GeoJsonErrorCode;
  readonly message: string;
  /** Where the problem is, when it is at one place: the offending vertex or the crossing. */
  readonly position?: Position;
}

export type ParsedGeoJsonPolygon =
  | { readonly ok: true; readonly type: 'Polygon'; readonly coordinates: PolygonCoordinates }
  | { readonly ok: true; readonly type: 'MultiPolygon'; readonly coordinates: MultiPolygonCoordinates };

export type GeoJsonPolygonResult = ParsedGeoJsonPolygon | { readonly ok: false; readonly error: GeoJsonError };

/** Upper bound on the vertices of one client geometry: the self-intersection check is O(n log n + k) but k can approach n². */
export const MAX_GEOJSON_POSITIONS = 10_000;
// A JSON string is refused before parsing beyond this: 10,000 pretty-printed positions fit easily.
const MAX_GEOJSON_TEXT_LENGTH = 2_000_000;

class GeoJsonRejection extends Error {
  constructor(readonly error: GeoJsonError) {
    super(error.message);
  }
}

function reject(code: GeoJsonErrorCode, message: string, position?: Position): never {
  throw new GeoJsonRejection(position === undefined ? { code, message } : { code, message, position });
}

/**
 * Accepts a GeoJSON Polygon or MultiPolygon geometry object (or its JSON text) and returns its
 * coordinates as [longitude, latitude] positions (a third, altitude, element is accepted and
 * dropped), or one coded error. Never throws on bad input.
 */
export function parseGeoJsonPolygon(value: unknown): GeoJsonPolygonResult {
  try {
    return parseOrReject(value);
  } catch (error) {
    if (error instanceof GeoJsonRejection) return { ok: false, error: error.error };
    throw error;
  }
}

function parseOrReject(value: unknown): ParsedGeoJsonPolygon {
  let geometry = value;
  if (typeof value === 'string') {
    if (value.length > MAX_GEOJSON_TEXT_LENGTH) {
      reject(
        'GEOJSON_TOO_LARGE',
        `GeoJSON text is ${value.length} characters; at most ${MAX_GEOJSON_TEXT_LENGTH} are accepted`,
      );
    }
    try {
      geometry = JSON.parse(value) as unknown;
    } catch (error) {
      reject(
        'GEOJSON_INVALID',
        `GeoJSON text is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (typeof geometry !== 'object' || geometry === null || Array.isArray(geometry)) {
    reject('GEOJSON_INVALID', 'GeoJSON geometry must be an object with "type" and "coordinates"');
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Feature') reject('GEOJSON_INVALID', 'expected a GeoJSON geometry, got a Feature: pass its "geometry"');
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    reject(
      'GEOJSON_INVALID',
      `GeoJSON geometry type must be "Polygon" or "MultiPolygon", got ${JSON.stringify(type) ?? 'none'}`,
    );
  }
  const counter = { positions: 0 };
  const polygons =
    type === 'Polygon'
      ? [readPolygon(coordinates, 'coordinates', counter)]
      : readArray(coordinates, 'coordinates', 1).map((polygon, i) =>
          readPolygon(polygon, `coordinates[${i}]`, counter),
        );

  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const position of ring) {
        const problem = validateCoordinates(position[0], position[1]);
        if (problem !== undefined) reject(problem.code, problem.message, position);
      }
    }
  }
  polygons.forEach((polygon, p) =>
    polygon.forEach((ring, r) => {
      const crossing = selfIntersection(ring);
      if (crossing !== undefined) {
        const where = type === 'Polygon' ? `ring ${r}` : `polygon ${p} ring ${r}`;
        reject(
          'POLYGON_SELF_INTERSECTING',
          `${where} intersects itself at (${crossing.position[0]}, ${crossing.position[1]}) (edges ${crossing.edges[0]} and ${crossing.edges[1]})`,
          crossing.position,
        );
      }
    }),
  );
  return type === 'Polygon' ? { ok: true, type, coordinates: polygons[0] } : { ok: true, type, coordinates: polygons };
}

function readArray(value: unknown, path: string, minLength: number): unknown[] {
  if (!Array.isArray(value)) reject('GEOJSON_INVALID', `${path} must be an array`);
  if (value.length < minLength) reject('GEOJSON_INVALID', `${path} must have at least ${minLength} element(s)`);
  return value;
}

function readPolygon(value: unknown, path: string, counter: { positions: number }): LinearRing[] {
  return readArray(value, path, 1).map((ring, r) => readRing(ring, `${path}[${r}]`, counter));
}

function readRing(value: unknown, path: string, counter: { positions: number }): LinearRing {
  const raw = readArray(value, path, 0);
  counter.positions += raw.length;
  if (counter.positions > MAX_GEOJSON_POSITIONS) {
    reject(
      'GEOJSON_TOO_LARGE',
      `geometry has more than ${MAX_GEOJSON_POSITIONS} positions; simplify it before sending`,
    );
  }
  if (raw.length < 4) {
    reject(
      'GEOJSON_INVALID',
      `${path} is a linear ring and needs at least 4 positions (3 corners and the closing one), got ${raw.length}`,
    );
  }
  const ring = raw.map((position, i) => readPosition(position, `${path}[${i}]`));
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    reject('GEOJSON_INVALID', `${path} is not closed: its last position must equal its first`, last);
  }
  return ring;
}

function readPosition(value: unknown, path: string): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    reject('GEOJSON_INVALID', `${path} must be a position [longitude, latitude] (optionally with altitude)`);
  }
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    reject('GEOJSON_INVALID', `${path} must contain finite numbers, got ${JSON.stringify(value)}`);
  }
  return [value[0] as number, value[1] as number];
}

// --- self-intersection --------------------------------------------------------------------------

export interface SelfIntersection {
  /** A point where the ring meets itself: a crossing, or where it touches itself. */
  readonly position: Position;
  /** Indexes of the two edges (edge i runs from position i to i + 1). */
  readonly edges: readonly [number, number];
}

/**
 * Whether a ring crosses or touches itself: two non-adjacent edges meeting anywhere, or two
 * adjacent edges folding back onto each other (a spike). Repeated consecutive positions are
 * ignored (PostGIS accepts them). A sweep over edges sorted by x keeps it near O(n log n) for
 * ordinary shapes; O(n²) at worst.
 */
export function selfIntersection(ring: readonly Position[]): SelfIntersection | undefined {
  // Distinct consecutive vertices, without the closing repeat, with their original indexes.
  const points: Position[] = [];
  const indexes: number[] = [];
  ring.forEach((p, i) => {
    const previous = points[points.length - 1];
    if (previous === undefined || previous[0] !== p[0] || previous[1] !== p[1]) {
      points.push(p);
      indexes.push(i);
    }
  });
  if (points.length > 1 && samePoint(points[0], points[points.length - 1])) {
    points.pop();
    indexes.pop();
  }
  const n = points.length;
  if (n < 3) return undefined;

  const edges = points.map((a, i) => {
    const b = points[(i + 1) % n];
    return {
      i,
      a,
      b,
      minX: Math.min(a[0], b[0]),
      maxX: Math.max(a[0], b[0]),
      minY: Math.min(a[1], b[1]),
      maxY: Math.max(a[1], b[1]),
    };
  });
  const byMinX = [...edges].sort((e, f) => e.minX - f.minX || e.i - f.i);
  for (let s = 0; s < byMinX.length; s++) {
    const e = byMinX[s];
    for (let t = s + 1; t < byMinX.length && byMinX[t].minX <= e.maxX; t++) {
      const f = byMinX[t];
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      const [first, second] = e.i < f.i ? [e, f] : [f, e];
      const adjacentForward = second.i === first.i + 1; // first.b === second.a
      const adjacentWrap = first.i === 0 && second.i === n - 1; // second.b === first.a
      let hit: Position | undefined;
      if (adjacentForward || adjacentWrap) {
        // Sharing a vertex is expected; folding back along each other is not.
        const [shared, p, q] = adjacentForward ? [first.b, first.a, second.b] : [first.a, first.b, second.a];
        if (orientation(p, shared, q) === 0 && dot(p, shared, q) > 0) hit = shared;
      } else {
        hit = segmentIntersection(first.a, first.b, second.a, second.b);
      }
      if (hit !== undefined) {
        return { position: hit, edges: [indexes[first.i], indexes[second.i]] };
      }
    }
  }
  return undefined;
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** > 0 when a → b → c turns left, < 0 right, 0 collinear. */
function orientation(a: Position, b: Position, c: Position): number {
  const value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return value === 0 ? 0 : Math.sign(value);
}

/** (a − o) · (b − o) */
function dot(a: Position, o: Position, b: Position): number {
  return (a[0] - o[0]) * (b[0] - o[0]) + (a[1] - o[1]) * (b[1] - o[1]);
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** A common point of segments ab and cd, or undefined when they do not meet. */
function segmentIntersection(a: Position, b: Position, c: Position, d: Position): Position | undefined {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const rx = b[0] - a[0];
    const ry = b[1] - a[1];
    const sx = d[0] - c[0];
    const sy = d[1] - c[1];
    const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / (rx * sy - ry * sx);
    return [a[0] + t * rx, a[1] + t * ry];
  }
  if (o1 === 0 && onSegment(a, b, c)) return c;
  if (o2 === 0 && onSegment(a, b, d)) return d;
  if (o3 === 0 && onSegment(c, d, a)) return a;
  if (o4 === 0 && onSegment(c, d, b)) return b;
  return undefined;
}
