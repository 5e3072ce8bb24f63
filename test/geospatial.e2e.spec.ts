import { wgs84ToGcj02 } from '@hub/geo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_ADDRESS, aStandardAddress } from './support/fixtures.js';
import { TestHub } from './support/test-hub.js';

type Division = {
  code: string;
  name: string;
  level: string;
  inForce: boolean;
  validTo: string | null;
  successors: Array<{ code: string }>;
};

describe('geospatial library through the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub?.close());

  it('answers the division chain at a point, most specific first', async () => {
    const result = await hub.graphql<{ divisionAt: Division[] }>(
      `{ divisionAt(longitude: 120.14, latitude: 30.245) { code name level } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.divisionAt.map((d) => [d.code, d.level])).toEqual([
      ['330106', 'COUNTY'],
      ['330100', 'PREFECTURE'],
      ['330000', 'PROVINCE'],
    ]);
  });

  it('keeps retired division codes resolvable, with their validity and successors', async () => {
    const result = await hub.graphql<{ adminDivision: Division }>(
      `{ adminDivision(code: "330103") { code name inForce validTo successors { code name } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.adminDivision).toMatchObject({
      code: '330103',
      name: '下城区',
      inForce: false,
      successors: [{ code: '330105' }],
    });
    expect(result.data?.adminDivision.validTo).toMatch(/^2021-/);
  });

  it('registers standard addresses and geocodes free text to them, exactly or after normalisation', async () => {
    const address = aStandardAddress('330106', '文三路', 478);
    const written = await hub.graphql<{ registerStandardAddress: { outcome: string } }>(REGISTER_ADDRESS, {
      input: address,
    });
    expect(written.errors).toBeUndefined();
    const exact = await hub.graphql<{ geocode: Record<string, unknown> }>(
      `query($a: String!) { geocode(address: $a) { status method confidence standardAddress { addressId } } }`,
      { a: address.fullText },
    );
    expect(exact.data?.geocode).toEqual({
      status: 'MATCHED',
      method: 'EXACT',
      confidence: 1,
      standardAddress: { addressId: address.addressId },
    });
    const loose = await hub.graphql<{ geocode: Record<string, unknown> }>(
      `{ geocode(address: " 文三路 ４７８ 號 ", divisionCode: "330106") { status method confidence point { longitude latitude } standardAddress { addressId } } }`,
    );
    expect(loose.data?.geocode).toMatchObject({
      status: 'MATCHED',
      method: 'NORMALISED',
      confidence: 0.9,
      point: { longitude: address.longitude, latitude: address.latitude },
    });
    // A township code (330106005 翠苑街道 of 西湖区) completes the text with its county, as the address is stored.
    const township = await hub.graphql<{ geocode: Record<string, unknown> }>(
      `{ geocode(address: "文三路478号", divisionCode: "330106005") { status standardAddress { addressId } } }`,
    );
    expect(township.data?.geocode).toEqual({ status: 'MATCHED', standardAddress: { addressId: address.addressId } });
    const none = await hub.graphql<{ geocode: { status: string; reason: string } }>(
      `{ geocode(address: "浙江省杭州市西湖区不存在路1号") { status reason } }`,
    );
    expect(none.data?.geocode.status).toBe('UNMATCHED');
    expect(none.data?.geocode.reason).toContain('no standard address matches');
  });

  it('converts GCJ-02 input to CGCS2000 and never stores it raw', async () => {
    const address = aStandardAddress('330105', '莫干山路', 101);
    const gcj = wgs84ToGcj02(address.longitude, address.latitude);
    const written = await hub.graphql<{
      registerStandardAddress: { standardAddress: { point: { longitude: number; latitude: number } } };
    }>(REGISTER_ADDRESS, {
      input: { ...address, longitude: gcj.longitude, latitude: gcj.latitude, coordinateSystem: 'GCJ02' },
    });
    expect(written.errors).toBeUndefined();
    const stored = written.data!.registerStandardAddress.standardAddress.point;
    expect(Math.abs(stored.longitude - address.longitude)).toBeLessThan(2e-6);
    expect(Math.abs(stored.latitude - address.latitude)).toBeLessThan(2e-6);
  });

  describe('refuses bad coordinates, divisions and polygons with coded errors', () => {
    it.each([
      [
        'coordinates outside China',
        { longitude: 2.35, latitude: 48.85 },
        'input.longitude',
        'COORDINATES_OUTSIDE_CHINA',
      ],
      ['a retired division', { divisionCode: '330103' }, 'input.divisionCode', 'DIVISION_CODE_RETIRED'],
      ['an unknown division', { divisionCode: '330199' }, 'input.divisionCode', 'DIVISION_CODE_UNKNOWN'],
      [
        'a point outside its division',
        { longitude: 113.1, latitude: 23.0 },
        'input.longitude',
        'POINT_OUTSIDE_DIVISION',
      ],
    ])('%s', async (_name, override, field, reason) => {
      const result = await hub.graphql(REGISTER_ADDRESS, { input: { ...aStandardAddress('330106'), ...override } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    });

    const search = `query($w: SpatialFilterInput!) { spatialSearch(kind: ADDRESS, within: $w) { nodes { id } } }`;
    it('a self-intersecting polygon', async () => {
      const bowTie = {
        type: 'Polygon',
        coordinates: [
          [
            [120.0, 30.0],
            [120.2, 30.2],
            [120.2, 30.0],
            [120.0, 30.2],
            [120.0, 30.0],
          ],
        ],
      };
      const result = await hub.graphql(search, { w: { polygon: bowTie } });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'within.polygon',
        reason: 'POLYGON_SELF_INTERSECTING',
      });
    });
    it('a polygon that is not GeoJSON', async () => {
      const result = await hub.graphql(search, {
        w: {
          polygon: {
            type: 'Polygon',
            coordinates: [
              [
                [120, 30],
                [120.1, 30],
              ],
            ],
          },
        },
      });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GEOJSON_INVALID' });
    });
    it('no filter, or two', async () => {
      expect((await hub.graphql(search, { w: {} })).errors?.[0].extensions).toMatchObject({
        reason: 'FILTER_REQUIRED',
      });
      expect(
        (
          await hub.graphql(search, {
            w: { divisionCode: '330106', circle: { longitude: 120.1, latitude: 30.2, radiusMetres: 10 } },
          })
        ).errors?.[0].extensions,
      ).toMatchObject({ reason: 'FILTER_AMBIGUOUS' });
    });
    it('a point outside China for divisionAt', async () => {
      const result = await hub.graphql(`{ divisionAt(longitude: -74.0, latitude: 40.7) { code } }`);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'COORDINATES_OUTSIDE_CHINA',
      });
    });
  });

  it('finds addresses within a division, a polygon and a radius, paginated', async () => {
    const inside = [
      aStandardAddress('330108', '江南大道', 1),
      aStandardAddress('330108', '江南大道', 2),
      aStandardAddress('330108', '江南大道', 3),
    ];
    const elsewhere = aStandardAddress('440604', '季华路', 9);
    for (const input of [...inside, elsewhere])
      expect((await hub.graphql(REGISTER_ADDRESS, { input })).errors).toBeUndefined();
    const byDivision = await hub.graphql<{
      spatialSearch: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      `{ spatialSearch(kind: ADDRESS, within: { divisionCode: "330108" }, first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(byDivision.errors).toBeUndefined();
    expect(byDivision.data?.spatialSearch.nodes).toHaveLength(2);
    const next = await hub.graphql<{ spatialSearch: { nodes: Array<{ id: string }> } }>(
      `query($a: String) { spatialSearch(kind: ADDRESS, within: { divisionCode: "330108" }, first: 2, after: $a) { nodes { id } } }`,
      { a: byDivision.data!.spatialSearch.pageInfo.endCursor },
    );
    expect(
      [...byDivision.data!.spatialSearch.nodes, ...next.data!.spatialSearch.nodes].map((n) => n.id).sort(),
    ).toEqual(inside.map((a) => a.addressId).sort());

    const [a] = inside;
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [a.longitude - 0.001, a.latitude - 0.001],
          [a.longitude + 0.001, a.latitude - 0.001],
          [a.longitude + 0.001, a.latitude + 0.001],
          [a.longitude - 0.001, a.latitude + 0.001],
          [a.longitude - 0.001, a.latitude - 0.001],
        ],
      ],
    };
    const byPolygon = await hub.graphql<{ spatialSearch: { nodes: Array<{ id: string }> } }>(
      `query($p: JSONObject!) { spatialSearch(kind: ADDRESS, within: { polygon: $p }) { nodes { id } } }`,
      { p: square },
    );
    expect(byPolygon.data?.spatialSearch.nodes.map((n) => n.id)).toContain(a.addressId);
    const byRadius = await hub.graphql<{ spatialSearch: { nodes: Array<{ id: string }> } }>(
      `query($c: CircleInput!) { spatialSearch(kind: ADDRESS, within: { circle: $c }) { nodes { id } } }`,
      { c: { longitude: a.longitude, latitude: a.latitude, radiusMetres: 5 } },
    );
    expect(byRadius.data?.spatialSearch.nodes.map((n) => n.id)).toEqual([a.addressId]);
  });
});
