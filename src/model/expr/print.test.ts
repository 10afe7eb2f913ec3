import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../ast';
import { exprArbitrary } from './exprArbitrary';
import { parseExpression } from './parser';
import { printExpression } from './print';

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
