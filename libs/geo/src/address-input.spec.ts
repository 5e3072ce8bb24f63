import { describe, expect, it } from 'vitest';
import { normaliseAddressInput } from './address-input.js';

describe('normaliseAddressInput', () => {
  it.each([
    ['浙江省杭州市西湖区文三路478号', '浙江省杭州市西湖区文三路478号', false],
    ['浙江省杭州市\n西湖区文三路478号', '浙江省杭州市西湖区文三路478号', true],
    ['浙江省杭州市\r\n西湖区文三路478号\n', '浙江省杭州市西湖区文三路478号', true],
    ['广东省佛山市禅城区\u3000季华五路12号', '广东省佛山市禅城区季华五路12号', true],
    ['  季华五路12号  ', '季华五路12号', true],
    ['季华五路12号 A座\t\t1203室', '季华五路12号A座1203室', true],
    ['季华五路12号\u00a0\u00a0B座', '季华五路12号B座', true],
    ['文三路\u2028478号', '文三路478号', true],
    ['Unit 3 B, 12 Jihua Road', 'Unit 3 B, 12 Jihua Road', false],
    ['Room 1203,  No. 12 Jihua 5th Road', 'Room 1203, No. 12 Jihua 5th Road', true],
  ])('%j → %j', (input, expected, changed) => {
    expect(normaliseAddressInput(input)).toEqual({ ok: true, value: expected, changed });
  });

  it.each([
    ['文三路\u0000478号', 4, 'U+0000'],
    ['文三路478号\u001b[0m', 8, 'U+001B'],
    ['文三\u200b路478号', 3, 'U+200B'],
    ['\ufeff文三路478号', 1, 'U+FEFF'],
    ['文三路\u202e478号', 4, 'U+202E'],
    ['文三路\u0085\u0007', 5, 'U+0007'],
  ])('refuses %j: character %i is %s', (input, position, codePoint) => {
    const result = normaliseAddressInput(input);
    expect(result).toMatchObject({ ok: false, code: 'ADDRESS_CONTROL_CHARACTER' });
    expect(!result.ok && result.message).toBe(
      `character ${position} is the control character ${codePoint}; an address may hold text and spaces only`,
    );
  });
});
