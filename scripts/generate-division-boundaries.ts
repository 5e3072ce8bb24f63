// Writes schemas/geospatial/division-boundaries.geojson: SIMPLIFIED demo/test boundaries of the
// divisions the hub's demo data lives in (Zhejiang with Hangzhou and Quzhou, Guangdong with Foshan,
// and every county-level division in force under those three prefectures). They sit at the real
// places with roughly real sizes, but the shapes are invented:
//
// - a province is a hand-drawn outline around its prefectures;
// - a prefecture is a hand-drawn CONVEX outline; Hangzhou and Quzhou share one border edge;
// - the prefecture is cut into a Voronoi diagram of "sites" placed at the real rough positions of
//   its counties (a county may have several sites, to give it a rough real shape: 南海 around
//   禅城, 钱塘 on both banks), and a county is the union of its sites' cells. Voronoi cells of a
//   convex outline tile it exactly, so the counties partition the prefecture by construction.
//
// Exactness after rounding to 6 decimals: every vertex is snapped once (equal points become the
// same rounded point), and every vertex lying on another cell's edge is inserted into that edge,
// so that neighbouring rings share their boundary vertex for vertex: no slivers, no overlaps.
//
// npm run build:code && node dist/scripts/generate-division-boundaries.js [output path]
// Deterministic: the same division table gives the same file, byte for byte.

import { writeFileSync } from 'node:fs';
import { findDivision, listDivisions, type DivisionEntry } from '@hub/identifiers';
import { selfIntersection, type MultiPolygonCoordinates, type Position } from '@hub/geo';

export const DEFAULT_OUTPUT = 'schemas/geospatial/division-boundaries.geojson';

type Point = readonly [number, number];

interface PrefectureLayout {
  readonly code: string;
  /** Convex, counter-clockwise, not closed. */
  readonly outline: readonly Point[];
  /** County code → sites (lon, lat) at the county's real rough position. */
  readonly sites: Readonly<Record<string, readonly Point[]>>;
}

// Hand-drawn outlines, counter-clockwise, not closed; simple but not necessarily convex.
const PROVINCES: Readonly<Record<string, readonly Point[]>> = {
  '330000': [
    [118.0, 29.5], [118.0, 28.6], [118.45, 28.05], [119.5, 27.6], [120.3, 27.0], [120.9, 27.1], [121.8, 28.1],
    [122.9, 29.9], [122.3, 30.7], [121.0, 30.9], [120.4, 31.2], [119.4, 31.1], [119.2, 30.7], [118.7, 30.45],
    [118.3, 29.95], [118.1, 29.7],
  ],
  '440000': [
    [109.7, 21.6], [110.2, 20.2], [110.6, 20.25], [111.0, 21.4], [112.5, 21.6], [113.6, 22.0], [114.5, 22.3],
    [115.8, 22.7], [116.8, 23.0], [117.3, 23.6], [116.9, 24.6], [116.0, 24.9], [115.3, 24.7], [114.6, 25.3],
    [113.6, 25.5], [112.6, 25.2], [111.6, 24.7], [111.3, 23.6], [110.6, 22.3],
  ],
};

const PREFECTURES: readonly PrefectureLayout[] = [
  {
    code: '330100', // 杭州市
    outline: [
      [118.35, 29.75], [118.45, 29.5], [119.35, 29.18], [120.45, 29.85], [120.72, 30.22], [120.55, 30.45],
      [120.3, 30.57], [119.9, 30.58], [119.3, 30.55], [118.75, 30.3],
    ],
    sites: {
      '330102': [[120.21, 30.27], [120.25, 30.33]], // 上城区
      '330105': [[120.14, 30.33]], // 拱墅区
      '330106': [[120.1, 30.24], [120.08, 30.15]], // 西湖区
      '330108': [[120.2, 30.19]], // 滨江区
      '330109': [[120.28, 30.12], [120.32, 29.98]], // 萧山区
      '330110': [[119.85, 30.4], [120.02, 30.33]], // 余杭区
      '330111': [[119.95, 29.98], [119.68, 29.98]], // 富阳区
      '330112': [[119.65, 30.25], [119.15, 30.25]], // 临安区
      '330113': [[120.28, 30.44]], // 临平区
      '330114': [[120.38, 30.31], [120.55, 30.27]], // 钱塘区
      '330122': [[119.6, 29.78]], // 桐庐县
      '330127': [[118.65, 29.65], [119.0, 29.6]], // 淳安县
      '330182': [[119.3, 29.45], [119.6, 29.45]], // 建德市
    },
  },
  {
    code: '330800', // 衢州市
    outline: [
      [118.55, 28.2], [118.95, 28.35], [119.3, 28.75], [119.35, 29.18], [118.45, 29.5], [118.05, 29.15],
      [118.15, 28.7], [118.3, 28.4],
    ],
    sites: {
      '330802': [[118.85, 28.98], [118.82, 29.15]], // 柯城区
      '330803': [[119.03, 29.12], [119.05, 28.9], [119.0, 28.65]], // 衢江区
      '330822': [[118.5, 28.95]], // 常山县
      '330824': [[118.35, 29.2]], // 开化县
      '330825': [[119.2, 29.0]], // 龙游县
      '330881': [[118.6, 28.55]], // 江山市
    },
  },
  {
    code: '440600', // 佛山市
    outline: [
      [112.4, 22.95], [112.55, 22.72], [113.05, 22.6], [113.28, 22.63], [113.38, 22.85], [113.32, 23.15],
      [113.1, 23.45], [112.88, 23.57], [112.68, 23.45], [112.45, 23.15],
    ],
    sites: {
      '440604': [[113.1, 23.0]], // 禅城区
      '440605': [[112.97, 23.18], [113.2, 23.13], [112.97, 22.87]], // 南海区
      '440606': [[113.2, 22.82], [113.12, 22.7]], // 顺德区
      '440607': [[112.88, 23.38]], // 三水区
      '440608': [[112.68, 22.9], [112.55, 23.0]], // 高明区
    },
  },
];

interface Feature {
  readonly division: DivisionEntry;
  readonly coordinates: MultiPolygonCoordinates;
}

/** The GeoJSON text for the divisions in force on `at` (default: today, Beijing time). */
export function renderDivisionBoundaries(at: string | Date = new Date()): string {
  const features: Feature[] = [];
  for (const [code, outline] of Object.entries(PROVINCES)) {
    features.push({ division: division(code), coordinates: [[closeRing(outline.map(round))]] });
  }
  const cells: Cell[] = [];
  for (const layout of PREFECTURES) cells.push(...prefectureCells(layout, at));
  nodeCells(cells);
  for (const layout of PREFECTURES) {
    const own = cells.filter((cell) => cell.prefecture === layout.code);
    features.push({ division: division(layout.code), coordinates: union(own, layout.code) });
    for (const county of Object.keys(layout.sites)) {
      features.push({ division: division(county), coordinates: union(own.filter((cell) => cell.county === county), county) });
    }
  }
  features.sort((a, b) => a.division.code.localeCompare(b.division.code));
  for (const feature of features) checkFeature(feature, features);

  const lines = features.map(({ division: d, coordinates }) =>
    JSON.stringify({
      type: 'Feature',
      properties: { code: d.code, name: d.name, level: d.level, parent: d.parent },
      geometry: { type: 'MultiPolygon', coordinates },
    }),
  );
  return (
    '{"type":"FeatureCollection",\n' +
    '"description":"SIMPLIFIED demo/test division boundaries: real places and rough sizes, invented shapes. Not for administrative use. Generated by scripts/generate-division-boundaries.ts.",\n' +
    '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},\n' +
    `"features":[\n${lines.join(',\n')}\n]}\n`
  );
}

function division(code: string): DivisionEntry {
  const entry = findDivision(code);
  if (entry === undefined) throw new Error(`${code} is not in the division table`);
  return entry;
}

// --- Voronoi cells ------------------------------------------------------------------------------

interface Cell {
  readonly prefecture: string;
  readonly county: string;
  /** Counter-clockwise, not closed; rounded to 6 decimals after snapping. */
  ring: Point[];
}

function prefectureCells(layout: PrefectureLayout, at: string | Date): Cell[] {
  assertConvexCcw(layout.outline, layout.code);
  const inForce = listDivisions({ under: layout.code, level: 'county', inForceAt: at }).map((d) => d.code);
  const laidOut = Object.keys(layout.sites);
  const missing = inForce.filter((code) => !laidOut.includes(code));
  const extra = laidOut.filter((code) => !inForce.includes(code));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${layout.code}: counties in force without a layout: [${missing}]; laid out but not in force: [${extra}]`);
  }
  const sites = Object.entries(layout.sites).flatMap(([county, points]) => points.map((point) => ({ county, point })));
  return sites.map(({ county, point }) => {
    let ring: Point[] = [...layout.outline];
    for (const other of sites) {
      if (other.point === point) continue;
      // Keep the half-plane closer to this site than to the other one.
      const normal: Point = [other.point[0] - point[0], other.point[1] - point[1]];
      const middle: Point = [(other.point[0] + point[0]) / 2, (other.point[1] + point[1]) / 2];
      ring = clip(ring, (p) => (p[0] - middle[0]) * normal[0] + (p[1] - middle[1]) * normal[1]);
    }
    if (ring.length < 3) throw new Error(`${county}: the site ${point.join(',')} has an empty cell; is it outside ${layout.code}?`);
    return { prefecture: layout.code, county, ring };
  });
}

/** Sutherland–Hodgman against one half-plane: keeps the part where side(p) ≤ 0. */
function clip(ring: readonly Point[], side: (p: Point) => number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i];
    const next = ring[(i + 1) % ring.length];
    const sc = side(current);
    const sn = side(next);
    if (sc <= 0) out.push(current);
    if ((sc < 0 && sn > 0) || (sc > 0 && sn < 0)) {
      const t = sc / (sc - sn);
      out.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return out;
}

// --- making the cells edge-to-edge after rounding -----------------------------------------------

const SNAP_DISTANCE = 1e-9; // raw points this close are the same Voronoi vertex
const ON_EDGE_DISTANCE = 2e-6; // a rounded vertex this close to an edge lies on it

function nodeCells(cells: Cell[]): void {
  // 1. Snap: the first raw point of a cluster decides its rounded value, for every cell alike.
  const representatives: { raw: Point; rounded: Point }[] = [];
  for (const cell of cells) {
    cell.ring = dedupe(
      cell.ring.map((raw) => {
        let found = representatives.find((r) => Math.hypot(r.raw[0] - raw[0], r.raw[1] - raw[1]) < SNAP_DISTANCE);
        if (found === undefined) {
          found = { raw, rounded: round(raw) };
          representatives.push(found);
        }
        return found.rounded;
      }),
    );
  }
  // 2. Node: insert every vertex that lies inside another cell's edge into that edge.
  const vertices = [...new Map(representatives.map((r) => [key(r.rounded), r.rounded])).values()];
  for (const cell of cells) {
    const noded: Point[] = [];
    cell.ring.forEach((a, i) => {
      const b = cell.ring[(i + 1) % cell.ring.length];
      noded.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const lengthSquared = dx * dx + dy * dy;
      const inside = vertices
        .map((v) => ({ v, t: ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / lengthSquared }))
        .filter(({ v, t }) => t > 0 && t < 1 && Math.hypot(a[0] + t * dx - v[0], a[1] + t * dy - v[1]) < ON_EDGE_DISTANCE)
        .filter(({ v }) => key(v) !== key(a) && key(v) !== key(b))
        .sort((p, q) => p.t - q.t);
      noded.push(...inside.map(({ v }) => v));
    });
    cell.ring = noded;
  }
}

function dedupe(ring: readonly Point[]): Point[] {
  const out = ring.filter((p, i) => key(p) !== key(ring[(i + ring.length - 1) % ring.length]));
  if (out.length < 3) throw new Error(`a cell collapsed to ${out.length} point(s) when rounded`);
  return out;
}

// --- union of cells -----------------------------------------------------------------------------

/** Boundary of a union of edge-to-edge counter-clockwise cells: shells CCW, holes CW. */
function union(cells: readonly Cell[], code: string): MultiPolygonCoordinates {
  // Directed edges; an edge whose reverse is also present is inside the union.
  const edges = new Map<string, { from: Point; to: Point }>();
  for (const { ring } of cells) {
    ring.forEach((from, i) => {
      const to = ring[(i + 1) % ring.length];
      const reverse = `${key(to)}>${key(from)}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${key(from)}>${key(to)}`, { from, to });
    });
  }
  const outgoing = new Map<string, { from: Point; to: Point }>();
  for (const edge of edges.values()) {
    if (outgoing.has(key(edge.from))) throw new Error(`${code}: its boundary touches itself at ${key(edge.from)}`);
    outgoing.set(key(edge.from), edge);
  }
  const rings: Point[][] = [];
  const starts = [...outgoing.keys()].sort();
  for (const start of starts) {
    if (!outgoing.has(start)) continue;
    const ring: Point[] = [];
    let at = start;
    while (outgoing.has(at)) {
      const edge = outgoing.get(at) as { from: Point; to: Point };
      outgoing.delete(at);
      ring.push(edge.from);
      at = key(edge.to);
    }
    if (at !== start) throw new Error(`${code}: boundary does not close at ${start}`);
    rings.push(ring);
  }
  const shells = rings.filter((ring) => signedArea(ring) > 0);
  const holes = rings.filter((ring) => signedArea(ring) < 0);
  return shells
    .map((shell) => [shell, ...holes.filter((hole) => ringContains(shell, hole[0]))])
    .map((polygon) => polygon.map((ring) => closeRing(startAtLowest(ring))))
    .sort((a, b) => comparePoints(a[0][0], b[0][0]));
}

// --- checks -------------------------------------------------------------------------------------

// The generator refuses to write a file that breaks the nesting the tests (and users) rely on.
function checkFeature(feature: Feature, all: readonly Feature[]): void {
  const { code, parent } = feature.division;
  feature.coordinates.forEach((polygon) =>
    polygon.forEach((ring) => {
      const crossing = selfIntersection(ring);
      if (crossing !== undefined) throw new Error(`${code}: ring intersects itself at ${crossing.position.join(',')}`);
    }),
  );
  const container = all.find((f) => f.division.code === parent);
  if (container === undefined) return;
  for (const polygon of feature.coordinates) {
    for (const point of polygon[0]) {
      const inside = container.coordinates.some(
        (outer) => ringContains(outer[0], point) || outer[0].some((p) => key(p) === key(point as Point)),
      );
      if (!inside) throw new Error(`${code}: vertex ${point.join(',')} is outside its parent ${parent}`);
    }
  }
}

function assertConvexCcw(ring: readonly Point[], code: string): void {
  ring.forEach((b, i) => {
    const a = ring[(i + ring.length - 1) % ring.length];
    const c = ring[(i + 1) % ring.length];
    if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) <= 0) {
      throw new Error(`${code}: outline is not convex and counter-clockwise at ${b.join(',')}`);
    }
  });
}

// --- small helpers ------------------------------------------------------------------------------

function round(p: Point): Point {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

function key(p: Point | Position): string {
  return `${p[0]},${p[1]}`;
}

function closeRing(ring: readonly Point[]): Point[] {
  return [...ring, ring[0]];
}

function startAtLowest(ring: readonly Point[]): Point[] {
  let lowest = 0;
  ring.forEach((p, i) => {
    if (comparePoints(p, ring[lowest]) < 0) lowest = i;
  });
  return [...ring.slice(lowest), ...ring.slice(0, lowest)];
}

function comparePoints(a: Position, b: Position): number {
  return a[0] - b[0] || a[1] - b[1];
}

function signedArea(ring: readonly Point[]): number {
  let area = 0;
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length];
    area += a[0] * b[1] - b[0] * a[1];
  });
  return area / 2;
}

function ringContains(ring: readonly Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const output = process.argv[2] ?? DEFAULT_OUTPUT;
  writeFileSync(output, renderDivisionBoundaries());
  console.log(`Wrote ${output}`);
}
