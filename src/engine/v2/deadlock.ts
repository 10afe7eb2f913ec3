import type { ModelV2 } from '../../model/v2/model';
import type { ViolationV2 } from './stepTypes';

/** The deadlock of a configuration with nothing left to do, if some instance is not in a final state. */
export function deadlockOf(model: ModelV2, vec: Float64Array): ViolationV2 | null {
  // Only roles that declare final states are expected to reach one; the others serve forever.
  const stuck = model.instances.find((inst) => {
    const role = model.roles[inst.role]!;
    return role.states.some((s) => s.final) && !role.states[vec[inst.base + role.stateSlot]!]!.final;
  });
  if (!stuck) return null;
  const role = model.roles[stuck.role]!;
  const state = role.states[vec[stuck.base + role.stateSlot]!]!.name;
  return { kind: 'deadlock', name: stuck.name, detail: `Nothing is left to do but ${stuck.name} is in ${state}, which is not final.`, step: false };
}
