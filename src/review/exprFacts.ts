import type { ExprV2 } from '../model/v2/expr/ast';
import { parseExpressionV2 } from '../model/v2/expr/parser';

/**
 * Facts the checklist reads off expressions, from their syntax trees (never from text matching),
 * for both format versions: the one walker and the one statement of each fact. Version 1's text
 * is read by version 2's parser, whose grammar contains version 1's: the same tree, with an
 * observable `ambiguous.E` as the member `E` of the name `ambiguous` and `crashes` as a name
 * (`exprFacts.test.ts` holds this for any version-1 tree). Unparsable text yields no facts: the
 * loader reports it anyway.
 */

export function parsed(text: string | undefined): ExprV2 | null {
  if (text === undefined) return null;
  const result = parseExpressionV2(text);
  return result.ok ? result.expr : null;
}

function children(e: ExprV2): readonly ExprV2[] {
  switch (e.kind) {
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.test, e.then, e.otherwise];
    case 'call':
      return e.args;
    case 'member':
      return [e.target];
    case 'index':
      return [e.target, e.index];
    case 'quantifier':
      // What it ranges over: a set expression, or a name (a role, a pool kind, or a set var, which it reads).
      return [e.over ?? { kind: 'name', name: e.role, primed: false, start: e.roleStart, end: e.roleStart + e.role.length }, e.body];
    default:
      return [];
  }
}

export function someNode(e: ExprV2 | null, test: (node: ExprV2) => boolean): boolean {
  if (e === null) return false;
  return test(e) || children(e).some((c) => someNode(c, test));
}

/** Version 1's observables (`sent.E`, `ambiguous.E'`): words no var, role or event may be named. */
const OBSERVABLES: ReadonlySet<string> = new Set(['sent', 'acked', 'failed', 'ambiguous']);

const isObservable = (e: ExprV2) => e.kind === 'member' && e.target.kind === 'name' && OBSERVABLES.has(e.target.name);

/** Reads `ambiguous.E` (bare or primed). */
export function mentionsAmbiguous(e: ExprV2 | null, event: string): boolean {
  return someNode(e, (n) => n.kind === 'member' && n.name === event && n.target.kind === 'name' && n.target.name === 'ambiguous');
}

/** A var reference (`x`, `i.x`, `m[i]`, primed or not), never an observable: its var's name, else null. */
export function referencedVar(e: ExprV2): string | null {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'member') return isObservable(e) ? null : e.name;
  if (e.kind === 'index') return referencedVar(e.target);
  return null;
}

const COLUMNS: ReadonlySet<string> = new Set(['start', 'end', 'opStart', 'roleStart']);
const shape = (e: ExprV2) => JSON.stringify(e, (key, v: unknown) => (COLUMNS.has(key) ? undefined : v));

/** The same tree, columns aside. */
export function sameTree(a: ExprV2, b: ExprV2): boolean {
  return a.kind === b.kind && shape(a) === shape(b);
}

/** `x'` → `x`, `i.x'` → `i.x`, `m'[i]` → `m[i]`; anything else as it is. */
export function unprimed(e: ExprV2): ExprV2 {
  if ((e.kind === 'name' || e.kind === 'member') && e.primed) return { ...e, primed: false };
  if (e.kind === 'index') return { ...e, target: unprimed(e.target) };
  return e;
}

const isPrimedRef = (e: ExprV2): boolean =>
  ((e.kind === 'name' || e.kind === 'member') && e.primed) || (e.kind === 'index' && isPrimedRef(e.target));

/**
 * The update keeps `target` (`x`, `m[i]`) or makes it grow: `target + k` or `k + target` with a
 * literal k >= 0, `max(target, …)`, or `target` itself; a conditional whose both branches do.
 * Anything else may lower it.
 */
export function neverLowers(e: ExprV2 | null, target: ExprV2): boolean {
  if (e === null) return false;
  if (sameTree(e, target)) return true;
  if (e.kind === 'binary' && e.op === '+') {
    return (
      (sameTree(e.left, target) && e.right.kind === 'int' && e.right.value >= 0) ||
      (sameTree(e.right, target) && e.left.kind === 'int' && e.left.value >= 0)
    );
  }
  if (e.kind === 'call' && e.fn === 'max') return e.args.some((a) => sameTree(a, target));
  if (e.kind === 'conditional') return neverLowers(e.then, target) && neverLowers(e.otherwise, target);
  return false;
}

/**
 * Somewhere says `r' >= r`, `r' > r`, `r <= r'` or `r < r'` (also inside `&&`, `=>`, a
 * quantifier) for a reference r that `isRef` accepts (`x`, `i.x`, `m[i]`).
 */
export function statesMonotonic(e: ExprV2 | null, isRef: (ref: ExprV2) => boolean): boolean {
  const grows = (after: ExprV2, before: ExprV2) => isPrimedRef(after) && isRef(after) && sameTree(unprimed(after), before);
  return someNode(e, (n) => {
    if (n.kind !== 'binary') return false;
    if (n.op === '>=' || n.op === '>') return grows(n.left, n.right);
    if (n.op === '<=' || n.op === '<') return grows(n.right, n.left);
    return false;
  });
}

const ORDERINGS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** The first comparison `<`, `<=`, `>`, `>=` with a node `isRef` accepts on one side, else null. */
export function orderingBy(e: ExprV2 | null, isRef: (node: ExprV2) => boolean): ExprV2 | null {
  let found: ExprV2 | null = null;
  someNode(e, (n) => {
    if (n.kind === 'binary' && ORDERINGS.has(n.op) && (someNode(n.left, isRef) || someNode(n.right, isRef))) found = n;
    return found !== null;
  });
  return found;
}

/** A conjunct of `guard` (split at top-level `&&`) says `value > target` or `value >= target` (either way round). */
export function guardRaises(guard: ExprV2 | null, target: ExprV2, value: ExprV2): boolean {
  if (guard === null) return false;
  if (guard.kind === 'binary' && guard.op === '&&') return guardRaises(guard.left, target, value) || guardRaises(guard.right, target, value);
  if (guard.kind !== 'binary') return false;
  const { op, left, right } = guard;
  return (
    ((op === '>' || op === '>=') && sameTree(left, value) && sameTree(right, target)) ||
    ((op === '<' || op === '<=') && sameTree(left, target) && sameTree(right, value))
  );
}

/** Names that read as wall-clock time: `clock`, `now`, `time`, `timestamp`, `ts`, `lastSeenAt`, `updated_at`, `wallTime`… */
export function looksLikeClock(name: string): boolean {
  return (
    /(^|_)(clock|now|time|timestamp|ts|millis|ms)($|_)/i.test(name) ||
    /(Clock|Time|Timestamp|At|Millis)$/.test(name)
  );
}
