import type { SqlExecutor } from '@hub/events';
import { GeocodeMethod, GeocodeStatus } from '../geospatial.models.js';
import { addressKey } from './address-key.js';

export interface GeocodeMatch {
  status: GeocodeStatus;
  method?: GeocodeMethod;
  confidence?: number;
  reason?: string;
  addressKey: string;
  addressId?: string;
  longitude?: number;
  latitude?: number;
  divisionCode?: string;
}

/** Confidence of each method: an exact text is certain; a normalised match is nearly so. */
const CONFIDENCE: Record<GeocodeMethod, number> = { EXACT: 1, NORMALISED: 0.9 };

/**
 * Geocodes a free-text address against the standard addresses, in one statement: an exact text
 * match first, then a match of the normal form (see addressKey). Nothing is guessed: without a
 * match the result is UNMATCHED, with the reason.
 */
export async function geocode(db: SqlExecutor, text: string, divisionCode?: string | null): Promise<GeocodeMatch> {
  const key = addressKey(text, divisionCode);
  const rows: Array<{
    address_id: string;
    division_code: string;
    longitude: string;
    latitude: string;
    method: GeocodeMethod;
  }> = await db.query(
    `SELECT address_id, division_code, longitude, latitude, CASE WHEN full_text = $1 THEN 'EXACT' ELSE 'NORMALISED' END AS method
     FROM geospatial.standard_address WHERE full_text = $1 OR address_key = $2
     ORDER BY (full_text = $1) DESC, address_id LIMIT 1`,
    [text.trim(), key],
  );
  const [match] = rows;
  if (!match) {
    return {
      status: GeocodeStatus.UNMATCHED,
      reason: `no standard address matches "${text.trim()}" (normalised "${key}")`,
      addressKey: key,
      divisionCode: divisionCode ?? undefined,
    };
  }
  return {
    status: GeocodeStatus.MATCHED,
    method: match.method,
    confidence: CONFIDENCE[match.method],
    addressKey: key,
    addressId: match.address_id,
    longitude: Number(match.longitude),
    latitude: Number(match.latitude),
    divisionCode: match.division_code,
  };
}
