import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordSet } from './recordSet';

describe('RecordSet', () => {
  it('holds exactly the distinct records added, 0 and negative words included, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { maxLength: 3000 }), fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 200 }), (wide, small) => {
        const set = new RecordSet(16);
        const seen = new Set<number>();
        for (const x of [...small, ...wide, ...small]) expect(set.add(x)).toBe(!seen.has(x) && (seen.add(x), true));
        expect(set.size).toBe(seen.size);
        for (const x of seen) expect(set.add(x)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
