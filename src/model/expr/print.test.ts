import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Expr } from '../ast';
import { parseExpression } from './parser';
import { printExpression } from './print';

const BINARY_OPS: BinaryOp[] = ['=>', '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'];
const at = { start: 1, end: 1 };

/** Any syntax tree the parser can produce (nonnegative literals: "-3" parses as a unary minus). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 2 ** 53 }).map((value): Expr => ({ kind: 'int', value, ...at })),
    fc.boolean().map((value): Expr => ({ kind: 'bool', value, ...at })),
    fc.constantFrom('Idle', 'fast', 'a').map((value): Expr => ({ kind: 'string', value, ...at })),
    fc.record({ name: fc.constantFrom('n', 'mode', 'state', 'x_1'), primed: fc.boolean() }).map((r): Expr => ({ kind: 'name', ...r, ...at })),
    fc.boolean().map((primed): Expr => ({ kind: 'crashes', primed, ...at })),
    fc.constantFrom('amount', 'kind').map((field): Expr => ({ kind: 'field', field, ...at })),
    fc
      .record({ which: fc.constantFrom('sent' as const, 'acked' as const, 'failed' as const, 'ambiguous' as const), event: fc.constantFrom('Charge', 'Put'), primed: fc.boolean() })
      .map((r): Expr => ({ kind: 'observable', ...r, ...at })),
    fc.record({ op: fc.constantFrom('!' as const, '-' as const), operand: tie('expr') }).map((r): Expr => ({ kind: 'unary', ...r, ...at })),
    fc.record({ op: fc.constantFrom(...BINARY_OPS), left: tie('expr'), right: tie('expr') }).map((r): Expr => ({ kind: 'binary', ...r, ...at })),
    fc.record({ test: tie('expr'), then: tie('expr'), otherwise: tie('expr') }).map((r): Expr => ({ kind: 'conditional', ...r, ...at })),
    fc.oneof(
      tie('expr').map((a): Expr => ({ kind: 'call', fn: 'abs', args: [a], ...at })),
      fc.record({ fn: fc.constantFrom('min' as const, 'max' as const), a: tie('expr'), b: tie('expr') }).map((r): Expr => ({ kind: 'call', fn: r.fn, args: [r.a, r.b], ...at })),
    ),
  ),
})).expr;

/** The tree without spans (and operator columns), for comparing shapes. */
function withoutSpans(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (key, v: unknown) => (key === 'start' || key === 'end' || key === 'opStart' ? undefined : v)));
}

describe('printExpression', () => {
  it('print-then-parse gives the same tree, for any tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (e) => {
        const text = printExpression(e);
        fc.pre(text.length <= 1000);
        const parsed = parseExpression(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        expect(withoutSpans(parsed.expr)).toEqual(withoutSpans(e));
      }),
      { numRuns: 2000 },
    );
  });

  it('uses no more parentheses than the shape needs', () => {
    const print = (text: string) => {
      const r = parseExpression(text);
      if (!r.ok) throw new Error(r.error.message);
      return printExpression(r.expr);
    };
    expect(print('((a + (b * c)))')).toBe('a + b * c');
    expect(print('(a + b) * c')).toBe('(a + b) * c');
    expect(print('a - (b - c)')).toBe('a - (b - c)');
    expect(print('(a - b) - c')).toBe('a - b - c');
    expect(print('(a => b) => c')).toBe('(a => b) => c');
    expect(print('a => (b => c)')).toBe('a => b => c');
    expect(print('(a ? b : c) ? d : e')).toBe('(a ? b : c) ? d : e');
    expect(print('a ? b : (c ? d : e)')).toBe('a ? b : c ? d : e');
    expect(print('-(a + b)')).toBe('-(a + b)');
    expect(print("!(x' == 1)")).toBe("!(x' == 1)");
    expect(print('min((a), (b ? 1 : 2))')).toBe('min(a, b ? 1 : 2)');
  });
});
