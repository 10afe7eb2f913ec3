import { describe, expect, it } from 'vitest';
import type { Expr } from '../ast';
import { parseExpression } from './parser';
import { printExpression } from './print';

function tree(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

/** The shape of a tree as fully parenthesised text, to compare grouping. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'unary':
      return `(${e.op}${shape(e.operand)})`;
    case 'conditional':
      return `(${shape(e.test)} ? ${shape(e.then)} : ${shape(e.otherwise)})`;
    case 'call':
      return `${e.fn}(${e.args.map(shape).join(', ')})`;
    default:
      return printExpression(e);
  }
}

function error(text: string): { column: number; message: string; code: string } {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected a syntax error in ${text}`);
  return r.error;
}

describe('precedence, loosest first: ?: => || && ==/!= </<=/>/>= +/- */% unary', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['a < b + 1', '(a < (b + 1))'],
    ['a == b < c', '(a == (b < c))'],
    ['a && b == c', '(a && (b == c))'],
    ['a || b && c', '(a || (b && c))'],
    ['a => b || c', '(a => (b || c))'],
    ['a => b ? c : d', '((a => b) ? c : d)'],
    ['-a * b', '((-a) * b)'],
    ['!a && b', '((!a) && b)'],
    ['a % b / c', '((a % b) / c)'],
    ['a != b == c', '((a != b) == c)'],
  ])('%s groups as %s', (text, want) => {
    expect(shape(tree(text))).toBe(want);
  });
});

describe('associativity', () => {
  it('reads - and / from the left', () => {
    expect(shape(tree('a - b - c'))).toBe('((a - b) - c)');
    expect(shape(tree('a / b / c'))).toBe('((a / b) / c)');
  });
  it('reads => from the right', () => {
    expect(shape(tree('a => b => c'))).toBe('(a => (b => c))');
  });
  it('reads ? : from the right', () => {
    expect(shape(tree('a ? b : c ? d : e'))).toBe('(a ? b : (c ? d : e))');
    expect(shape(tree('a ? b ? c : d : e'))).toBe('(a ? (b ? c : d) : e)');
  });
  it('lets parentheses override', () => {
    expect(shape(tree('(a + b) * c'))).toBe('((a + b) * c)');
    expect(shape(tree('a - (b - c)'))).toBe('(a - (b - c))');
  });
});

describe('names and literals', () => {
  it('reads primes, event fields, observables and crashes', () => {
    expect(tree("x'")).toMatchObject({ kind: 'name', name: 'x', primed: true, start: 1, end: 3 });
    expect(tree("state'")).toMatchObject({ kind: 'name', name: 'state', primed: true });
    expect(tree('event.amount')).toMatchObject({ kind: 'field', field: 'amount', start: 1, end: 13 });
    expect(tree("acked.Charge'")).toMatchObject({ kind: 'observable', which: 'acked', event: 'Charge', primed: true, end: 14 });
    expect(tree('crashes')).toMatchObject({ kind: 'crashes', primed: false });
    expect(tree('"Idle"')).toMatchObject({ kind: 'string', value: 'Idle', start: 1, end: 7 });
    expect(tree('min(1, abs(2))')).toMatchObject({ kind: 'call', fn: 'min', args: [{ kind: 'int' }, { kind: 'call', fn: 'abs' }] });
  });
  it('records spans and operator columns', () => {
    expect(tree('ab + cd')).toMatchObject({ kind: 'binary', start: 1, end: 8, opStart: 4 });
    expect(tree('a ? b : c')).toMatchObject({ kind: 'conditional', opStart: 3 });
  });
  it('accepts 2^53 and refuses anything beyond it', () => {
    expect(tree('9007199254740992')).toMatchObject({ kind: 'int', value: 2 ** 53 });
    expect(error('1 + 9007199254740993')).toMatchObject({ code: 'literal-too-large', column: 5 });
    expect(error('-99999999999999999999')).toMatchObject({ code: 'literal-too-large', column: 2 });
  });
});

describe('syntax errors name what was wanted, at a column', () => {
  it.each([
    ['a <= (b', 8, 'Expected ")" to close the "(" at column 6'],
    ['a +', 4, 'Expected a value, a name or "(" but the expression ended'],
    ['a b', 3, 'Expected an operator or the end of the expression but found "b"'],
    ['a ? b', 6, 'Expected ":" between the two branches'],
    ['event', 6, 'Expected "." and a payload field after "event"'],
    ['sent.', 6, 'Expected a client event name after "sent."'],
    ['min(1 2)', 7, 'Expected "," or ")" in the arguments of min'],
    ['max', 4, 'Expected "(" after "max"'],
    ["x '", 3, 'Write the prime right after the name'],
    ["event.amount'", 13, 'A payload field cannot be primed'],
  ])('%s: column %i', (text, column, message) => {
    const e = error(text);
    expect(e.column).toBe(column);
    expect(e.message).toContain(message);
  });
  it('checks the number of arguments', () => {
    expect(error('abs(1, 2)')).toMatchObject({ code: 'wrong-arity', column: 1 });
    expect(error('min(1)')).toMatchObject({ code: 'wrong-arity' });
  });
  it('reports scanner problems through the parser', () => {
    expect(error('a = b')).toMatchObject({ column: 3, message: 'Unexpected "="; did you mean "=="?' });
    expect(error('a & b')).toMatchObject({ column: 3 });
    expect(error('a # b')).toMatchObject({ column: 3, code: 'unexpected-character' });
    expect(error('mode == "fast')).toMatchObject({ column: 9, code: 'unterminated-string' });
  });
});

describe('bounded work', () => {
  it('allows 64 nested parentheses and refuses 65', () => {
    expect(parseExpression('('.repeat(64) + 'a' + ')'.repeat(64)).ok).toBe(true);
    expect(error('('.repeat(65) + 'a' + ')'.repeat(65))).toMatchObject({ code: 'too-deep', column: 65 });
  });
  it('counts call parentheses toward the limit', () => {
    expect(error('abs('.repeat(65) + '1' + ')'.repeat(65))).toMatchObject({ code: 'too-deep' });
  });
  it('refuses an expression longer than 1000 characters before scanning it', () => {
    expect(parseExpression('1' + ' + 1'.repeat(249)).ok).toBe(true);
    expect(error('1' + ' + 1'.repeat(250))).toMatchObject({ code: 'expression-too-long' });
  });
  it('survives a long chain of unary operators', () => {
    expect(parseExpression('!'.repeat(999) + 'a').ok).toBe(true);
  });
});
