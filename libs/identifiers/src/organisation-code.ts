// 组织机构代码, GB 11714-1997: the 9-character code (8-character body + check) that organisations
// had before the USCC. It lives on inside every USCC (positions 9–17), with its own MOD 11 check.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export function organisationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError(`organisationCodeCheckCharacter needs 8 digits or capital letters, got "${first8}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += characterValue(first8.charAt(i)) * WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

// Digits count as themselves and letters A–Z as 10–35 (the standard's own table).
function characterValue(character: string): number {
  const code = character.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}
