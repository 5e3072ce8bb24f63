import {
  gcj02ToWgs84,
  haversineMetres,
  isWithinChinaExtent,
  toCgcs2000,
  validateCoordinates,
  wgs84ToGcj02,
} from './coordinates.js';

describe('GCJ-02', () => {
  it('matches the published forward transform', () => {
    // The example of the widely used coordtransform library (Beijing).
    const gcj = wgs84ToGcj02(116.404, 39.915);
    expect(gcj.longitude).toBeCloseTo(116.41024449916938, 10);
    expect(gcj.latitude).toBeCloseTo(39.91640428150164, 10);
  });

  it('offsets a point in Hangzhou by a few hundred metres', () => {
    const wgs = { longitude: 120.155, latitude: 30.274 };
    const gcj = wgs84ToGcj02(wgs.longitude, wgs.latitude);
    const metres = haversineMetres(wgs, gcj);
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(700);
  });

  it('is the identity outside China', () => {
    expect(wgs84ToGcj02(2.3522, 48.8566)).toEqual({ longitude: 2.3522, latitude: 48.8566 });
    expect(gcj02ToWgs84(2.3522, 48.8566)).toEqual({ longitude: 2.3522, latitude: 48.8566 });
  });

  it('inverts the forward transform to well under a centimetre across China', () => {
    let worst = 0;
    for (let lon = 73.5; lon <= 135; lon += 0.73) {
      for (let lat = 4; lat <= 53.5; lat += 0.61) {
        const gcj = wgs84ToGcj02(lon, lat);
        const back = gcj02ToWgs84(gcj.longitude, gcj.latitude);
        worst = Math.max(worst, Math.abs(back.longitude - lon), Math.abs(back.latitude - lat));
      }
    }
    expect(worst).toBeLessThan(1e-7); // ≈ 1 cm
    expect(worst).toBeLessThan(1e-9); // in fact: the iteration's own tolerance
  });

  it('is a real inverse, not the one-step approximation', () => {
    // The shortcut gcj − (forward(gcj) − gcj) is off by metres; the iteration is not.
    const gcj = { longitude: 120.16, latitude: 30.27 };
    const shifted = wgs84ToGcj02(gcj.longitude, gcj.latitude);
    const oneStep = { longitude: 2 * gcj.longitude - shifted.longitude, latitude: 2 * gcj.latitude - shifted.latitude };
    const oneStepBack = wgs84ToGcj02(oneStep.longitude, oneStep.latitude);
    expect(haversineMetres(oneStepBack, gcj)).toBeGreaterThan(0.01);

    const wgs = gcj02ToWgs84(gcj.longitude, gcj.latitude);
    const forward = wgs84ToGcj02(wgs.longitude, wgs.latitude);
    expect(haversineMetres(forward, gcj)).toBeLessThan(0.001);
  });
});

describe('toCgcs2000', () => {
  it('takes CGCS2000 and WGS84 as they are and converts GCJ-02', () => {
    const point = { longitude: 113.12, latitude: 23.02 };
    expect(toCgcs2000(point, 'CGCS2000')).toEqual(point);
    expect(toCgcs2000(point, 'WGS84')).toEqual(point);
    const converted = toCgcs2000(wgs84ToGcj02(point.longitude, point.latitude), 'GCJ02');
    expect(converted.longitude).toBeCloseTo(point.longitude, 9);
    expect(converted.latitude).toBeCloseTo(point.latitude, 9);
  });
});

describe('coordinate validation', () => {
  it('knows China’s extent', () => {
    expect(isWithinChinaExtent(120.15, 30.27)).toBe(true); // Hangzhou
    expect(isWithinChinaExtent(73.5, 39.4)).toBe(true); // Pamir
    expect(isWithinChinaExtent(112.3, 3.9)).toBe(true); // Zengmu Reef
    expect(isWithinChinaExtent(122.5, 53.5)).toBe(true); // Mohe
    expect(isWithinChinaExtent(30.27, 120.15)).toBe(false); // swapped
    expect(isWithinChinaExtent(139.7, 35.7)).toBe(false); // Tokyo
  });

  it('returns coded errors', () => {
    expect(validateCoordinates(120.15, 30.27)).toBeUndefined();
    expect(validateCoordinates(Number.NaN, 30)?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(validateCoordinates(120, Number.POSITIVE_INFINITY)?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(validateCoordinates(120, 91)?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(validateCoordinates(-181, 30)?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(validateCoordinates(30.27, 120.15)?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(validateCoordinates(2.35, 48.86)?.code).toBe('COORDINATES_OUTSIDE_CHINA');
    expect(validateCoordinates(2.35, 48.86)?.message).toMatch(/longitude 73\.4–135\.1/);
  });
});

describe('haversineMetres', () => {
  it('measures great-circle distances', () => {
    expect(haversineMetres({ longitude: 0, latitude: 0 }, { longitude: 1, latitude: 0 })).toBeCloseTo(111_195, 0);
    expect(haversineMetres({ longitude: 120, latitude: 30 }, { longitude: 120, latitude: 30 })).toBe(0);
    // Hangzhou – Quzhou city centres: about 200 km.
    const d = haversineMetres({ longitude: 120.155, latitude: 30.274 }, { longitude: 118.859, latitude: 28.97 });
    expect(d).toBeGreaterThan(180_000);
    expect(d).toBeLessThan(200_000);
  });
});
