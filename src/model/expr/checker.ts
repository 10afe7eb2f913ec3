import type { Expr } from '../ast';
import { didYouMean } from '../spelling';
import type { ExprProblem } from './parser';
import { BOOL, INT, sameType, showType, type Type } from './types';

/**
 * The expression type checker (MODEL.md §2): resolves names against the design, decides which
 * names the context allows, and types every node. It collects every problem instead of stopping,
 * each with its column, and records the index of each quoted enum value for the compiler.
 */

export interface NameInfo {
  readonly index: number;
  readonly type: Type;
}

export type ExprRole = 'guard' | 'update' | 'state invariant' | 'step invariant' | 'transition invariant';

export interface ExprScope {
  readonly vars: ReadonlyMap<string, NameInfo>;
  /** The enum of state names, the type of `state`. */
  readonly stateType: Type & { kind: 'enum' };
  readonly events: ReadonlyMap<string, { readonly index: number; readonly client: boolean; readonly source: string }>;
  /** The transition's event (its name and payload fields), `restart`, or null outside transitions. */
  readonly event: { readonly name: string; readonly fields: ReadonlyMap<string, NameInfo> } | 'restart' | null;
  readonly role: ExprRole;
}

export interface CheckResult {
  readonly type: Type | null;
  readonly problems: readonly ExprProblem[];
  /** The encoded value of every quoted literal (an enum index or a state index). */
  readonly literals: ReadonlyMap<Expr, number>;
  /** The enum each quoted literal was read as (a var's, a payload field's, or the states'): renames follow it. */
  readonly literalTypes: ReadonlyMap<Expr, Type & { kind: 'enum' }>;
  readonly readsObservables: boolean;
  readonly readsPrimed: boolean;
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const ORDER = new Set(['<', '<=', '>', '>=']);
const LOGIC = new Set(['&&', '||', '=>']);

function allowsObservables(role: ExprRole): boolean {
  return role === 'state invariant' || role === 'step invariant' || role === 'transition invariant';
}

function allowsPrimes(role: ExprRole): boolean {
  return role === 'step invariant' || role === 'transition invariant';
}

/** Type-checks `expr` in `scope`; `expected` is the type the context needs (bool, or the var's type). */
export function checkExpression(expr: Expr, scope: ExprScope, expected: Type): CheckResult {
  const problems: ExprProblem[] = [];
  const literals = new Map<Expr, number>();
  const literalTypes = new Map<Expr, Type & { kind: 'enum' }>();
  let readsObservables = false;
  let readsPrimed = false;
  const problem = (column: number, code: string, message: string): null => {
    problems.push({ column, code, message });
    return null;
  };

  const primeAllowed = (node: Expr & { primed: boolean }, shown: string): boolean => {
    if (!node.primed) return true;
    readsPrimed = true;
    if (allowsPrimes(scope.role)) return true;
    problem(
      node.start,
      'prime-not-allowed',
      scope.role === 'state invariant'
        ? `${shown}' names the value after a step, which only a step invariant can read; set "kind": "step" or drop the prime.`
        : `${shown}' names the value after a step; a ${scope.role} reads only the values before it.`,
    );
    return false;
  };

  const observableAllowed = (node: Expr, shown: string): boolean => {
    readsObservables = true;
    if (allowsObservables(scope.role)) return true;
    problem(node.start, 'observable-not-allowed', `${shown} describes what clients saw and can be read only in invariants, not in a ${scope.role}.`);
    return false;
  };

  const literal = (node: Expr & { kind: 'string' }, want: Type | null): Type | null => {
    if (want === null) {
      return problem(node.start, 'untyped-string', `The quoted value "${node.value}" needs an enum var or state on the other side of == or != to give it a type.`);
    }
    if (want.kind !== 'enum') {
      return problem(node.start, 'type-mismatch', `The quoted value "${node.value}" is not ${showType(want)}.`);
    }
    const index = want.values.indexOf(node.value);
    if (index < 0) {
      const what = want.isState ? 'a state' : `a value of ${want.owner}`;
      const hint = didYouMean(node.value, want.values);
      return problem(
        node.start,
        'unknown-enum-value',
        hint ? `"${node.value}" is not ${what}${hint}` : `"${node.value}" is not ${what}; use one of ${want.values.map((v) => `"${v}"`).join(', ')}.`,
      );
    }
    literals.set(node, index);
    literalTypes.set(node, want);
    return want;
  };

  const need = (node: Expr, got: Type | null, want: Type, role: string): void => {
    if (got !== null && !sameType(got, want)) {
      problem(node.start, 'type-mismatch', `${role} must be ${showType(want)}, but this is ${showType(got)}.`);
    }
  };

  const visit = (node: Expr, want: Type | null): Type | null => {
    switch (node.kind) {
      case 'int':
        return INT;
      case 'bool':
        return BOOL;
      case 'string':
        return literal(node, want);
      case 'name': {
        if (node.name === 'state') return primeAllowed(node, 'state') ? scope.stateType : null;
        const v = scope.vars.get(node.name);
        if (!v) {
          const candidates = [...scope.vars.keys(), 'state'];
          const hint = didYouMean(node.name, candidates);
          return problem(
            node.start,
            'unknown-name',
            hint
              ? `Unknown name "${node.name}"${hint}`
              : scope.events.has(node.name)
                ? `"${node.name}" is an event, not a value; to count its requests write sent.${node.name} (in an invariant).`
                : `Unknown name "${node.name}"; declare a var with that name or fix the spelling.`,
          );
        }
        return primeAllowed(node, node.name) ? v.type : null;
      }
      case 'crashes': {
        const ok = observableAllowed(node, 'crashes');
        return primeAllowed(node, 'crashes') && ok ? INT : null;
      }
      case 'observable': {
        const shown = `${node.which}.${node.event}`;
        if (!observableAllowed(node, shown)) return null;
        const e = scope.events.get(node.event);
        if (!e) {
          const clients = [...scope.events].filter(([, info]) => info.client).map(([name]) => name);
          return problem(node.start, 'unknown-event', `Unknown event "${node.event}" in ${shown}${didYouMean(node.event, clients) || '; name a client event.'}`);
        }
        if (!e.client) {
          return problem(node.start, 'not-client-event', `${shown} counts client requests, but ${node.event} is ${e.source === 'internal' ? 'an' : 'a'} ${e.source} event.`);
        }
        return primeAllowed(node, shown) ? INT : null;
      }
      case 'field': {
        const event = scope.event;
        if (event === null) {
          return problem(node.start, 'event-not-allowed', `event.${node.field} can be read only in a transition's guard, updates or invariants.`);
        }
        if (event === 'restart') {
          return problem(node.start, 'event-on-restart', `A $restart transition processes no request, so it cannot read event.${node.field}.`);
        }
        const f = event.fields.get(node.field);
        if (!f) {
          const hint = didYouMean(node.field, event.fields.keys());
          return problem(
            node.start,
            'unknown-field',
            hint ? `The event ${event.name} has no payload field "${node.field}"${hint}` : `The event ${event.name} has no payload field "${node.field}".`,
          );
        }
        return f.type;
      }
      case 'unary': {
        const want = node.op === '!' ? BOOL : INT;
        const t = visit(node.operand, want);
        if (t !== null && !sameType(t, want)) {
          return problem(node.start, 'type-mismatch', `"${node.op}" needs ${showType(want)}, but its operand is ${showType(t)}.`);
        }
        return want;
      }
      case 'binary': {
        const at = node.opStart ?? node.start;
        if (node.op === '==' || node.op === '!=') return equality(node, at);
        const operand = ARITHMETIC.has(node.op) || ORDER.has(node.op) ? INT : BOOL;
        const lt = visit(node.left, operand);
        const rt = visit(node.right, operand);
        const bad = [lt, rt].find((t) => t !== null && !sameType(t, operand));
        if (bad) {
          const side = lt !== null && !sameType(lt, operand) ? 'left' : 'right';
          return problem(at, 'type-mismatch', `"${node.op}" needs ${showType(operand)} on both sides, but its ${side} side is ${showType(bad)}.`);
        }
        if (LOGIC.has(node.op) || ORDER.has(node.op)) return BOOL;
        return INT;
      }
      case 'conditional': {
        need(node.test, visit(node.test, BOOL), BOOL, 'The condition of "? :"');
        let tt: Type | null;
        let ot: Type | null;
        if (node.then.kind === 'string' && node.otherwise.kind !== 'string') {
          ot = visit(node.otherwise, want);
          tt = visit(node.then, ot ?? want);
        } else {
          tt = visit(node.then, want);
          ot = visit(node.otherwise, tt ?? want);
        }
        if (tt === null || ot === null) return tt ?? ot;
        if (!sameType(tt, ot)) {
          return problem(node.opStart ?? node.start, 'type-mismatch', `Both branches of "? :" must have one type, but one is ${showType(tt)} and the other ${showType(ot)}.`);
        }
        return tt;
      }
      case 'call': {
        let ok = true;
        for (const arg of node.args) {
          const t = visit(arg, INT);
          if (t !== null && !sameType(t, INT)) {
            ok = false;
            problem(arg.start, 'type-mismatch', `${node.fn} takes ints, but this argument is ${showType(t)}.`);
          }
        }
        return ok ? INT : null;
      }
    }
  };

  const equality = (node: Expr & { kind: 'binary' }, at: number): Type | null => {
    const { left, right } = node;
    let lt: Type | null;
    let rt: Type | null;
    if (left.kind === 'string' && right.kind === 'string') {
      return problem(left.start, 'untyped-string', `Compare a quoted value with a var or state, not with another quoted value.`);
    }
    if (left.kind === 'string') {
      rt = visit(right, null);
      lt = rt === null ? null : visit(left, rt);
    } else {
      lt = visit(left, null);
      rt = right.kind === 'string' && lt === null ? null : visit(right, lt);
    }
    if (lt !== null && rt !== null && !sameType(lt, rt)) {
      return problem(at, 'type-mismatch', `"${node.op}" needs both sides of one type, but the left is ${showType(lt)} and the right ${showType(rt)}.`);
    }
    return BOOL;
  };

  const type = visit(expr, expected);
  if (type !== null && !sameType(type, expected)) {
    const what =
      scope.role === 'update' ? 'This update' : scope.role === 'guard' ? 'A guard' : 'An invariant';
    problems.push({
      column: expr.start,
      code: scope.role === 'update' ? 'type-mismatch' : 'not-bool',
      message: `${what} must be ${showType(expected)}, but this expression is ${showType(type)}.`,
    });
  }
  return { type: problems.length ? null : type, problems, literals, literalTypes, readsObservables, readsPrimed };
}
