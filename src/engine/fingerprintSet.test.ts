import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from './fingerprintSet';

/** Fingerprints drawn from a small range, so repeats (and 0, the empty slot's value) are common. */
const fingerprints = fc.array(fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -3, max: 3 })), { minLength: 50, maxLength: 400 });

describe('FingerprintSet', () => {
  it('answers as a set of (a, b) pairs, growing from a small table', () => {
    fc.assert(
      fc.property(fingerprints, (pairs) => {
        const set = new FingerprintSet(4);
        const model = new Set<string>();
        for (const [a, b] of pairs) {
          const key = a === 0 && b === 0 ? '0,1' : `${a},${b}`; // (0, 0) is stored as (0, 1)
          expect(set.add(a, b)).toBe(!model.has(key));
          model.add(key);
        }
        expect(set.size).toBe(model.size);
      }),
    );
  });

  it('as a set of one Int32 a configuration, answers as a set of b alone, 0 included', () => {
    fc.assert(
      fc.property(fingerprints, (pairs) => {
        const set = new FingerprintSet(4, true);
        const model = new Set<number>();
        for (const [a, b] of pairs) {
          // Its callers give a b that names the configuration: a follows from it.
          expect(set.add(a * 7 + b, b * 1000 + a)).toBe(!model.has(b * 1000 + a));
          model.add(b * 1000 + a);
        }
        expect(set.size).toBe(model.size);
      }),
    );
  });

  it('keeps one Int32 a slot when single, two otherwise', () => {
    const pairs = new FingerprintSet(1 << 10), single = new FingerprintSet(1 << 10, true);
    for (let i = 1; i <= 5000; i++) {
      pairs.add(i, -i);
      single.add(i, -i);
    }
    const recent = 2048 * 8; // the cache in front of both
    expect(single.bytes - recent).toBe((pairs.bytes - recent) / 2);
  });
});
