// @hub/geo: pure geometry for the geospatial base library (地理空间库, PostGIS, CGCS2000 =
// EPSG:4490): coordinate-system conversion and validation, GeoJSON input checks, address
// normalisation for geocoding, the shipped division boundaries (real county lines of the three
// demo prefectures, decoded from ECharts map registrations) and the shipped national division table
// (to the township). No network; the only I/O is reading those shipped files on first use.

export {
  CHINA_EXTENT,
  gcj02ToWgs84,
  haversineMetres,
  isWithinChinaExtent,
  toCgcs2000,
  validateCoordinates,
  wgs84ToGcj02,
  type CoordinateError,
  type CoordinateErrorCode,
  type CoordinateSystem,
  type GeoPoint,
} from './coordinates.js';

export {
  MAX_GEOJSON_POSITIONS,
  parseGeoJsonPolygon,
  selfIntersection,
  type GeoJsonError,
  type GeoJsonErrorCode,
  type GeoJsonPolygonResult,
  type LinearRing,
  type MultiPolygonCoordinates,
  type MultiPolygonGeometry,
  type ParsedGeoJsonPolygon,
  type PolygonCoordinates,
  type Position,
  type SelfIntersection,
} from './geojson.js';

export { normaliseAddress, parseAddress, type ParsedAddress } from './address-text.js';

export {
  DIVISION_BORDER_TOLERANCE_METRES,
  DIVISION_BOUNDARIES_PATH,
  distanceToBoundaryMetres,
  divisionBoundaries,
  divisionsAt,
  pointInMultiPolygon,
  randomPointIn,
  type DivisionBoundary,
} from './boundaries.js';

export {
  decodeEchartsGeometry,
  decodeEchartsRing,
  ECHARTS_DEFAULT_ENCODE_SCALE,
  type EchartsGeometry,
} from './echarts-map.js';
export {
  NATIONAL_DIVISIONS_PATH,
  installNationalDivisions,
  nationalDivisions,
  parseNationalDivisions,
  type NationalDivision,
  type NationalDivisionLevel,
  type NationalDivisionSource,
  type NationalDivisionTable,
} from './national-divisions.js';

export {
  normaliseAddressFields,
  normaliseAddressInput,
  type AddressFieldsResult,
  type AddressInputErrorCode,
  type AddressInputResult,
} from './address-input.js';
