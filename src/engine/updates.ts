import { showValue, type EvalEnv, type Model, type TransitionModel, type ValueType } from '../model/model';
import { evaluationMessage } from './select';
import type { Violation } from './violation';

/**
 * Evaluates a transition's updates as one simultaneous assignment (§1): every right-hand side
 * reads the configuration before the step. Returns the new vars, or the step violations:
 * `eval-error` named by the transition, `out-of-range` once per var that leaves its type.
 */
export type UpdateResult =
  | { readonly ok: true; readonly vars: number[] }
  | { readonly ok: false; readonly violations: Violation[]; readonly vars: number[] | null };

export function evaluateUpdates(model: Model, t: TransitionModel, vars: readonly number[], env: EvalEnv): UpdateResult {
  const next = vars.slice();
  for (const u of t.updates) {
    try {
      next[u.var] = u.expr.evaluate(env);
    } catch (error) {
      const detail = `update of ${model.vars[u.var]!.name}: ${evaluationMessage(error, u.expr.text)}`;
      return { ok: false, violations: [{ kind: 'eval-error', name: t.name, detail, step: true }], vars: null };
    }
  }
  const violations: Violation[] = [];
  for (const u of t.updates) {
    const v = model.vars[u.var]!;
    const value = next[u.var]!;
    if (!inType(v.type, value)) {
      violations.push({ kind: 'out-of-range', name: v.name, detail: `${t.name} sets ${v.name} to ${value}, outside ${showType(v.type)}`, step: true });
    }
  }
  return violations.length === 0 ? { ok: true, vars: next } : { ok: false, violations, vars: next };
}

export function inType(type: ValueType, value: number): boolean {
  switch (type.kind) {
    case 'int':
      return value >= type.lo && value <= type.hi;
    case 'bool':
      return value === 0 || value === 1;
    case 'enum':
      return Number.isInteger(value) && value >= 0 && value < type.values.length;
  }
}

function showType(type: ValueType): string {
  switch (type.kind) {
    case 'int':
      return `${type.lo}..${type.hi}`;
    case 'bool':
      return 'bool';
    case 'enum':
      return `{${type.values.join(', ')}}`;
  }
}

/** A var's value as people read it. */
export function showVar(model: Model, index: number, value: number): string {
  return String(showValue(model.vars[index]!.type, value));
}
