import type { EvalEnv, InvariantModel } from '../model/model';
import { evaluationMessage } from './select';
import type { Violation } from './violation';

/** The fast stepper's violations (`flatStep.ts`), built only when something is violated. */

/** Shared and never written: a check that found nothing returns it instead of a new array. */
export const NO_VIOLATIONS: Violation[] = [];
export const NO_INVARIANTS: readonly InvariantModel[] = [];

/** A replay violation; the report's detail is the readable engine's (`report.ts` re-executes every trace). */
export function replayViolation(event: string, r: number): Violation {
  return { kind: 'replay', name: event, detail: `${event}#${r} processed again differs from its first processing`, step: true };
}

/** Evaluates one invariant; returns `out`, or a new array with the violation when `out` was the shared empty one. */
export function checkInvariant(inv: InvariantModel, env: EvalEnv, out: Violation[]): Violation[] {
  let v: Violation | null = null;
  try {
    if (inv.expr.evaluate(env) === 0) v = { kind: 'invariant', name: inv.name, detail: `\`${inv.expr.text}\` is false`, step: false };
  } catch (error) {
    v = { kind: 'eval-error', name: inv.name, detail: evaluationMessage(error, inv.expr.text), step: false };
  }
  if (v === null) return out;
  if (out === NO_VIOLATIONS) out = [];
  out.push(v);
  return out;
}
