import { isValidClassificationCode, parseResourceCode } from './resource-code.js';

describe('parseResourceCode (政务信息资源目录编制指南: 类 1 + 项 2 + 目 3 + 细目, "/", 顺序码)', () => {
  it('splits a resource code into its classification and sequence', () => {
    expect(parseResourceCode('101001001/000001')).toEqual({
      ok: true,
      classification: '101001001',
      sequence: '000001',
    });
    expect(parseResourceCode('190003001/000002')).toEqual({
      ok: true,
      classification: '190003001',
      sequence: '000002',
    });
    expect(parseResourceCode('305012003/000120')).toEqual({
      ok: true,
      classification: '305012003',
      sequence: '000120',
    });
  });

  it('takes 细目 and 顺序码 of any length the guide allows (细目 0–12, 顺序码 1–12 digits)', () => {
    expect(parseResourceCode('301002/1')).toEqual({ ok: true, classification: '301002', sequence: '1' });
    expect(parseResourceCode('301002015/00042')).toEqual({ ok: true, classification: '301002015', sequence: '00042' });
    expect(parseResourceCode('3010020150003/000000000042')).toEqual({
      ok: true,
      classification: '3010020150003',
      sequence: '000000000042',
    });
    expect(parseResourceCode('301002123456789012/1')).toMatchObject({ ok: true });
  });

  it.each([
    ['', 'RESOURCE_CODE_FORMAT', '分隔符'],
    ['101001001', 'RESOURCE_CODE_FORMAT', '分隔符'],
    ['101001001-000001', 'RESOURCE_CODE_FORMAT', '分隔符'],
    ['/000001', 'RESOURCE_CODE_FORMAT', '类'],
    ['1/000001', 'RESOURCE_CODE_FORMAT', '项'],
    ['101/000001', 'RESOURCE_CODE_FORMAT', '目'],
    // The layout before the guide's: a 2-digit 目 leaves too few digits for 目 only if 细目 is empty.
    ['10101/000001', 'RESOURCE_CODE_FORMAT', '目'],
    ['1010A1001/000001', 'RESOURCE_CODE_FORMAT', '目'],
    ['101001X01/000001', 'RESOURCE_CODE_FORMAT', '细目'],
    ['1010010011234567890/000001', 'RESOURCE_CODE_FORMAT', '细目'],
    ['101001001/', 'RESOURCE_CODE_FORMAT', '顺序码'],
    ['101001001/00001a', 'RESOURCE_CODE_FORMAT', '顺序码'],
    ['101001001/1234567890123', 'RESOURCE_CODE_FORMAT', '顺序码'],
    [' 101001001/000001', 'RESOURCE_CODE_FORMAT', '类'],
  ])('refuses %j with %s naming %s', (code, error, segment) => {
    const parsed = parseResourceCode(code);
    expect(parsed).toMatchObject({ ok: false, code: error, segment });
    expect(parsed.ok ? '' : parsed.message).toContain(segment);
  });

  it('knows only 类 1, 2 and 3', () => {
    expect(parseResourceCode('401001001/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_CATEGORY',
      segment: '类',
    });
    expect(parseResourceCode('001001001/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_CATEGORY',
      segment: '类',
    });
  });

  it('files 类 1 only under the base subjects', () => {
    for (const subject of ['01', '02', '03', '04', '05', '90'])
      expect(parseResourceCode(`1${subject}001001/000001`).ok).toBe(true);
    expect(parseResourceCode('106001001/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_SUBJECT',
      segment: '项',
    });
    // Thematic and departmental resources number their 项 themselves.
    expect(parseResourceCode('206001001/000001').ok).toBe(true);
  });

  it('rejects all-zero segments and sequence, naming the segment', () => {
    // Under 类 1 a 项 of 00 is first of all no base subject.
    expect(parseResourceCode('100001001/000001')).toMatchObject({ ok: false, code: 'RESOURCE_CODE_SUBJECT' });
    expect(parseResourceCode('200001001/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_SEGMENT',
      segment: '项',
    });
    expect(parseResourceCode('101000001/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_SEGMENT',
      segment: '目',
    });
    expect(parseResourceCode('101001000/000001')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_SEGMENT',
      segment: '细目',
    });
    expect(parseResourceCode('101001001/000000')).toMatchObject({
      ok: false,
      code: 'RESOURCE_CODE_SEGMENT',
      segment: '顺序码',
    });
  });
});

describe('isValidClassificationCode', () => {
  it('accepts classifications of the guide’s layout and nothing else', () => {
    expect(isValidClassificationCode('101001001')).toBe(true);
    expect(isValidClassificationCode('103004002')).toBe(true);
    expect(isValidClassificationCode('301002')).toBe(true);
    expect(isValidClassificationCode('10101')).toBe(false);
    expect(isValidClassificationCode('101001001/000001')).toBe(false);
    expect(isValidClassificationCode('401001001')).toBe(false);
    expect(isValidClassificationCode('106001001')).toBe(false);
    expect(isValidClassificationCode('101001000')).toBe(false);
  });
});
