import { describe, expect, it } from 'vitest';
import { accessPurpose, type PurposeInvalidReason } from './access-purpose.js';

const purposeOf = (purpose: string) => accessPurpose({}, { purpose });
const refusedAs = (reason: PurposeInvalidReason, field: 'purpose' | 'caseNumber' = 'purpose') => ({
  error: { code: 'PURPOSE_INVALID', reason, field },
});

describe('the purpose of an operation', () => {
  it('comes from the request extensions, else from percent-encoded headers', () => {
    expect(accessPurpose({}, { purpose: ' 核验申请人身份 ', caseNumber: 'FS-2026-1' })).toEqual({
      purpose: { purpose: '核验申请人身份', caseNumber: 'FS-2026-1' },
    });
    expect(
      accessPurpose({ 'x-hub-purpose': encodeURIComponent('办理社保'), 'x-hub-case-number': 'A/1' }, undefined),
    ).toEqual({ purpose: { purpose: '办理社保', caseNumber: 'A/1' } });
    expect(accessPurpose({ 'x-hub-purpose': 'header' }, { purpose: 'extension' })).toEqual({
      purpose: { purpose: 'extension', caseNumber: null },
    });
    expect(accessPurpose({}, { purpose: '   ' })).toEqual({ purpose: { purpose: null, caseNumber: null } });
    expect(accessPurpose({}, {})).toEqual({ purpose: { purpose: null, caseNumber: null } });
  });

  it('refuses what could not be read back from the access log as plain text', () => {
    for (const purpose of [
      'a\u0000b',
      'line\nbreak',
      'bell\u0007',
      'c1\u0085',
      'lone \ud800 surrogate',
      'x'.repeat(201),
    ]) {
      expect(purposeOf(purpose), JSON.stringify(purpose)).toMatchObject({ error: { code: 'PURPOSE_INVALID' } });
    }
    expect(accessPurpose({ 'x-hub-purpose': '%00' }, undefined)).toMatchObject(refusedAs('CONTROL_CHARACTERS'));
    // A character outside the BMP is a valid surrogate pair, not broken text.
    expect(purposeOf('𠮷野家食品许可核验')).toEqual({ purpose: { purpose: '𠮷野家食品许可核验', caseNumber: null } });
    expect(accessPurpose({}, { caseNumber: 'bad case number!' })).toMatchObject(
      refusedAs('CASE_NUMBER_FORMAT', 'caseNumber'),
    );
  });

  it('names broken UTF-16 as such', () => {
    expect(purposeOf('核验\ud800')).toMatchObject(refusedAs('BROKEN_TEXT'));
    expect(purposeOf('\udfff核验')).toMatchObject(refusedAs('BROKEN_TEXT'));
  });

  it('refuses control characters anywhere, even where trimming would have hidden them', () => {
    // C0 (NUL, TAB, LF, CR, ESC), DEL, C1 (NEL, CSI), and the Unicode line and paragraph separators.
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029']) {
      for (const purpose of [`核验${c}身份`, `核验身份${c}`, `${c}核验身份`]) {
        expect(purposeOf(purpose), JSON.stringify(purpose)).toMatchObject(refusedAs('CONTROL_CHARACTERS'));
      }
    }
  });

  it('refuses every bidirectional control: overrides, embeddings, isolates and marks', () => {
    const bidi = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ];
    for (const c of bidi) {
      expect(purposeOf(`核验${c}身份`), `U+${c.codePointAt(0)!.toString(16)}`).toMatchObject(refusedAs('BIDI_CONTROL'));
      expect(purposeOf(c.repeat(3)), `only U+${c.codePointAt(0)!.toString(16)}`).toMatchObject(
        refusedAs('BIDI_CONTROL'),
      );
    }
    // "Trojan source": the text shows 核验身份 but is stored reversed.
    expect(purposeOf('\u202E份身验核\u202C')).toMatchObject(refusedAs('BIDI_CONTROL'));
  });

  it('refuses invisible characters: format characters, default-ignorables, fillers', () => {
    const invisible = {
      'ZERO WIDTH SPACE': '\u200B',
      'ZERO WIDTH NON-JOINER': '\u200C',
      'ZERO WIDTH JOINER': '\u200D',
      'WORD JOINER': '\u2060',
      'INVISIBLE TIMES': '\u2062',
      'ZERO WIDTH NO-BREAK SPACE (BOM)': '\uFEFF',
      'SOFT HYPHEN': '\u00AD',
      'MONGOLIAN VOWEL SEPARATOR': '\u180E',
      'COMBINING GRAPHEME JOINER': '\u034F',
      'VARIATION SELECTOR-16': '\uFE0F',
      'HANGUL FILLER': '\u3164',
      'HALFWIDTH HANGUL FILLER': '\uFFA0',
      'HANGUL CHOSEONG FILLER': '\u115F',
      'BRAILLE PATTERN BLANK': '\u2800',
      'TAG LATIN SMALL LETTER A': '\u{E0061}',
      'INTERLINEAR ANNOTATION ANCHOR': '\uFFF9',
      'ARABIC NUMBER SIGN': '\u0600',
    };
    for (const [name, c] of Object.entries(invisible)) {
      expect(purposeOf(c.repeat(3)), `only ${name}`).toMatchObject(refusedAs('INVISIBLE_CHARACTERS'));
      expect(purposeOf(`核验${c}身份`), `embedded ${name}`).toMatchObject(refusedAs('INVISIBLE_CHARACTERS'));
    }
    // Percent-encoded in the header, the same.
    expect(accessPurpose({ 'x-hub-purpose': '%E2%80%8B' }, undefined)).toMatchObject(refusedAs('INVISIBLE_CHARACTERS'));
  });

  it('refuses private-use and unassigned code points, noncharacters included', () => {
    for (const c of ['\uE000', '\uF8FF', '\u{F0000}', '\u{10FFFD}'])
      expect(purposeOf(`核验${c}`), c.codePointAt(0)!.toString(16)).toMatchObject(refusedAs('PRIVATE_USE'));
    for (const c of ['\u0378', '\uFFFF', '\uFDD0', '\u{2FFFE}', '\u{10FFFF}'])
      expect(purposeOf(`核验${c}`), c.codePointAt(0)!.toString(16)).toMatchObject(refusedAs('UNASSIGNED'));
  });

  it('needs something visible: only spaces and combining marks is no purpose', () => {
    expect(purposeOf('\u0301\u0301')).toMatchObject(refusedAs('NO_VISIBLE_TEXT'));
    expect(purposeOf(' \u0308 \u20DD ')).toMatchObject(refusedAs('NO_VISIBLE_TEXT'));
    // Only white space of any kind (NFKC makes U+3000 and U+00A0 a space) is as if none was given.
    expect(purposeOf('\u3000\u00A0 \u2003')).toEqual({ purpose: { purpose: null, caseNumber: null } });
    // Visible text with marks on it is fine; so are punctuation and symbols alone.
    expect(purposeOf('e\u0301')).toEqual({ purpose: { purpose: 'é', caseNumber: null } });
    expect(purposeOf('？')).toEqual({ purpose: { purpose: '?', caseNumber: null } });
  });

  it('records text NFKC-normalised: fullwidth and compatibility forms become their plain equivalents', () => {
    expect(purposeOf('　ＨＲ　核验（测试）①')).toEqual({ purpose: { purpose: 'HR 核验(测试)1', caseNumber: null } });
    expect(purposeOf('㈱佛山 ﬁle')).toEqual({ purpose: { purpose: '(株)佛山 file', caseNumber: null } });
    // Canonical equivalents are one text: decomposed and precomposed store the same.
    expect(purposeOf('cafe\u0301')).toEqual(purposeOf('caf\u00e9'));
    expect(accessPurpose({}, { caseNumber: 'ＦＳ－２０２６－０１' })).toEqual({
      purpose: { purpose: null, caseNumber: 'FS-2026-01' },
    });
    expect(accessPurpose({}, { caseNumber: '粤（2026）〔１〕号' })).toEqual({
      purpose: { purpose: null, caseNumber: '粤(2026)〔1〕号' },
    });
  });

  it('counts the length in code points after normalisation', () => {
    expect(purposeOf('𠮷'.repeat(200))).toEqual({ purpose: { purpose: '𠮷'.repeat(200), caseNumber: null } });
    expect(purposeOf('核'.repeat(201))).toMatchObject(refusedAs('TOO_LONG'));
    // 67 characters that normalise to 201 (㈱ → (株)).
    expect(purposeOf('㈱'.repeat(67))).toMatchObject(refusedAs('TOO_LONG'));
    expect(purposeOf('㈱'.repeat(66))).toMatchObject({ purpose: { purpose: '(株)'.repeat(66) } });
    // Megabytes are refused before they are normalised.
    expect(purposeOf('核'.repeat(1_000_000))).toMatchObject(refusedAs('TOO_LONG'));
    expect(accessPurpose({}, { caseNumber: 'A'.repeat(65) })).toMatchObject(refusedAs('TOO_LONG', 'caseNumber'));
    expect(accessPurpose({}, { caseNumber: 'A'.repeat(64) })).toMatchObject({
      purpose: { caseNumber: 'A'.repeat(64) },
    });
  });

  it('holds a case number to the same rules: a Hangul filler is a letter that shows nothing', () => {
    expect(accessPurpose({}, { caseNumber: '\u3164\u3164' })).toMatchObject(
      refusedAs('INVISIBLE_CHARACTERS', 'caseNumber'),
    );
    expect(accessPurpose({}, { caseNumber: 'FS\u200B2026' })).toMatchObject(
      refusedAs('INVISIBLE_CHARACTERS', 'caseNumber'),
    );
    expect(accessPurpose({}, { caseNumber: 'FS\u202E2026' })).toMatchObject(refusedAs('BIDI_CONTROL', 'caseNumber'));
    expect(accessPurpose({}, { caseNumber: 'FS 2026' })).toMatchObject(refusedAs('CASE_NUMBER_FORMAT', 'caseNumber'));
    // A bad purpose is named before the case number.
    expect(accessPurpose({}, { purpose: '\u200B', caseNumber: '\u200B' })).toMatchObject(
      refusedAs('INVISIBLE_CHARACTERS', 'purpose'),
    );
  });
});
