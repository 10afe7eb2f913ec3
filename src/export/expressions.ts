import type { Expr } from '../model/ast';
import { parseExpression } from '../model/expr/parser';
import type { CompiledExpr, InvariantModel, Model, TransitionModel, VarModel } from '../model/model';

/**
 * Every expression of a loaded design as a syntax tree, for the exporters: they translate trees,
 * never paste expression text into generated code. The model has already checked every
 * expression, so a parse failure here is a bug.
 */

export interface ParsedInvariant {
  readonly model: InvariantModel;
  readonly expr: Expr;
}

export interface ParsedTransition {
  readonly model: TransitionModel;
  readonly guard: Expr | null;
  readonly updates: readonly { readonly target: VarModel; readonly expr: Expr }[];
  readonly invariants: readonly ParsedInvariant[];
}

export interface ParsedDesign {
  readonly model: Model;
  readonly transitions: readonly ParsedTransition[];
  /** Top-level invariants, in document order. */
  readonly invariants: readonly ParsedInvariant[];
}

function tree(compiled: CompiledExpr): Expr {
  const result = parseExpression(compiled.text);
  if (!result.ok) throw new Error(`bug: a loaded expression does not parse (${compiled.path}): ${result.error.message}`);
  return result.expr;
}

export function parseDesign(model: Model): ParsedDesign {
  return {
    model,
    transitions: model.transitions.map((t) => ({
      model: t,
      guard: t.guard ? tree(t.guard) : null,
      updates: t.updates.map((u) => ({ target: model.vars[u.var]!, expr: tree(u.expr) })),
      invariants: t.invariants.map((i) => ({ model: i, expr: tree(i.expr) })),
    })),
    invariants: model.invariants.map((i) => ({ model: i, expr: tree(i.expr) })),
  };
}

/** Does the tree contain a node for which `test` holds? */
export function someNode(expr: Expr, test: (e: Expr) => boolean): boolean {
  if (test(expr)) return true;
  switch (expr.kind) {
    case 'unary':
      return someNode(expr.operand, test);
    case 'binary':
      return someNode(expr.left, test) || someNode(expr.right, test);
    case 'conditional':
      return someNode(expr.test, test) || someNode(expr.then, test) || someNode(expr.otherwise, test);
    case 'call':
      return expr.args.some((a) => someNode(a, test));
    default:
      return false;
  }
}
