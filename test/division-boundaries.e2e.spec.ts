import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIVISION_BORDER_TOLERANCE_METRES, distanceToBoundaryMetres, divisionBoundaries, pointInMultiPolygon, type DivisionBoundary } from '@hub/geo';
import { DivisionService } from '../apps/geospatial/src/division/division.service.js';
import { REGISTER_ADDRESS, aStandardAddress } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

// The shipped county boundaries of Foshan, Hangzhou and Quzhou (docs/geospatial.md), checked
// against real places and for topology, on real PostGIS through the gateway.
//
// Each place: expected county, name, WGS84 longitude and latitude, the distance in metres from the
// point to its county's border in the shipped file (measured with PostGIS on the ellipsoid; so a
// reader sees how much error the answer can stand), and where the coordinate comes from:
// - 'wikipedia': the coordinates of the place's Wikipedia article (WGS84);
// - 'approx': the place's position as known from its published address on a map, converted to
//   WGS84 where the map was GCJ-02 — good to a few hundred metres, not surveyed. Such places were
//   kept only where the margin dwarfs that (all but the two West Lake ones by ≥ 500 m); the West
//   Lake pair is there because the lake (西湖区) and its eastern shore (上城区, 拱墅区) are where
//   a 500 m GCJ-02 offset would flip the answer.
// Government seats are the 区/县人民政府 (市人民政府 for county-level cities).
const PLACES: ReadonlyArray<readonly [county: string, place: string, longitude: number, latitude: number, marginMetres: number, source: 'wikipedia' | 'approx']> = [
  ['440604', '佛山祖庙', 113.116307, 23.035151, 1290, 'wikipedia'],
  ['440604', '南风古灶', 113.090500, 23.000500, 2260, 'approx'],
  ['440604', '佛山火车站', 113.100500, 23.047500, 1210, 'approx'],
  ['440604', '禅城区人民政府', 113.122000, 23.009000, 1280, 'approx'],
  ['440605', '南海区人民政府', 113.144000, 23.033000, 890, 'approx'],
  ['440605', '西樵山', 112.965000, 22.930000, 4060, 'approx'],
  ['440605', '大沥镇', 113.095000, 23.100000, 3920, 'approx'],
  ['440605', '狮山镇', 113.005000, 23.140000, 8060, 'approx'],
  ['440605', '九江镇', 112.990000, 22.840000, 2980, 'approx'],
  ['440606', '顺德区人民政府', 113.293000, 22.805000, 3400, 'approx'],
  ['440606', '清晖园', 113.246000, 22.843000, 5090, 'approx'],
  ['440606', '北滘镇', 113.210000, 22.930000, 6100, 'approx'],
  ['440606', '容桂街道', 113.280000, 22.760000, 1980, 'approx'],
  ['440607', '三水区人民政府', 112.897000, 23.156000, 630, 'approx'],
  ['440607', '芦苞镇', 112.890000, 23.360000, 1560, 'approx'],
  ['440607', '大旗头古村', 112.950000, 23.270000, 3500, 'approx'],
  ['440608', '高明区人民政府', 112.892000, 22.900000, 570, 'approx'],
  ['440608', '皂幕山', 112.640000, 22.830000, 5710, 'approx'],
  ['330102', '吴山广场', 120.165000, 30.247000, 930, 'approx'],
  ['330102', '杭州东站', 120.207500, 30.290000, 2290, 'approx'],
  ['330102', '杭州市民中心', 120.205000, 30.245500, 1250, 'approx'],
  ['330105', '武林广场', 120.160000, 30.273500, 820, 'approx'],
  ['330105', '拱宸桥', 120.138500, 30.319000, 2520, 'approx'],
  ['330105', '半山国家森林公园', 120.170000, 30.360000, 1600, 'approx'],
  ['330106', '西湖断桥', 120.149900, 30.258800, 350, 'approx'],
  ['330106', '三潭印月', 120.144500, 30.239200, 490, 'approx'],
  ['330106', '灵隐寺', 120.096000, 30.241000, 4270, 'approx'],
  ['330106', '西溪湿地', 120.065000, 30.270000, 1010, 'approx'],
  ['330108', '滨江区人民政府', 120.211000, 30.208500, 1840, 'approx'],
  ['330108', '白马湖', 120.195000, 30.175000, 1970, 'approx'],
  ['330109', '萧山区人民政府', 120.264500, 30.185000, 3330, 'approx'],
  ['330109', '湘湖', 120.215000, 30.135000, 700, 'approx'],
  ['330109', '进化镇', 120.280000, 29.980000, 4490, 'approx'],
  ['330110', '良渚古城遗址', 119.992000, 30.393000, 5200, 'approx'],
  ['330110', '径山寺', 119.780000, 30.400000, 2310, 'approx'],
  ['330110', '阿里巴巴西溪园区', 120.026000, 30.280000, 1840, 'approx'],
  ['330113', '临平区人民政府', 120.299000, 30.419000, 1660, 'approx'],
  ['330113', '超山', 120.235000, 30.455000, 5800, 'approx'],
  ['330114', '钱塘区人民政府', 120.345000, 30.305000, 2600, 'approx'],
  ['330114', '义蓬街道', 120.490000, 30.300000, 6600, 'approx'],
  ['330111', '富阳区人民政府', 119.960000, 30.049000, 8340, 'approx'],
  ['330111', '龙门古镇', 119.930000, 29.930000, 10590, 'approx'],
  ['330112', '临安区人民政府', 119.724000, 30.234000, 10170, 'approx'],
  ['330112', '天目山', 119.440000, 30.350000, 4000, 'approx'],
  ['330122', '桐庐县人民政府', 119.691000, 29.793000, 7510, 'approx'],
  ['330122', '严子陵钓台', 119.620000, 29.720000, 1960, 'approx'],
  ['330127', '淳安县人民政府', 119.042000, 29.609000, 17350, 'approx'],
  ['330127', '下姜村', 118.900000, 29.450000, 10590, 'approx'],
  ['330182', '建德市人民政府', 119.281000, 29.475000, 7430, 'approx'],
  ['330182', '梅城古镇', 119.480000, 29.550000, 14340, 'approx'],
  ['330802', '柯城区人民政府', 118.871000, 28.969000, 1440, 'approx'],
  ['330802', '孔氏南宗家庙', 118.868000, 28.944000, 2240, 'approx'],
  ['330803', '衢江区人民政府', 118.959000, 28.980000, 3660, 'approx'],
  ['330822', '常山县人民政府', 118.511000, 28.901000, 6760, 'approx'],
  ['330822', '三衢山', 118.550000, 28.980000, 9340, 'approx'],
  ['330824', '开化县人民政府', 118.415000, 29.137000, 11610, 'approx'],
  ['330825', '龙游县人民政府', 119.172000, 29.028000, 8040, 'approx'],
  ['330825', '龙游石窟', 119.200000, 29.060000, 9440, 'approx'],
  ['330881', '江山市人民政府', 118.625000, 28.736100, 12060, 'wikipedia'],
  ['330881', '江郎山', 118.560000, 28.520000, 9510, 'approx'],
];

type Division = { code: string; level: string; borderDistanceMetres: number; nearBorder: boolean };
const DIVISION_AT = `query ($lon: Float!, $lat: Float!) { divisionAt(longitude: $lon, latitude: $lat) { code level borderDistanceMetres nearBorder } }`;

const COUNTIES_BY_PREFECTURE: Readonly<Record<string, readonly string[]>> = {
  '440600': ['440604', '440605', '440606', '440607', '440608'],
  '330100': ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182'],
  '330800': ['330802', '330803', '330822', '330824', '330825', '330881'],
};

function boundary(code: string): DivisionBoundary {
  const found = divisionBoundaries().find((b) => b.code === code);
  if (found === undefined) throw new Error(`no boundary for ${code}`);
  return found;
}

describe('division boundaries: real places and topology', () => {
  let hub: TestHub;
  let db: pg.Client;

  beforeAll(async () => {
    hub = await TestHub.start();
    db = new pg.Client({ connectionString: hub.database.url });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await hub?.close();
  });

  it('covers every county of the three prefectures, and at least 40 places across all of them', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(40);
    const counties = Object.values(COUNTIES_BY_PREFECTURE).flat();
    expect(new Set(PLACES.map(([county]) => county))).toEqual(new Set(counties));
    for (const county of counties) expect(boundary(county).level).toBe('county');
  });

  it.each(PLACES)('%s: %s is in its county, one division per level, with its margin to the border', async (county, _place, longitude, latitude, margin) => {
    const result = await hub.graphql<{ divisionAt: Division[] }>(DIVISION_AT, { lon: longitude, lat: latitude });
    expect(result.errors).toBeUndefined();
    const chain = result.data!.divisionAt;
    expect(chain.map((d) => d.level)).toEqual(['COUNTY', 'PREFECTURE', 'PROVINCE']);
    expect(chain.map((d) => d.code)).toEqual([county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`]);
    // The recorded margin is the one the shipped file gives (a rebuilt file must be re-measured).
    expect(Math.abs(chain[0].borderDistanceMetres - margin)).toBeLessThanOrEqual(10);
    expect(chain[0].nearBorder).toBe(margin <= DIVISION_BORDER_TOLERANCE_METRES);
  });

  it('answers exactly one county for a point on the border two counties share, and says it is on the border', async () => {
    const neighbour = boundary('440605').geometry.coordinates.flat(2).map(([x, y]) => `${x},${y}`);
    const shared = new Set(neighbour);
    const vertex = boundary('440604').geometry.coordinates.flat(2).find(([x, y]) => shared.has(`${x},${y}`));
    expect(vertex).toBeDefined();
    const result = await hub.graphql<{ divisionAt: Division[] }>(DIVISION_AT, { lon: vertex![0], lat: vertex![1] });
    const chain = result.data!.divisionAt;
    expect(chain.map((d) => d.level)).toEqual(['COUNTY', 'PREFECTURE', 'PROVINCE']);
    expect(['440604', '440605']).toContain(chain[0].code);
    expect(chain[0]).toMatchObject({ borderDistanceMetres: 0, nearBorder: true });
  });

  it('keeps every boundary valid (PostGIS ST_IsValid) and siblings free of overlaps and gaps', async () => {
    const { rows: invalid } = await db.query(
      `SELECT code, ST_IsValidReason(boundary) AS reason FROM geospatial.admin_division WHERE boundary IS NOT NULL AND NOT ST_IsValid(boundary)`,
    );
    expect(invalid).toEqual([]);
    const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM geospatial.admin_division WHERE boundary IS NOT NULL AND valid_to IS NULL`);
    expect(n).toBe(2 + 3 + 24);
    // Overlap between any two counties of a prefecture: under a square metre (rounding to the
    // file's 1e-5° grid), far below the tolerance.
    const { rows: overlaps } = await db.query(
      `SELECT a.code AS a, b.code AS b, ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) AS m2
       FROM geospatial.admin_division a JOIN geospatial.admin_division b ON a.parent_code = b.parent_code AND a.code < b.code
       WHERE a.level = 'county' AND a.valid_to IS NULL AND b.valid_to IS NULL AND a.boundary && b.boundary
         AND ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) >= 1`,
    );
    expect(overlaps).toEqual([]);
    // No gaps: the counties' union is the prefecture, to the square metre.
    const { rows: coverage } = await db.query(
      `SELECT p.code, ST_Area(ST_SymDifference(p.boundary, ST_Union(c.boundary))::geography) AS m2
       FROM geospatial.admin_division p JOIN geospatial.admin_division c ON c.parent_code = p.code AND c.valid_to IS NULL
       WHERE p.code = ANY($1) GROUP BY p.code, p.boundary`,
      [Object.keys(COUNTIES_BY_PREFECTURE)],
    );
    expect(coverage).toHaveLength(3);
    for (const { code, m2 } of coverage as Array<{ code: string; m2: number }>) expect(m2, code).toBeLessThan(1);
    // Every county lies in its prefecture, every prefecture in its province.
    const { rows: escaping } = await db.query(
      `SELECT c.code FROM geospatial.admin_division c JOIN geospatial.admin_division p ON p.code = c.parent_code
       WHERE c.boundary IS NOT NULL AND p.boundary IS NOT NULL AND ST_Area(ST_Difference(c.boundary, p.boundary)::geography) >= 1`,
    );
    expect(escaping).toEqual([]);
  });

  it('leaves the loaded boundaries alone at the next start: the sync rewrites no row', async () => {
    const versions = async (): Promise<unknown[]> =>
      (await db.query(`SELECT code, xmin::text AS version FROM geospatial.admin_division ORDER BY code`)).rows;
    const before = await versions();
    // The same service the app runs at start, on the same database.
    const query = async (sql: string, parameters?: unknown[]) => (await db.query(sql, parameters)).rows;
    // The service runs its sync in one transaction; here its statements go straight to the database.
    const dataSource = { query, transaction: async (work: (manager: unknown) => Promise<unknown>) => work({ query }) } as unknown as DataSource;
    await new DivisionService(dataSource).onModuleInit();
    expect(await versions()).toEqual(before);
    // …and a changed boundary is put back.
    await db.query(`UPDATE geospatial.admin_division SET boundary = ST_Multi(ST_Buffer(boundary, 0.001)) WHERE code = '440604'`);
    await new DivisionService(dataSource).onModuleInit();
    const { rows: [{ same }] } = await db.query(
      `SELECT boundary = ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS same FROM geospatial.admin_division WHERE code = '440604'`,
      [JSON.stringify(boundary('440604').geometry)],
    );
    expect(same).toBe(true);
  });

  it('refuses a standard address beyond the tolerance outside its division, and takes one just across the line', async () => {
    // Points in 南海区 at a known distance from 禅城区's border, found on a grid around a shared vertex.
    const chancheng = boundary('440604').geometry;
    const nanhai = boundary('440605').geometry;
    const [x0, y0] = chancheng.coordinates[0][0][0];
    let near: { longitude: number; latitude: number } | undefined;
    let far: { longitude: number; latitude: number } | undefined;
    for (let i = -60; i <= 60 && (near === undefined || far === undefined); i++) {
      for (let j = -60; j <= 60; j++) {
        const point = { longitude: Number((x0 + i * 0.0005).toFixed(6)), latitude: Number((y0 + j * 0.0005).toFixed(6)) };
        if (pointInMultiPolygon(point, chancheng) || !pointInMultiPolygon(point, nanhai)) continue;
        const distance = distanceToBoundaryMetres(point, chancheng);
        if (near === undefined && distance > 50 && distance < DIVISION_BORDER_TOLERANCE_METRES - 100) near = point;
        if (far === undefined && distance > 2 * DIVISION_BORDER_TOLERANCE_METRES) far = point;
      }
    }
    expect(near).toBeDefined();
    expect(far).toBeDefined();
    const accepted = await hub.graphql(REGISTER_ADDRESS, { input: { ...aStandardAddress('440604'), ...near } });
    expect(accepted.errors).toBeUndefined();
    const refused = await hub.graphql(REGISTER_ADDRESS, { input: { ...aStandardAddress('440604'), ...far } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.longitude', reason: 'POINT_OUTSIDE_DIVISION' });
    expect(refused.errors?.[0].message).toMatch(/m outside 禅城区 \(440604\), beyond the boundaries' 300 m tolerance/);
  });
});
