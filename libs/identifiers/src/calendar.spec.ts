import { describe, expect, it } from 'vitest';
import { chinaDate } from './index.js';

describe('chinaDate', () => {
  it('gives the day in China Standard Time, which starts 8 hours before the UTC day', () => {
    expect(chinaDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(chinaDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
