import type { ModelV2 } from '../../model/v2/model';
import type { ViolationV2 } from './stepTypes';

/**
 * The deadlock of a configuration with nothing left to do (docs/format-v2.md §9), if some instance
 * that is up is not in a final state. A stopped instance (`"afterCrash": "stop"`, down for good) is
 * not expected to finish; the others blocked by it are the deadlock (two-phase commit's resource
 * managers waiting for a coordinator that failed), and the detail names the stopped ones.
 */
export function deadlockOf(model: ModelV2, vec: Float64Array): ViolationV2 | null {
  // Only roles that declare final states are expected to reach one; the others serve forever.
  const stuck = model.instances.find((inst) => {
    const role = model.roles[inst.role]!;
    return role.states.some((s) => s.final) && !stopped(model, vec, inst.role, inst.base) && !role.states[vec[inst.base + role.stateSlot]!]!.final;
  });
  if (!stuck) return null;
  const role = model.roles[stuck.role]!;
  const state = role.states[vec[stuck.base + role.stateSlot]!]!.name;
  const down = model.instances.filter((inst) => stopped(model, vec, inst.role, inst.base)).map((inst) => inst.name);
  const cause = down.length === 0 ? '' : ` (${down.join(', ')} ${down.length === 1 ? 'has' : 'have'} crashed and never restart${down.length === 1 ? 's' : ''})`;
  return { kind: 'deadlock', name: stuck.name, detail: `Nothing is left to do but ${stuck.name} is in ${state}, which is not final${cause}.`, step: false };
}

function stopped(model: ModelV2, vec: Float64Array, roleIndex: number, base: number): boolean {
  const role = model.roles[roleIndex]!;
  return role.stops && vec[base + role.modeSlot] === 1;
}
