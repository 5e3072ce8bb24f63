import { divisionCodePrefix, divisionFullName } from '@hub/identifiers';
import { normaliseAddress, parseAddress } from '@hub/geo';

/**
 * The normal form geocoding matches on: the canonical full name of the most specific division the
 * address is in (from the text, or the division code given with it), then the rest of the address
 * after the division names, normalised. So "季华五路12号" in 禅城区 and "广东省佛山市禅城区季华五路１２號"
 * have the same key. Standard addresses store their key; a free-text address is keyed the same way.
 */
export function addressKey(text: string, divisionCode?: string | null): string {
  const parsed = parseAddress(text);
  const named = parsed.divisionCode;
  const division =
    named && (!divisionCode || named.startsWith(divisionCodePrefix(divisionCode))) ? named : (divisionCode ?? named);
  const local = [parsed.township, parsed.road, parsed.number, parsed.rest].filter(Boolean).join('');
  // Standard addresses are stored at their county (a township is part of their text): a township
  // code given with a text names the county's key, so that it finds them.
  return normaliseAddress(`${division ? (divisionFullName(division.slice(0, 6)) ?? '') : ''}${local}`);
}
