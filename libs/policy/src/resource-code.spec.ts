import { isValidClassificationCode, parseResourceCode } from './resource-code.js';

describe('parseResourceCode', () => {
  it('splits a resource code into its classification and sequence', () => {
    expect(parseResourceCode('10101001/000001')).toEqual({ ok: true, classification: '10101001', sequence: '000001' });
    expect(parseResourceCode('19003001/000002')).toEqual({ ok: true, classification: '19003001', sequence: '000002' });
    expect(parseResourceCode('30512003/000120')).toEqual({ ok: true, classification: '30512003', sequence: '000120' });
  });

  it.each(['', '10101001', '10101001-000001', '1010100/000001', '10101001/00001', '10101001/0000001', ' 10101001/000001', '1010100A/000001'])(
    'rejects the shape of %j',
    (code) => {
      expect(parseResourceCode(code)).toMatchObject({ ok: false, code: 'RESOURCE_CODE_FORMAT' });
    },
  );

  it('knows only 类 1, 2 and 3', () => {
    expect(parseResourceCode('40101001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_CATEGORY' });
    expect(parseResourceCode('00101001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_CATEGORY' });
  });

  it('files 类 1 only under the base subjects', () => {
    for (const subject of ['01', '02', '03', '04', '05', '90']) expect(parseResourceCode(`1${subject}01001/000001`).ok).toBe(true);
    expect(parseResourceCode('10601001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SUBJECT' });
    // Thematic and departmental resources number their 项 themselves.
    expect(parseResourceCode('20601001/000001').ok).toBe(true);
  });

  it('rejects all-zero segments and sequence', () => {
    // Under 类 1 a 项 of 00 is first of all no base subject.
    expect(parseResourceCode('10001001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SUBJECT' });
    expect(parseResourceCode('20001001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SEGMENT' });
    expect(parseResourceCode('10100001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SEGMENT' });
    expect(parseResourceCode('10101000/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SEGMENT' });
    expect(parseResourceCode('10101001/000000')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SEGMENT' });
  });
});

describe('isValidClassificationCode', () => {
  it('accepts 8-digit classifications and nothing else', () => {
    expect(isValidClassificationCode('10101001')).toBe(true);
    expect(isValidClassificationCode('10304002')).toBe(true);
    expect(isValidClassificationCode('1010100')).toBe(false);
    expect(isValidClassificationCode('10101001/000001')).toBe(false);
    expect(isValidClassificationCode('40101001')).toBe(false);
    expect(isValidClassificationCode('10601001')).toBe(false);
    expect(isValidClassificationCode('10101000')).toBe(false);
  });
});
