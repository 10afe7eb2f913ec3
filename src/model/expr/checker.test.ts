import { describe, expect, it } from 'vitest';
import { checkExpression, type ExprRole } from './checker';
import { parseExpression } from './parser';
import { testScope } from './testScope';
import { BOOL, INT, type Type } from './types';

function check(text: string, role: ExprRole = 'guard', event: 'Charge' | 'Tick' | 'restart' | null = 'Charge', expected: Type = BOOL) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return checkExpression(parsed.expr, testScope(role, event), expected);
}

function problem(text: string, role: ExprRole = 'guard', event: 'Charge' | 'Tick' | 'restart' | null = 'Charge', expected: Type = BOOL) {
  const r = check(text, role, event, expected);
  expect(r.problems.length, `expected a problem in ${text}`).toBeGreaterThan(0);
  return r.problems[0]!;
}

describe('the checker accepts well-typed expressions', () => {
  it.each([
    'n + 1 > m && ok',
    'mode == "fast" || state != "Busy"',
    '"slow" == mode',
    'event.amount <= n && event.kind == "a"',
    '(ok ? n : m) == 3',
    'min(n, abs(m)) >= max(-1, n % 2)',
    '!ok => n / 2 == 0',
  ])('%s', (text) => {
    expect(check(text).problems).toEqual([]);
  });
  it('types an update by its var, including a quoted enum value', () => {
    const slow: Type = { kind: 'enum', values: ['slow', 'fast'], owner: 'mode', isState: false };
    expect(check('"fast"', 'update', 'Charge', slow).problems).toEqual([]);
    expect(check('ok ? "fast" : mode', 'update', 'Charge', slow).problems).toEqual([]);
    expect(check('ok ? "fast" : "slow"', 'update', 'Charge', slow).literals.size).toBe(2);
  });
  it('allows observables and crashes in invariants, primes in step invariants', () => {
    expect(check('sent.Charge >= acked.Charge + failed.Charge + ambiguous.Charge', 'state invariant', null).problems).toEqual([]);
    expect(check("n' >= n && crashes' >= crashes && state' == state", 'step invariant', null).readsPrimed).toBe(true);
    expect(check("n' == n - event.amount", 'transition invariant', 'Charge').problems).toEqual([]);
    expect(check('crashes <= 3', 'state invariant', null).readsObservables).toBe(true);
  });
  it('records the index of each quoted value', () => {
    const r = check('mode == "fast" && state == "Busy"');
    expect([...r.literals.values()]).toEqual([1, 1]);
  });
});

describe('every checker error has a code and a column', () => {
  it.each<[string, string, number, ExprRole?, ('Charge' | 'Tick' | 'restart' | null)?]>([
    ['chargez > 0', 'unknown-name', 1],
    ['Charge > 0', 'unknown-name', 1],
    ['n + true > 0', 'type-mismatch', 3],
    ['ok < 1', 'type-mismatch', 4],
    ['n && ok', 'type-mismatch', 3],
    ['n == ok', 'type-mismatch', 3],
    ['mode == "medium"', 'unknown-enum-value', 9],
    ['state == "Idel"', 'unknown-enum-value', 10],
    ['"a" == "b"', 'untyped-string', 1],
    ['n == "a"', 'type-mismatch', 6],
    ['!n', 'type-mismatch', 1],
    ['-ok == 1', 'type-mismatch', 1],
    ['(ok ? 1 : true) == 1', 'type-mismatch', 5],
    ['(n ? 1 : 2) == 1', 'type-mismatch', 2],
    ['min(ok, 1) == 1', 'type-mismatch', 5],
    ['n + 1', 'not-bool', 1],
    ['acked.Charge == 0', 'observable-not-allowed', 1],
    ['crashes == 0', 'observable-not-allowed', 1],
    ["n' == 0", 'prime-not-allowed', 1],
    ["n' == 0", 'prime-not-allowed', 1, 'state invariant', null],
    ['sent.Tick == 0', 'not-client-event', 1, 'state invariant', null],
    ['sent.Charg == 0', 'unknown-event', 1, 'state invariant', null],
    ['event.amount > 0', 'event-not-allowed', 1, 'state invariant', null],
    ['event.amount > 0', 'event-on-restart', 1, 'guard', 'restart'],
    ['n < event.amount', 'unknown-field', 5, 'guard', 'Tick'],
    ['event.amont > 0', 'unknown-field', 1, 'guard', 'Charge'],
    ['event.kind == mode', 'type-mismatch', 12],
  ])('%s → %s at column %i', (text, code, column, role = 'guard', event = 'Charge') => {
    const p = problem(text, role, event);
    expect(p.code).toBe(code);
    expect(p.column).toBe(column);
    expect(p.message).toMatch(/[.?]$/);
  });

  it('suggests the closest name', () => {
    expect(problem('chargez > 0').message).toContain('Unknown name "chargez"');
    expect(problem('mod == "fast"').message).toBe('Unknown name "mod"; did you mean "mode"?');
    expect(problem('mode == "fasst"').message).toBe('"fasst" is not a value of mode; did you mean "fast"?');
  });

  it('checks an update against its var type', () => {
    expect(problem('ok', 'update', 'Charge', INT)).toMatchObject({ code: 'type-mismatch', column: 1 });
    expect(problem('"fast"', 'update', 'Charge', INT)).toMatchObject({ code: 'type-mismatch' });
  });

  it('collects several problems at once', () => {
    expect(check('chargez > 0 && ok + 1 > 0').problems).toHaveLength(2);
  });
});
