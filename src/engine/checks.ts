import { derived } from '../model/derived';
import type { EvalEnv, InvariantModel, Model } from '../model/model';
import type { Configuration } from './configuration';
import { isQuiescent } from './enabled';
import { frameOf } from './frame';
import { evaluationMessage } from './select';
import type { Violation } from './violation';

/**
 * The configuration checks of MODEL.md §6: every state invariant, and the deadlock check (only
 * when some state is final and the check is on). `quiescent` may be passed when the caller
 * already knows it.
 */
export function checkConfiguration(model: Model, config: Configuration, quiescent?: boolean): Violation[] {
  const violations: Violation[] = [];
  const states = stateInvariants(model);
  if (states.length > 0) {
    const env: EvalEnv = { pre: frameOf(model, config, readsObservables(states)), post: null, payload: NO_PAYLOAD };
    for (const inv of states) checkInvariant(inv, env, violations);
  }
  if (model.environment.deadlock && model.hasFinal && !model.states[config.state]!.final) {
    if (quiescent ?? isQuiescent(model, config)) {
      const name = model.states[config.state]!.name;
      violations.push({ kind: 'deadlock', name, detail: `nothing is left to do but faults, and ${name} is not final`, step: false });
    }
  }
  return violations;
}

/**
 * The step checks across a step that produced `after`: every top-level step invariant, and the
 * invariants of the transition the step took (with `event.F` read from the processed payload).
 */
export function checkStep(
  model: Model,
  before: Configuration,
  after: Configuration,
  taken: InvariantModel[] | readonly InvariantModel[],
  payload: readonly number[],
): Violation[] {
  const steps = stepInvariants(model);
  if (steps.length === 0 && taken.length === 0) return [];
  const observables = readsObservables(steps) || readsObservables(taken);
  const env: EvalEnv = { pre: frameOf(model, before, observables), post: frameOf(model, after, observables), payload };
  const violations: Violation[] = [];
  for (const inv of steps) checkInvariant(inv, env, violations);
  for (const inv of taken) checkInvariant(inv, env, violations);
  return violations;
}

function checkInvariant(inv: InvariantModel, env: EvalEnv, out: Violation[]): void {
  try {
    if (inv.expr.evaluate(env) === 0) out.push({ kind: 'invariant', name: inv.name, detail: `\`${inv.expr.text}\` is false`, step: false });
  } catch (error) {
    out.push({ kind: 'eval-error', name: inv.name, detail: evaluationMessage(error, inv.expr.text), step: false });
  }
}

const NO_PAYLOAD: readonly number[] = [];

// The split of top-level invariants by kind, computed once per model.
const kinds = derived((model: Model): { state: InvariantModel[]; step: InvariantModel[] } => ({
  state: model.invariants.filter((i) => i.kind === 'state'),
  step: model.invariants.filter((i) => i.kind === 'step'),
}));

export function stateInvariants(model: Model): InvariantModel[] {
  return kinds(model).state;
}

export function stepInvariants(model: Model): InvariantModel[] {
  return kinds(model).step;
}

function readsObservables(invariants: readonly InvariantModel[]): boolean {
  return invariants.some((i) => i.expr.readsObservables);
}
