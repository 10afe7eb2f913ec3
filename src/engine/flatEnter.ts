import type { EvalEnv, Model, TransitionModel } from '../model/model';
import type { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';

/**
 * A transition's updates and its entry into its target on a flat vector, as one closure made
 * once per transition (`enterPlans`): the updates are evaluated simultaneously (all read `env`,
 * the vector before any write), range-checked against bounds fixed when the closure is made,
 * and written through the journal with the target state. False when it violated (eval-error of
 * the first failing update; out-of-range of every update outside its type), nothing written.
 * Transitions of up to two updates keep their values in locals; more go through one loop.
 */
export type EnterPlan = (v: Int32Array, env: EvalEnv) => boolean;

/** Where a plan reports its violations (`FlatStepper`). */
export interface EnterViolations {
  updateError(t: TransitionModel, k: number, error: unknown): void;
  outOfRange(t: TransitionModel, k: number, x: number): void;
}

/** Per var, the bounds of `inType`: an int's range, a bool's 0..1, an enum's indices (whole numbers: `whole` 1). */
export function bounds(model: Model, i: number): readonly [lo: number, hi: number, whole: number] {
  const type = model.vars[i]!.type;
  return type.kind === 'int' ? [type.lo, type.hi, 0] : [0, type.kind === 'bool' ? 1 : type.values.length - 1, 1];
}

const inRange = (x: number, lo: number, hi: number, whole: number): boolean => x >= lo && x <= hi && (whole === 0 || Number.isInteger(x));

export function enterPlans(model: Model, L: F.FlatLayout, j: FlatFingerprint, out: EnterViolations): EnterPlan[] {
  return model.transitions.map((t) => enterPlan(model, L, j, out, t));
}

function enterPlan(model: Model, L: F.FlatLayout, j: FlatFingerprint, out: EnterViolations, t: TransitionModel): EnterPlan {
  const to = t.to, us = t.updates;
  if (us.length === 0)
    return (v) => {
      j.set(v, F.STATE, to);
      return true;
    };
  if (us.length === 1) {
    const e0 = us[0]!.expr.evaluate, s0 = L.vars + us[0]!.var;
    const [lo0, hi0, w0] = bounds(model, us[0]!.var);
    return (v, env) => {
      let x0: number;
      try {
        x0 = e0(env);
      } catch (error) {
        out.updateError(t, 0, error);
        return false;
      }
      if (!inRange(x0, lo0, hi0, w0)) {
        out.outOfRange(t, 0, x0);
        return false;
      }
      j.set(v, F.STATE, to);
      j.set(v, s0, x0);
      return true;
    };
  }
  if (us.length === 2) {
    const e0 = us[0]!.expr.evaluate, s0 = L.vars + us[0]!.var, e1 = us[1]!.expr.evaluate, s1 = L.vars + us[1]!.var;
    const [lo0, hi0, w0] = bounds(model, us[0]!.var), [lo1, hi1, w1] = bounds(model, us[1]!.var);
    return (v, env) => {
      let x0: number, x1: number, k = 0;
      try {
        x0 = e0(env);
        k = 1;
        x1 = e1(env);
      } catch (error) {
        out.updateError(t, k, error);
        return false;
      }
      const ok0 = inRange(x0, lo0, hi0, w0), ok1 = inRange(x1, lo1, hi1, w1);
      if (!ok0 || !ok1) {
        if (!ok0) out.outOfRange(t, 0, x0);
        if (!ok1) out.outOfRange(t, 1, x1);
        return false;
      }
      j.set(v, F.STATE, to);
      j.set(v, s0, x0);
      j.set(v, s1, x1);
      return true;
    };
  }
  const n = us.length;
  const evals = us.map((u) => u.expr.evaluate), slots = Int32Array.from(us, (u) => L.vars + u.var);
  const b = us.map((u) => bounds(model, u.var));
  const lo = Float64Array.from(b, (x) => x[0]), hi = Float64Array.from(b, (x) => x[1]), whole = Uint8Array.from(b, (x) => x[2]);
  const xs = new Float64Array(n);
  return (v, env) => {
    let k = 0;
    try {
      for (; k < n; k++) xs[k] = evals[k]!(env);
    } catch (error) {
      out.updateError(t, k, error);
      return false;
    }
    let ok = true;
    for (k = 0; k < n; k++) {
      if (inRange(xs[k]!, lo[k]!, hi[k]!, whole[k]!)) continue;
      ok = false;
      out.outOfRange(t, k, xs[k]!);
    }
    if (!ok) return false;
    j.set(v, F.STATE, to);
    for (k = 0; k < n; k++) j.set(v, slots[k]!, xs[k]!);
    return true;
  };
}
