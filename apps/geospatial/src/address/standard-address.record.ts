import {
  DIVISION_BORDER_TOLERANCE_METRES,
  distanceToBoundaryMetres,
  divisionBoundaries,
  normaliseAddressFields,
  parseAddress,
  pointInMultiPolygon,
  toCgcs2000,
  validateCoordinates,
} from '@hub/geo';
import { findDivision, isDivisionInForce } from '@hub/identifiers';
import { contentHash } from '@hub/register';
import type { InputViolation } from '@hub/subgraph';
import { SRID } from '../geospatial.schema.js';
import { addressKey } from './address-key.js';
import type { StandardAddressInput } from './dto/standard-address.input.js';
import { STANDARD_ADDRESS_REGISTER } from './standard-address.register.js';

/**
 * Validated input → stored address: coordinates converted to CGCS2000 (GCJ-02 input is never stored
 * as such) and checked against China's extent, the division required to be in force, the point
 * required to lie in the division's boundary where the library has one (or within the boundaries'
 * tolerance of it: a surveyed address point just across a line that is only accurate to some
 * hundred metres is the line's error, not the address's), parts parsed from the text
 * when not given, and the geocoding key derived.
 */
export function toAddressRecord(
  input: StandardAddressInput,
): { ok: true; record: Record<string, unknown> } | { ok: false; violations: InputViolation[] } {
  const violations: InputViolation[] = [];
  const coordinateError = validateCoordinates(input.longitude, input.latitude);
  if (coordinateError)
    violations.push({ field: 'longitude', code: coordinateError.code, message: coordinateError.message });
  const division = input.divisionCode.slice(0, 6);
  if (findDivision(division) && !isDivisionInForce(division)) {
    violations.push({
      field: 'divisionCode',
      code: 'DIVISION_CODE_RETIRED',
      message: `${division} is no longer in force; a standard address needs a current division`,
    });
  }
  const texts = normaliseAddressFields({
    fullText: input.fullText,
    township: input.township,
    road: input.road,
    houseNumber: input.houseNumber,
  });
  violations.push(...texts.violations);
  if (violations.length > 0) return { ok: false, violations };
  const point = toCgcs2000(
    { longitude: input.longitude, latitude: input.latitude },
    input.coordinateSystem ?? 'CGCS2000',
  );
  const longitude = Number(point.longitude.toFixed(6));
  const latitude = Number(point.latitude.toFixed(6));
  const boundary = divisionBoundaries().find((b) => b.code === division);
  if (boundary && !pointInMultiPolygon({ longitude, latitude }, boundary.geometry)) {
    const outside = distanceToBoundaryMetres({ longitude, latitude }, boundary.geometry);
    if (outside > DIVISION_BORDER_TOLERANCE_METRES) {
      const message = `(${longitude}, ${latitude}) lies ${Math.round(outside)} m outside ${boundary.name} (${division}), beyond the boundaries' ${DIVISION_BORDER_TOLERANCE_METRES} m tolerance`;
      return { ok: false, violations: [{ field: 'longitude', code: 'POINT_OUTSIDE_DIVISION', message }] };
    }
  }
  const fullText = texts.values.fullText as string;
  const parsed = parseAddress(fullText);
  const text = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const fields = {
    fullText,
    township: text(texts.values.township) ?? parsed.township ?? null,
    road: text(texts.values.road) ?? parsed.road ?? null,
    houseNumber: text(texts.values.houseNumber) ?? parsed.number ?? null,
    divisionCode: division,
    longitude,
    latitude,
  };
  return {
    ok: true,
    record: {
      addressId: input.addressId,
      ...fields,
      addressKey: addressKey(fields.fullText, division),
      point: `SRID=${SRID};POINT(${longitude} ${latitude})`,
      sourceDepartment: input.sourceDepartment.toUpperCase(),
      sourceSystem: input.sourceSystem,
      sourceRecordId: input.sourceRecordId.trim(),
      version: input.version,
      contentHash: contentHash(fields, STANDARD_ADDRESS_REGISTER.businessFields),
      originals: texts.originals,
    },
  };
}
