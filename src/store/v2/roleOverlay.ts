import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelV2 } from '../../model/v2/model';
import { currentPointV2, enabledV2, lastStepV2, type RunV2 } from './runValue';
import { roleTransition } from './runView';

/**
 * What Simulate and Check draw over the role canvases of a version-2 design. Written by the run
 * views (`src/ui/v2/run`), read by the canvases (`src/ui/v2/canvas`). Session data: never saved,
 * never in the design's history.
 */
export interface RoleOverlay {
  /** State name → the instances in it, as people read them (`RM[2]`, `TM`). */
  readonly instancesIn: ReadonlyMap<string, readonly string[]>;
  /** Index in the role's `transitions` of the last step's transition, if it was this role's. */
  readonly lastTransition?: number;
  /** Indexes in the role's `transitions` that some enabled step takes. */
  readonly enabledTransitions: ReadonlySet<number>;
  /** States and transitions (indexes) the last exhaustive check never reached. */
  readonly dimmedStates: readonly string[];
  readonly dimmedTransitions: readonly number[];
}

export interface RoleOverlayState {
  /** Role name → its overlay; a role without one is drawn plain. */
  readonly roles: ReadonlyMap<string, RoleOverlay>;
  /** When set, clicking a transition on a role canvas calls this instead of selecting it. */
  readonly onTransitionClick?: (role: string, transition: number) => void;
}

export type RoleOverlayStore = StoreApi<RoleOverlayState>;

export const emptyRoleOverlay: RoleOverlayState = { roles: new Map() };

export function createRoleOverlayStore(): RoleOverlayStore {
  return createStore<RoleOverlayState>()(() => emptyRoleOverlay);
}

/** What a check leaves on the canvases: per role, the states and transitions it never reached. */
export interface CoverageMarks {
  readonly dimmedStates: readonly string[];
  readonly dimmedTransitions: readonly number[];
}

/**
 * A check's coverage per role, from the result's names (`Role.state`; transitions by name, `id`
 * else `Role#k`) matched against the model the run uses.
 */
export function coverageByRole(model: ModelV2, unreachedStates: readonly string[], unreachedTransitions: readonly string[]): ReadonlyMap<string, CoverageMarks> {
  const out = new Map<string, CoverageMarks>();
  const transitions = new Set(unreachedTransitions);
  for (const role of model.roles) {
    const prefix = `${role.name}.`;
    out.set(role.name, {
      dimmedStates: unreachedStates.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length)),
      dimmedTransitions: role.transitions.flatMap((t, i) => (transitions.has(t.name) ? [i] : [])),
    });
  }
  return out;
}

/** The overlay of every role: where the run stands (instances, last step, enabled steps) and what the check never reached. */
export function composeRoleOverlay(run: RunV2 | null, coverage: ReadonlyMap<string, CoverageMarks> | null): ReadonlyMap<string, RoleOverlay> {
  const roles = new Map<string, RoleOverlay>();
  const model = run?.model;
  if (!model) return roles;
  const point = currentPointV2(run);
  const last = lastStepV2(run);
  const lastAt = last ? roleTransition(model, last.transition) : { role: -1, index: -1 };
  const enabled = enabledV2(run);
  for (const role of model.roles) {
    const instancesIn = new Map<string, string[]>();
    for (let local = 0; local < role.instances; local++) {
      const state = role.states[point.vector[role.bases[local]! + role.stateSlot]!]!.name;
      const list = instancesIn.get(state) ?? [];
      list.push(model.instances[role.first + local]!.name);
      instancesIn.set(state, list);
    }
    const enabledTransitions = new Set<number>();
    for (const e of enabled) {
      const at = roleTransition(model, e.step.transition);
      if (at.role === role.index) enabledTransitions.add(at.index);
    }
    const marks = coverage?.get(role.name);
    roles.set(role.name, {
      instancesIn,
      ...(lastAt.role === role.index ? { lastTransition: lastAt.index } : {}),
      enabledTransitions,
      dimmedStates: marks?.dimmedStates ?? [],
      dimmedTransitions: marks?.dimmedTransitions ?? [],
    });
  }
  return roles;
}
