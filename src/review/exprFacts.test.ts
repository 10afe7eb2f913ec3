import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../model/ast';
import { exprArbitrary } from '../model/expr/exprArbitrary';
import { parseExpression } from '../model/expr/parser';
import { printExpression } from '../model/expr/print';
import type { ExprV2 } from '../model/v2/expr/ast';
import { guardRaises, mentionsAmbiguous, neverLowers, orderingBy, parsed, statesMonotonic } from './exprFacts';

/** Version 1's tree as the facts read it: an observable is a member of its word, `crashes` a name. */
function lowered(e: Expr): unknown {
  switch (e.kind) {
    case 'observable':
      return { kind: 'member', target: { kind: 'name', name: e.which, primed: false }, name: e.event, primed: e.primed };
    case 'crashes':
      return { kind: 'name', name: 'crashes', primed: e.primed };
    case 'unary':
      return { kind: 'unary', op: e.op, operand: lowered(e.operand) };
    case 'binary':
      return { kind: 'binary', op: e.op, left: lowered(e.left), right: lowered(e.right) };
    case 'conditional':
      return { kind: 'conditional', test: lowered(e.test), then: lowered(e.then), otherwise: lowered(e.otherwise) };
    case 'call':
      return { kind: 'call', fn: e.fn, args: e.args.map(lowered) };
    default: {
      const { start: _s, end: _e, ...rest } = e;
      return rest;
    }
  }
}

const withoutColumns = (e: ExprV2): unknown =>
  JSON.parse(JSON.stringify(e, (key, v: unknown) => (['start', 'end', 'opStart'].includes(key) ? undefined : v)));

const tree = (text: string) => {
  const e = parsed(text);
  if (e === null) throw new Error(`does not parse: ${text}`);
  return e;
};
const x = tree('x');
const isX = (n: ExprV2) => n.kind === 'name' && n.name === 'x';

describe('expression facts, one statement for both format versions', () => {
  it("reads any version-1 text as version 1's tree, observables as members and crashes as a name", () => {
    fc.assert(
      fc.property(exprArbitrary, (e) => {
        const text = printExpression(e);
        fc.pre(text.length <= 1000 && parseExpression(text).ok);
        const v2 = parsed(text);
        expect(v2 && withoutColumns(v2)).toEqual(lowered(e));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the ambiguous outcome of an event, not another observable', () => {
    expect(mentionsAmbiguous(tree('ambiguous.Charge <= 1'), 'Charge')).toBe(true);
    expect(mentionsAmbiguous(tree("acked.Charge' >= acked.Charge"), 'Charge')).toBe(false);
  });

  it('tells updates that never lower a reference from those that may', () => {
    expect(neverLowers(tree('x + 1'), x)).toBe(true);
    expect(neverLowers(tree('max(event.e, x)'), x)).toBe(true);
    expect(neverLowers(tree('c ? x + 2 : x'), x)).toBe(true);
    expect(neverLowers(tree('x - 1'), x)).toBe(false);
    expect(neverLowers(tree('m[sender] + 1'), tree('m[sender]'))).toBe(true);
    expect(neverLowers(tree('m[self] + 1'), tree('m[sender]'))).toBe(false);
  });

  it('reads monotonicity stated either way round, for names, members and map entries', () => {
    expect(statesMonotonic(tree("x' >= x"), isX)).toBe(true);
    expect(statesMonotonic(tree("x <= x' && y"), isX)).toBe(true);
    expect(statesMonotonic(tree("x' <= x"), isX)).toBe(false);
    const epoch = (n: ExprV2) => n.kind === 'member' && n.name === 'epoch';
    expect(statesMonotonic(tree("forall r in RM: r.epoch' >= r.epoch"), epoch)).toBe(true);
    expect(statesMonotonic(tree("forall r, s in RM: r.epoch' >= s.epoch"), epoch)).toBe(false);
    const m = (n: ExprV2) => n.kind === 'index';
    expect(statesMonotonic(tree("forall r in RM: m'[r] > m[r]"), m)).toBe(true);
  });

  it('finds an ordering comparison and a guard that says a value is newer', () => {
    expect(orderingBy(tree('x < 3 && y == 1'), isX)?.kind).toBe('binary');
    expect(orderingBy(tree('x == 3'), isX)).toBeNull();
    expect(guardRaises(tree('ready && event.e > x'), x, tree('event.e'))).toBe(true);
    expect(guardRaises(tree('x <= event.e'), x, tree('event.e'))).toBe(true);
    expect(guardRaises(tree('ready || event.e > x'), x, tree('event.e'))).toBe(false);
  });
});
