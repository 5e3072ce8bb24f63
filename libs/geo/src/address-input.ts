// How an address is written when it enters the hub (a register's write or a department's extract),
// so that downstream systems never receive a line break or an invisible character inside one.
// The rule, in order (docs/geospatial.md, "Addresses on the way in"):
//
// 1. Line breaks (CR, LF, CRLF, NEL U+0085, U+2028, U+2029), tabs (U+0009, U+000B, U+000C) and
//    every Unicode space separator (the full-width space U+3000, the no-break space U+00A0, …)
//    become an ASCII space.
// 2. Any other control or format character — C0/C1 controls such as NUL or ESC, zero-width and
//    direction marks (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF) — is refused
//    (`ADDRESS_CONTROL_CHARACTER`, naming the position and code point): it cannot be read back as
//    anything, and removing it silently could join or reorder words.
// 3. Runs of spaces become one; leading and trailing spaces go.
// 4. A space next to a Chinese character goes too: Chinese addresses are written without spaces,
//    so such a space is an extract's line wrap or a typing habit
//    ("浙江省杭州市\n西湖区" → "浙江省杭州市西湖区", "季华五路\u300088号" → "季华五路88号"); one between
//    Latin letters or digits stays ("Room 1203").
//
// Nothing else is changed here (full-width digits, 號, punctuation stay as written): the address
// key used for geocoding normalises those for matching, the stored text keeps them.

export type AddressInputErrorCode = 'ADDRESS_CONTROL_CHARACTER';

export type AddressInputResult =
  | { readonly ok: true; readonly value: string; readonly changed: boolean }
  | { readonly ok: false; readonly code: AddressInputErrorCode; readonly message: string };

const SPACE_LIKE = /[\r\n\t\v\f\u0085\u2028\u2029\p{Zs}]/gu;
const REFUSED = /[\p{Cc}\p{Cf}]/u;
const HAN = '\\p{Script=Han}';
const SPACE_BY_HAN = new RegExp(`(?<=${HAN}) | (?=${HAN})`, 'gu');

export function normaliseAddressInput(text: string): AddressInputResult {
  const spaced = text.replace(SPACE_LIKE, ' ');
  const refused = REFUSED.exec(spaced);
  if (refused) {
    const position = [...spaced.slice(0, refused.index)].length + 1;
    const codePoint = `U+${refused[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      ok: false,
      code: 'ADDRESS_CONTROL_CHARACTER',
      message: `character ${position} is the control character ${codePoint}; an address may hold text and spaces only`,
    };
  }
  const value = spaced.replace(/ {2,}/g, ' ').trim().replace(SPACE_BY_HAN, '');
  return { ok: true, value, changed: value !== text };
}

export interface AddressFieldsResult<K extends string> {
  /** Each field normalised (absent and null fields as given). */
  readonly values: Record<K, string | null | undefined>;
  /** The fields normalising changed, as received; null when none was. Kept in the record's provenance. */
  readonly originals: Record<string, string> | null;
  /** One per refused field, in the shape of an input violation. */
  readonly violations: Array<{ field: K; code: AddressInputErrorCode; message: string }>;
}

/** Several address fields of one record at once: what a register's write keeps and reports. */
export function normaliseAddressFields<K extends string>(
  fields: Record<K, string | null | undefined>,
): AddressFieldsResult<K> {
  const values = { ...fields };
  const originals: Record<string, string> = {};
  const violations: Array<{ field: K; code: AddressInputErrorCode; message: string }> = [];
  for (const field of Object.keys(fields) as K[]) {
    const raw = fields[field];
    if (typeof raw !== 'string') continue;
    const result = normaliseAddressInput(raw);
    if (!result.ok) {
      violations.push({ field, code: result.code, message: result.message });
      continue;
    }
    values[field] = result.value;
    if (result.changed) originals[field] = raw;
  }
  return { values, originals: Object.keys(originals).length > 0 ? originals : null, violations };
}
