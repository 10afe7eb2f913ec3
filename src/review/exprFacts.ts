import type { Expr } from '../model/ast';
import { parseExpression } from '../model/expr/parser';

/**
 * Facts the checklist reads off expressions, from their syntax trees (never from text matching).
 * Unparsable text yields no facts: the loader reports it anyway.
 */

export function parsed(text: string | undefined): Expr | null {
  if (text === undefined) return null;
  const result = parseExpression(text);
  return result.ok ? result.expr : null;
}

function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.test, e.then, e.otherwise];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

export function someNode(e: Expr | null, test: (node: Expr) => boolean): boolean {
  if (e === null) return false;
  return test(e) || children(e).some((c) => someNode(c, test));
}

/** Reads `ambiguous.E` (bare or primed). */
export function mentionsAmbiguous(e: Expr | null, event: string): boolean {
  return someNode(e, (n) => n.kind === 'observable' && n.which === 'ambiguous' && n.event === event);
}

const isName = (e: Expr, name: string, primed: boolean) =>
  e.kind === 'name' && e.name === name && e.primed === primed;

/**
 * The update keeps `x` or makes it grow: `x + k` or `k + x` with a literal k >= 0, `max(x, …)`,
 * or `x` itself; a conditional whose both branches do. Anything else may lower it.
 */
export function neverLowers(e: Expr | null, x: string): boolean {
  if (e === null) return false;
  if (isName(e, x, false)) return true;
  if (e.kind === 'binary' && e.op === '+') {
    return (
      (isName(e.left, x, false) && e.right.kind === 'int' && e.right.value >= 0) ||
      (isName(e.right, x, false) && e.left.kind === 'int' && e.left.value >= 0)
    );
  }
  if (e.kind === 'call' && e.fn === 'max') return e.args.some((a) => isName(a, x, false));
  if (e.kind === 'conditional') return neverLowers(e.then, x) && neverLowers(e.otherwise, x);
  return false;
}

/** Somewhere says `x' >= x`, `x' > x`, `x <= x'` or `x < x'` (also inside `&&`, `=>`). */
export function statesMonotonic(e: Expr | null, x: string): boolean {
  return someNode(e, (n) => {
    if (n.kind !== 'binary') return false;
    if ((n.op === '>=' || n.op === '>') && isName(n.left, x, true) && isName(n.right, x, false)) return true;
    if ((n.op === '<=' || n.op === '<') && isName(n.left, x, false) && isName(n.right, x, true)) return true;
    return false;
  });
}

/** A comparison `<`, `<=`, `>`, `>=` with `x` on one side. */
export function ordersBy(e: Expr | null, x: string): boolean {
  return someNode(
    e,
    (n) =>
      n.kind === 'binary' &&
      (n.op === '<' || n.op === '<=' || n.op === '>' || n.op === '>=') &&
      (someNode(n.left, (m) => m.kind === 'name' && m.name === x) ||
        someNode(n.right, (m) => m.kind === 'name' && m.name === x)),
  );
}

/** Names that read as wall-clock time: `clock`, `now`, `time`, `timestamp`, `ts`, `lastSeenAt`, `updated_at`, `wallTime`… */
export function looksLikeClock(name: string): boolean {
  return (
    /(^|_)(clock|now|time|timestamp|ts|millis|ms)($|_)/i.test(name) ||
    /(Clock|Time|Timestamp|At|Millis)$/.test(name)
  );
}
