import { describe, expect, it } from 'vitest';
import { derived } from './derived';

describe('derived', () => {
  it('computes once per object, again for another object, and keeps falsy values', () => {
    let calls = 0;
    const zero = derived((o: { n: number }) => {
      calls++;
      return o.n * 0;
    });
    const a = { n: 1 };
    expect([zero(a), zero(a)]).toEqual([0, 0]);
    expect(calls).toBe(1);
    zero({ n: 2 });
    expect(calls).toBe(2);
  });
});
