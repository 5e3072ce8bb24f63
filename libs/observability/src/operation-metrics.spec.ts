import { describe, expect, it } from 'vitest';
import { OperationLabels } from './operation-metrics.js';

describe('OperationLabels', () => {
  it('labels the first names seen with themselves, and every later one as "other"', () => {
    const labels = new OperationLabels(3);
    expect(['A', 'B', 'A', 'C', 'D', 'B', 'E'].map((n) => labels.label(n))).toEqual([
      'A',
      'B',
      'A',
      'C',
      'other',
      'B',
      'other',
    ]);
  });

  it('gives 10,000 distinct names at most max + 2 labels', () => {
    const labels = new OperationLabels(100);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(labels.label(`Op${i}`));
    seen.add(labels.label(null));
    expect(seen.size).toBe(100 + 2); // 100 names, "other", "anonymous"
  });

  it('never takes anything that is not a GraphQL name, however it arrives', () => {
    const labels = new OperationLabels(10);
    expect(labels.label('a"b')).toBe('other');
    expect(labels.label('x'.repeat(101))).toBe('other');
    expect(labels.label('')).toBe('anonymous');
    expect(labels.label(undefined)).toBe('anonymous');
  });
});
