import { describe, expect, it } from 'vitest';
import { EvaluationError, type EvalEnv } from '../model';
import { checkExpression, type ExprRole } from './checker';
import { compileExpression } from './compile';
import { parseExpression } from './parser';
import { env, frame, testScope } from './testScope';
import { BOOL, INT, type Type } from './types';

function compiled(text: string, expected: Type = INT, role: ExprRole = 'step invariant') {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const scope = testScope(role, role === 'step invariant' ? null : 'Charge');
  const checked = checkExpression(parsed.expr, scope, expected);
  if (checked.problems.length) throw new Error(checked.problems[0]!.message);
  return compileExpression(parsed.expr, scope, checked.literals);
}

function value(text: string, e: EvalEnv = env()): number {
  return compiled(text, /[<>=!&|]|true|false/.test(text) && !text.includes('?') ? BOOL : INT)(e);
}

function evalError(text: string, e: EvalEnv = env()): EvaluationError {
  const f = compiled(text, INT);
  try {
    f(e);
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    throw error;
  }
  throw new Error(`expected an evaluation error from ${text}`);
}

describe('every operator', () => {
  it.each([
    ['7 + 5', 12],
    ['7 - 5', 2],
    ['7 * 5', 35],
    ['7 / 5', 1],
    ['7 % 5', 2],
    ['-7', -7],
    ['min(7, 5)', 5],
    ['max(7, 5)', 7],
    ['abs(-7)', 7],
    ['true ? 1 : 2', 1],
    ['false ? 1 : 2', 2],
  ])('%s = %i', (text, want) => {
    expect(compiled(text)(env())).toBe(want);
  });
  it.each([
    ['1 < 2', 1],
    ['2 < 2', 0],
    ['2 <= 2', 1],
    ['3 <= 2', 0],
    ['3 > 2', 1],
    ['2 > 2', 0],
    ['2 >= 2', 1],
    ['1 >= 2', 0],
    ['2 == 2', 1],
    ['2 != 2', 0],
    ['true && false', 0],
    ['true && true', 1],
    ['false || true', 1],
    ['false || false', 0],
    ['true => false', 0],
    ['false => false', 1],
    ['!true', 0],
    ['!false', 1],
  ])('%s is %i', (text, want) => {
    expect(compiled(text, BOOL)(env())).toBe(want);
  });
});

describe('integer rules', () => {
  it('truncates division toward zero', () => {
    expect(value('-7 / 2')).toBe(-3);
    expect(value('7 / -2')).toBe(-3);
    expect(value('-7 / -2')).toBe(3);
    expect(value('7 / 2')).toBe(3);
  });
  it('gives the remainder the sign of the left operand', () => {
    expect(value('-7 % 2')).toBe(-1);
    expect(value('7 % -2')).toBe(1);
    expect(value('-7 % -2')).toBe(-1);
  });
  it('never yields negative zero', () => {
    expect(Object.is(value('-0'), 0)).toBe(true);
    expect(Object.is(value('0 / -1'), 0)).toBe(true);
    expect(Object.is(value('-4 % 2'), 0)).toBe(true);
    expect(Object.is(value('0 * -1'), 0)).toBe(true);
  });
  it('divides exactly near 2^53', () => {
    expect(value('9007199254740991 / 3')).toBe(3002399751580330);
    expect(value('-9007199254740992 / 7')).toBe(Number(-(2n ** 53n) / 7n));
    expect(value('9007199254740991 % 10')).toBe(1);
  });
  it('allows results of exactly ±2^53', () => {
    expect(value('9007199254740991 + 1')).toBe(2 ** 53);
    expect(value('-9007199254740991 - 1')).toBe(-(2 ** 53));
    expect(value('4503599627370496 * 2')).toBe(2 ** 53);
  });
});

describe('evaluation errors carry the operator column', () => {
  it('refuses division and remainder by zero', () => {
    expect(evalError('n + 10 / n')).toMatchObject({ column: 8, message: expect.stringContaining('division by zero') });
    expect(evalError('10 % n')).toMatchObject({ column: 4, message: expect.stringContaining('remainder by zero') });
  });
  it('refuses any result beyond ±2^53, even one that rounds back onto 2^53', () => {
    expect(evalError('9007199254740992 + 1').column).toBe(18);
    expect(evalError('-9007199254740992 - 1').column).toBe(19);
    expect(evalError('3 * 3002399751580331').column).toBe(3); // 2^53 + 1 exactly
    expect(evalError('9007199254740992 * 9007199254740992').column).toBe(18);
  });
  it('refuses an intermediate result beyond the bound even when the final one fits', () => {
    expect(evalError('(9007199254740992 + 9007199254740992) - 9007199254740992').column).toBe(19);
  });
});

describe('short-circuit: the skipped operand is never evaluated', () => {
  it('&& skips its right side when the left is false', () => {
    expect(compiled('n != 0 && 10 / n > 1', BOOL)(env([0, 0, 0, 0]))).toBe(0);
  });
  it('|| skips its right side when the left is true', () => {
    expect(compiled('n == 0 || 10 / n > 1', BOOL)(env([0, 0, 0, 0]))).toBe(1);
  });
  it('=> skips its right side when the left is false', () => {
    expect(compiled('n != 0 => 10 / n > 1', BOOL)(env([0, 0, 0, 0]))).toBe(1);
  });
  it('? : evaluates only the chosen branch', () => {
    expect(compiled('n == 0 ? 1 : 10 / n')(env([0, 0, 0, 0]))).toBe(1);
    expect(compiled('n != 0 ? 10 / n : 2')(env([0, 0, 0, 0]))).toBe(2);
  });
});

describe('names read the environment', () => {
  it('reads vars, state, observables, crashes, before and after', () => {
    const post = frame([5, 0, 1, 1], { state: 1, sent: [2, 0], crashes: 1 });
    const e: EvalEnv = { pre: frame([3, 4, 0, 0]), post, payload: [2, 1] };
    expect(compiled("n' - n")(e)).toBe(2);
    expect(compiled('n + m')(e)).toBe(7);
    expect(compiled("state' == \"Busy\" && state == \"Idle\"", BOOL)(e)).toBe(1);
    expect(compiled("mode' == \"fast\" && ok'", BOOL)(e)).toBe(1);
    expect(compiled("sent.Charge' - sent.Charge + crashes'")(e)).toBe(3);
  });
  it('reads payload fields of the event', () => {
    const e: EvalEnv = { pre: frame([3, 4, 0, 0]), post: null, payload: [2, 1] };
    expect(compiled('n - event.amount', INT, 'guard')(e)).toBe(1);
    expect(compiled('event.kind == "b"', BOOL, 'guard')(e)).toBe(1);
  });
});

describe('fused operands (a var or a literal on each side) give what the general form gives', () => {
  // `abs(n)` (n >= 0) or `-abs(n)` (n < 0) reads n through a call no fusion recognises.
  const general = (x: string, n: number) => (n >= 0 ? `abs(${x})` : `-abs(${x})`);
  const values = [-9007199254740991, -3, -1, 0, 1, 2, 5, 9007199254740991];
  const outcome = (text: string, type: Type, n: number, m: number): string | number => {
    try {
      return compiled(text, type)(env([n, m, 0, 0]));
    } catch (error) {
      return error instanceof EvaluationError ? `error: ${error.message}` : String(error);
    }
  };
  it.each(['==', '!=', '<', '<=', '>', '>=', '+', '-', '%'])('%s', (op) => {
    const type = /[<>=!]/.test(op) ? BOOL : INT;
    let compared = 0;
    for (const c of [-2, 0, 1, 3])
      for (const n of values)
        for (const m of values)
          for (const text of op === '%' ? [`(n + 0) % ${c}`] : [`n ${op} m`, `n ${op} ${c}`, `(n + 0) ${op} ${c}`]) {
            const slow = text.replace(/\bn\b/g, general('n', n)).replace(/\bm\b/g, general('m', m));
            expect(outcome(text, type, n, m), `${text} with n=${n} m=${m}`).toEqual(outcome(slow, type, n, m));
            compared++;
          }
    expect(compared).toBeGreaterThan(200);
  });
  it.each(['min', 'max'])('%s with a literal bound', (fn) => {
    let compared = 0;
    for (const c of [-2, 0, 1, 3])
      for (const n of values)
        for (const text of [`${fn}(n, ${c})`, `${fn}(n + 1, ${c})`]) {
          // `c + 0` is no literal: the general form calls it.
          const slow = text.replace(/\bn\b/g, general('n', n)).replace(`, ${c})`, `, ${c} + 0)`);
          expect(outcome(text, INT, n, 0), `${text} with n=${n}`).toEqual(outcome(slow, INT, n, 0));
          compared++;
        }
    expect(compared).toBe(64);
  });
});
