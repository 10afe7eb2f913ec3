import type { Expr } from '../ast';
import { MAX_INT } from '../limits';
import { EvaluationError, type EvalEnv, type EvalFrame } from '../model';
import type { ExprScope } from './checker';

/**
 * Turns a checked syntax tree into closures, once (MODEL.md §2 semantics). Evaluation allocates
 * nothing and walks no tree: each node became a function that calls its children's functions.
 * Values are numbers: ints as themselves, bools 0/1, enum values and states as indices.
 */

export type Evaluator = (env: EvalEnv) => number;

const BIG_MAX = BigInt(MAX_INT);

/**
 * Arithmetic results near ±2^53 can round onto 2^53 itself (2^53 + 1 is not a double), so any
 * result at or beyond the bound is recomputed exactly before deciding whether it overflowed.
 */
export function checkedResult(r: number, a: number, b: number, op: '+' | '-' | '*', column: number): number {
  if (r < MAX_INT && r > -MAX_INT) return r + 0; // + 0 turns -0 into 0, so equal values encode equally
  const x = BigInt(a);
  const y = BigInt(b);
  const exact = op === '+' ? x + y : op === '-' ? x - y : x * y;
  if (exact > BIG_MAX || exact < -BIG_MAX) {
    throw new EvaluationError(`${a} ${op} ${b} is beyond ±2^53`, column);
  }
  return r;
}

// Primed names read `post`, which the engine always supplies for step invariants (the only
// place the checker lets them appear).
function frame(env: EvalEnv, primed: boolean): EvalFrame {
  return primed ? (env.post as EvalFrame) : env.pre;
}

/** Compiles a tree that `checkExpression` accepted in the same scope; `literals` is its output. */
export function compileExpression(expr: Expr, scope: ExprScope, literals: ReadonlyMap<Expr, number>): Evaluator {
  const leaf = (node: Expr): Leaf => {
    if (node.kind === 'int') return { constant: node.value };
    if (node.kind === 'bool') return { constant: node.value ? 1 : 0 };
    if (node.kind === 'string') {
      const v = literals.get(node);
      return v === undefined ? null : { constant: v };
    }
    if (node.kind !== 'name' || node.primed || node.name === 'state') return null;
    const info = scope.vars.get(node.name);
    return info ? { var: info.index } : null;
  };
  const build = (node: Expr): Evaluator => {
    switch (node.kind) {
      case 'int': {
        const v = node.value;
        return () => v;
      }
      case 'bool': {
        const v = node.value ? 1 : 0;
        return () => v;
      }
      case 'string': {
        const v = literals.get(node);
        if (v === undefined) throw new Error(`compileExpression: unchecked literal "${node.value}"`);
        return () => v;
      }
      case 'name': {
        if (node.name === 'state') return node.primed ? (env) => (env.post as EvalFrame).state : (env) => env.pre.state;
        const info = scope.vars.get(node.name);
        if (!info) throw new Error(`compileExpression: unknown var "${node.name}"`);
        const i = info.index;
        return node.primed ? (env) => (env.post as EvalFrame).vars[i]! : (env) => env.pre.vars[i]!;
      }
      case 'crashes': {
        const primed = node.primed;
        return (env) => frame(env, primed).crashes;
      }
      case 'observable': {
        const e = scope.events.get(node.event);
        if (!e) throw new Error(`compileExpression: unknown event "${node.event}"`);
        const i = e.index;
        const primed = node.primed;
        switch (node.which) {
          case 'sent':
            return (env) => frame(env, primed).sent[i]!;
          case 'acked':
            return (env) => frame(env, primed).acked[i]!;
          case 'failed':
            return (env) => frame(env, primed).failed[i]!;
          case 'ambiguous':
            return (env) => frame(env, primed).ambiguous[i]!;
        }
        break;
      }
      case 'field': {
        const event = scope.event;
        const f = event !== null && event !== 'restart' ? event.fields.get(node.field) : undefined;
        if (!f) throw new Error(`compileExpression: unknown field "${node.field}"`);
        const i = f.index;
        return (env) => env.payload[i]!;
      }
      case 'unary': {
        const a = build(node.operand);
        return node.op === '!' ? (env) => (a(env) === 0 ? 1 : 0) : (env) => 0 - a(env);
      }
      case 'conditional': {
        const test = build(node.test);
        const then = build(node.then);
        const otherwise = build(node.otherwise);
        return (env) => (test(env) !== 0 ? then(env) : otherwise(env));
      }
      case 'call': {
        const a = build(node.args[0]!);
        if (node.fn === 'abs') return (env) => Math.abs(a(env));
        // A literal bound (`min(n + 1, 3)`, a saturating counter) is read without a call of its own.
        const bound = leaf(node.args[1]!);
        if (bound !== null && 'constant' in bound) {
          const c = bound.constant;
          return node.fn === 'min' ? (env) => Math.min(a(env), c) : (env) => Math.max(a(env), c);
        }
        const b = build(node.args[1]!);
        return node.fn === 'min' ? (env) => Math.min(a(env), b(env)) : (env) => Math.max(a(env), b(env));
      }
      case 'binary': {
        const a = build(node.left);
        return fused(node, leaf(node.left), leaf(node.right), a) ?? binary(node, a, build(node.right));
      }
    }
    throw new Error(`compileExpression: unexpected node`);
  };
  return build(expr);
}

/** An operand read without a call of its own: a literal's value, or an unprimed var's index. */
type Leaf = { readonly constant: number } | { readonly var: number } | null;

/**
 * The commonest comparisons and sums (`x <= y`, `x == 0`, `x + 1`) with a var or a literal on
 * each side as one closure instead of three: evaluation is mostly calls from closure to closure,
 * and the explorer evaluates guards and updates at every step. Same values and errors as `binary`.
 */
function fused(node: Expr & { kind: 'binary' }, left: Leaf, right: Leaf, a: Evaluator): Evaluator | null {
  if (right === null || !('constant' in right)) {
    if (left === null || !('var' in left) || right === null) return null;
    const i = left.var, k = right.var;
    switch (node.op) {
      case '==':
        return (env) => (env.pre.vars[i] === env.pre.vars[k] ? 1 : 0);
      case '!=':
        return (env) => (env.pre.vars[i] !== env.pre.vars[k] ? 1 : 0);
      case '<':
        return (env) => (env.pre.vars[i]! < env.pre.vars[k]! ? 1 : 0);
      case '<=':
        return (env) => (env.pre.vars[i]! <= env.pre.vars[k]! ? 1 : 0);
      case '>':
        return (env) => (env.pre.vars[i]! > env.pre.vars[k]! ? 1 : 0);
      case '>=':
        return (env) => (env.pre.vars[i]! >= env.pre.vars[k]! ? 1 : 0);
    }
    return null;
  }
  const c = right.constant;
  const at = node.opStart ?? node.start;
  if (left !== null && 'var' in left) {
    const i = left.var;
    switch (node.op) {
      case '==':
        return (env) => (env.pre.vars[i] === c ? 1 : 0);
      case '!=':
        return (env) => (env.pre.vars[i] !== c ? 1 : 0);
      case '<':
        return (env) => (env.pre.vars[i]! < c ? 1 : 0);
      case '<=':
        return (env) => (env.pre.vars[i]! <= c ? 1 : 0);
      case '>':
        return (env) => (env.pre.vars[i]! > c ? 1 : 0);
      case '>=':
        return (env) => (env.pre.vars[i]! >= c ? 1 : 0);
      case '+':
        return (env) => {
          const x = env.pre.vars[i]!;
          return checkedResult(x + c, x, c, '+', at);
        };
      case '-':
        return (env) => {
          const x = env.pre.vars[i]!;
          return checkedResult(x - c, x, c, '-', at);
        };
    }
    return null;
  }
  switch (node.op) {
    case '==':
      return (env) => (a(env) === c ? 1 : 0);
    case '!=':
      return (env) => (a(env) !== c ? 1 : 0);
    case '<':
      return (env) => (a(env) < c ? 1 : 0);
    case '<=':
      return (env) => (a(env) <= c ? 1 : 0);
    case '>':
      return (env) => (a(env) > c ? 1 : 0);
    case '>=':
      return (env) => (a(env) >= c ? 1 : 0);
    case '+':
      return (env) => {
        const x = a(env);
        return checkedResult(x + c, x, c, '+', at);
      };
    case '-':
      return (env) => {
        const x = a(env);
        return checkedResult(x - c, x, c, '-', at);
      };
    case '%':
      if (c === 0) return null; // the general form reports the remainder by zero
      return (env) => (a(env) % c) + 0;
  }
  return null;
}

function binary(node: Expr & { kind: 'binary' }, a: Evaluator, b: Evaluator): Evaluator {
  const at = node.opStart ?? node.start;
  switch (node.op) {
    // Logical operators skip the right operand when the left decides (left to right, §2).
    case '&&':
      return (env) => (a(env) === 0 ? 0 : b(env));
    case '||':
      return (env) => (a(env) !== 0 ? 1 : b(env));
    case '=>':
      return (env) => (a(env) === 0 ? 1 : b(env));
    case '==':
      return (env) => (a(env) === b(env) ? 1 : 0);
    case '!=':
      return (env) => (a(env) !== b(env) ? 1 : 0);
    case '<':
      return (env) => (a(env) < b(env) ? 1 : 0);
    case '<=':
      return (env) => (a(env) <= b(env) ? 1 : 0);
    case '>':
      return (env) => (a(env) > b(env) ? 1 : 0);
    case '>=':
      return (env) => (a(env) >= b(env) ? 1 : 0);
    case '+':
      return (env) => {
        const x = a(env);
        const y = b(env);
        return checkedResult(x + y, x, y, '+', at);
      };
    case '-':
      return (env) => {
        const x = a(env);
        const y = b(env);
        return checkedResult(x - y, x, y, '-', at);
      };
    case '*':
      return (env) => {
        const x = a(env);
        const y = b(env);
        return checkedResult(x * y, x, y, '*', at);
      };
    case '/':
      return (env) => {
        const x = a(env);
        const y = b(env);
        if (y === 0) throw new EvaluationError(`division by zero (${x} / 0)`, at);
        // JS % is exact and keeps the dividend's sign, so x - r is an exact multiple of y and the
        // quotient below is exact: truncation toward zero without floating-point rounding.
        const r = x % y;
        return (x - r) / y + 0;
      };
    case '%':
      return (env) => {
        const x = a(env);
        const y = b(env);
        if (y === 0) throw new EvaluationError(`remainder by zero (${x} % 0)`, at);
        return (x % y) + 0;
      };
  }
}
