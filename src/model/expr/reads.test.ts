import { describe, expect, it } from 'vitest';
import { parseExpression } from './parser';
import { varReads } from './reads';
import { testScope } from './testScope';

function reads(text: string, role: Parameters<typeof testScope>[0] = 'guard', event: Parameters<typeof testScope>[1] = 'Charge'): readonly number[] | null {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return varReads(parsed.expr, testScope(role, event));
}

describe('varReads', () => {
  it('lists the vars an expression of vars and constants reads, ascending, each once', () => {
    expect(reads('m + n > n * 2')).toEqual([0, 1]);
    expect(reads('ok ? min(n, 3) : abs(-m)')).toEqual([0, 1, 2]);
    expect(reads('mode == "fast" && !ok')).toEqual([2, 3]);
    expect(reads('1 + 2 == 3')).toEqual([]);
  });

  it('is null when anything else is read: the state, crashes, a payload field, an observable, a primed name', () => {
    expect(reads('state == "Idle" && n > 0')).toBeNull();
    expect(reads('crashes > n')).toBeNull();
    expect(reads('n + event.amount > 0')).toBeNull();
    expect(reads('sent.Charge > n', 'state invariant', null)).toBeNull();
    expect(reads("n' > n", 'step invariant', null)).toBeNull();
  });
});
