// Coordinate systems the hub meets, and the conversions into the one it stores.
//
// The geospatial base library stores CGCS2000 (EPSG:4490). CGCS2000 and WGS84 (EPSG:4326) are
// realised on different ellipsoids/frames, but for points on land in China they agree to the
// centimetre level, far below the accuracy of any address or boundary the hub holds; the hub
// therefore treats them as numerically identical and never transforms between them.
// GCJ-02 ("Mars coordinates") is the deliberately obfuscated system of Chinese web maps (AMap/Gaode,
// Tencent; Baidu's BD-09 is GCJ-02 with a further offset, not handled here): its points are off by
// hundreds of metres and must be converted before they enter the library.

export type CoordinateSystem = 'CGCS2000' | 'WGS84' | 'GCJ02';

export interface GeoPoint {
  readonly longitude: number;
  readonly latitude: number;
}

export type CoordinateErrorCode = 'COORDINATES_OUT_OF_RANGE' | 'COORDINATES_OUTSIDE_CHINA';

export interface CoordinateError {
  readonly code: CoordinateErrorCode;
  readonly message: string;
}

// China's territory as a bounding box, for input validation only (is this plausibly a point in
// China, or swapped/garbage coordinates?): westernmost Pamir ≈ 73.5°E, easternmost Heilongjiang/
// Ussuri confluence ≈ 135.1°E, southernmost Zengmu Reef ≈ 3.9°N, northernmost Mohe ≈ 53.6°N,
// rounded outwards. A box also admits neighbouring countries; exact borders are a matter for the
// database's boundaries, not for a cheap input check.
export const CHINA_EXTENT = { minLongitude: 73.4, maxLongitude: 135.1, minLatitude: 3.8, maxLatitude: 53.6 } as const;

export function isWithinChinaExtent(longitude: number, latitude: number): boolean {
  return (
    longitude >= CHINA_EXTENT.minLongitude &&
    longitude <= CHINA_EXTENT.maxLongitude &&
    latitude >= CHINA_EXTENT.minLatitude &&
    latitude <= CHINA_EXTENT.maxLatitude
  );
}

/** A coded error for coordinates the hub cannot accept, or undefined when they are fine. */
export function validateCoordinates(longitude: number, latitude: number): CoordinateError | undefined {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) {
    return {
      code: 'COORDINATES_OUT_OF_RANGE',
      message: `coordinates must be finite numbers, got (${longitude}, ${latitude})`,
    };
  }
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return {
      code: 'COORDINATES_OUT_OF_RANGE',
      message: `longitude must be within ±180 and latitude within ±90, got (${longitude}, ${latitude}); are they swapped?`,
    };
  }
  if (!isWithinChinaExtent(longitude, latitude)) {
    const { minLongitude, maxLongitude, minLatitude, maxLatitude } = CHINA_EXTENT;
    return {
      code: 'COORDINATES_OUTSIDE_CHINA',
      message:
        `(${longitude}, ${latitude}) is outside China's extent (longitude ${minLongitude}–${maxLongitude}, ` +
        `latitude ${minLatitude}–${maxLatitude}); coordinates are longitude first`,
    };
  }
  return undefined;
}

// --- GCJ-02 -------------------------------------------------------------------------------------
// The forward transform is the one published in many open-source libraries (e.g. eviltransform,
// coordtransform); it reproduces the Chinese map providers' offset to well below a metre.
// Its constants: Krasovsky 1940 semi-major axis and first eccentricity squared (published as
// 0.00669342162296594323; written here as the double that literal becomes).
const GCJ_A = 6378245.0;
const GCJ_EE = 0.006693421622965943;

// The box those libraries use for "in China": outside it the transform is the identity. It is
// wider than CHINA_EXTENT and is kept as published so that conversions agree with other tools.
function gcjAppliesAt(longitude: number, latitude: number): boolean {
  return longitude >= 72.004 && longitude <= 137.8347 && latitude >= 0.8293 && latitude <= 55.8271;
}

function offsetLatitude(x: number, y: number): number {
  let value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return value;
}

function offsetLongitude(x: number, y: number): number {
  let value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return value;
}

/** WGS84 (= CGCS2000) → GCJ-02. Identity outside China (see gcjAppliesAt). */
export function wgs84ToGcj02(longitude: number, latitude: number): GeoPoint {
  if (!gcjAppliesAt(longitude, latitude)) return { longitude, latitude };
  let dLat = offsetLatitude(longitude - 105.0, latitude - 35.0);
  let dLon = offsetLongitude(longitude - 105.0, latitude - 35.0);
  const radLat = (latitude / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - GCJ_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { longitude: longitude + dLon, latitude: latitude + dLat };
}

const INVERSE_TOLERANCE_DEGREES = 1e-9;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * GCJ-02 → WGS84 (= CGCS2000). GCJ-02 has no closed-form inverse; the common one-step shortcut
 * (gcj − offset(gcj)) is off by up to a few metres because the offset is evaluated at the wrong
 * point. This solves forward(w) = g by fixed-point iteration w ← w + (g − forward(w)), starting at
 * w = g. The offset changes by well under 1% of a step across that step, so the iteration is a
 * strong contraction: the correction falls below 1e-9° (≈ 0.1 mm) within 3–5 steps, and the
 * corrected result is then as exact as the forward transform itself (round trips across China
 * agree to ~1e-12°, i.e. far below a millimetre).
 */
export function gcj02ToWgs84(longitude: number, latitude: number): GeoPoint {
  if (!gcjAppliesAt(longitude, latitude)) return { longitude, latitude };
  let lon = longitude;
  let lat = latitude;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const forward = wgs84ToGcj02(lon, lat);
    const errLon = longitude - forward.longitude;
    const errLat = latitude - forward.latitude;
    lon += errLon;
    lat += errLat;
    // Corrected by a residual this small, the result is off by a thousandth of it.
    if (Math.abs(errLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(errLat) < INVERSE_TOLERANCE_DEGREES) break;
  }
  return { longitude: lon, latitude: lat };
}

/** The point in CGCS2000, the system the geospatial base library stores. */
export function toCgcs2000(point: GeoPoint, system: CoordinateSystem): GeoPoint {
  switch (system) {
    case 'CGCS2000':
    case 'WGS84':
      return { longitude: point.longitude, latitude: point.latitude };
    case 'GCJ02':
      return gcj02ToWgs84(point.longitude, point.latitude);
  }
}

// IUGG mean Earth radius. A sphere is within ~0.5% of the ellipsoidal distance: enough for
// "how far apart are these", not for surveying.
const EARTH_RADIUS_METRES = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRad;
  const dLon = (b.longitude - a.longitude) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRad) * Math.cos(b.latitude * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}
