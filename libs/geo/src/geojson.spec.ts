import { MAX_GEOJSON_POSITIONS, parseGeoJsonPolygon, selfIntersection, type Position } from './geojson.js';

// Around West Lake, Hangzhou.
const square: Position[] = [
  [120.1, 30.2],
  [120.2, 30.2],
  [120.2, 30.3],
  [120.1, 30.3],
  [120.1, 30.2],
];
const hole: Position[] = [
  [120.13, 30.23],
  [120.13, 30.27],
  [120.17, 30.27],
  [120.17, 30.23],
  [120.13, 30.23],
];
const bowTie: Position[] = [
  [120.1, 30.2],
  [120.2, 30.3],
  [120.2, 30.2],
  [120.1, 30.3],
  [120.1, 30.2],
];

function errorOf(value: unknown): { code: string; message: string; position?: Position } {
  const result = parseGeoJsonPolygon(value);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('parseGeoJsonPolygon', () => {
  it('accepts a square with a hole', () => {
    const result = parseGeoJsonPolygon({ type: 'Polygon', coordinates: [square, hole] });
    expect(result).toEqual({ ok: true, type: 'Polygon', coordinates: [square, hole] });
  });

  it('accepts a MultiPolygon, also as JSON text, and drops altitudes', () => {
    const withAltitude = square.map(([x, y]) => [x, y, 12.5]);
    const text = JSON.stringify({ type: 'MultiPolygon', coordinates: [[withAltitude], [hole]] });
    expect(parseGeoJsonPolygon(text)).toEqual({ ok: true, type: 'MultiPolygon', coordinates: [[square], [hole]] });
  });

  it('rejects a bow-tie with the crossing point', () => {
    const error = errorOf({ type: 'Polygon', coordinates: [bowTie] });
    expect(error.code).toBe('POLYGON_SELF_INTERSECTING');
    expect(error.position?.[0]).toBeCloseTo(120.15, 9);
    expect(error.position?.[1]).toBeCloseTo(30.25, 9);
    expect(error.message).toMatch(/ring 0 intersects itself at \(120\.15/);
  });

  it('rejects an unclosed ring', () => {
    const error = errorOf({ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[120.1, 30.21]])] });
    expect(error.code).toBe('GEOJSON_INVALID');
    expect(error.message).toMatch(/not closed/);
  });

  it.each([
    ['a string that is not JSON', '{"type":'],
    ['null', null],
    ['an array', [square]],
    ['a Point', { type: 'Point', coordinates: [120, 30] }],
    ['a Feature', { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } }],
    ['missing coordinates', { type: 'Polygon' }],
    ['no rings', { type: 'Polygon', coordinates: [] }],
    ['a ring of 3 positions', { type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] }],
    ['a non-numeric position', { type: 'Polygon', coordinates: [[square[0], ['120.2', 30.2], square[2], square[0]]] }],
    ['a NaN', { type: 'Polygon', coordinates: [[square[0], [Number.NaN, 30.2], square[2], square[0]]] }],
    ['a one-number position', { type: 'Polygon', coordinates: [[square[0], [120.2], square[2], square[0]]] }],
    ['a Polygon nested like a MultiPolygon', { type: 'Polygon', coordinates: [[square]] }],
  ])('rejects %s as GEOJSON_INVALID', (_what, value) => {
    expect(errorOf(value).code).toBe('GEOJSON_INVALID');
  });

  it('rejects more than 10,000 positions', () => {
    const ring: Position[] = [];
    for (let i = 0; i < MAX_GEOJSON_POSITIONS; i++) {
      const angle = (2 * Math.PI * i) / MAX_GEOJSON_POSITIONS;
      ring.push([120 + 0.1 * Math.cos(angle), 30 + 0.1 * Math.sin(angle)]);
    }
    ring.push(ring[0]);
    expect(errorOf({ type: 'Polygon', coordinates: [ring] }).code).toBe('GEOJSON_TOO_LARGE');
    // One position fewer is fine (and the self-intersection sweep stays quick).
    const fits = [...ring.slice(0, MAX_GEOJSON_POSITIONS - 1), ring[0]];
    expect(parseGeoJsonPolygon({ type: 'Polygon', coordinates: [fits] }).ok).toBe(true);
  });

  it('rejects vertices outside China, and out of range, with the vertex', () => {
    const paris: Position[] = [
      [2.3, 48.8],
      [2.4, 48.8],
      [2.4, 48.9],
      [2.3, 48.8],
    ];
    const error = errorOf({ type: 'Polygon', coordinates: [paris] });
    expect(error.code).toBe('COORDINATES_OUTSIDE_CHINA');
    expect(error.position).toEqual([2.3, 48.8]);
    const swapped = square.map(([x, y]) => [y, x]);
    expect(errorOf({ type: 'MultiPolygon', coordinates: [[swapped]] }).code).toBe('COORDINATES_OUT_OF_RANGE');
  });
});

describe('selfIntersection', () => {
  it('finds nothing in simple rings', () => {
    expect(selfIntersection(square)).toBeUndefined();
    expect(selfIntersection(hole)).toBeUndefined();
    expect(
      selfIntersection([
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBeUndefined();
    // Repeated consecutive positions are harmless.
    expect(selfIntersection([square[0], square[1], square[1], square[2], square[3], square[0]])).toBeUndefined();
  });

  it('finds a crossing and names the edges', () => {
    expect(selfIntersection(bowTie)).toMatchObject({ edges: [0, 2] });
  });

  it('finds a ring touching itself at a vertex', () => {
    // A figure of eight through (1, 1).
    const eight: Position[] = [
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
      [0, 0],
    ];
    expect(selfIntersection(eight)?.position).toEqual([1, 1]);
  });

  it('finds a spike folding back on its edge', () => {
    const spike: Position[] = [
      [0, 0],
      [2, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(selfIntersection(spike)).toBeDefined();
  });

  it('finds a vertex lying on a non-adjacent edge', () => {
    const pinched: Position[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(selfIntersection(pinched)?.position).toEqual([2, 0]);
  });
});
