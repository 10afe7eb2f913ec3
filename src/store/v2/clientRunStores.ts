import { designIdentity } from '../../model/designIdentity';
import type { Run } from '../../engine/run';
import { lastTransition, runView } from '../../engine/runView';
import type { CheckResult } from '../../engine/result';
import type { Design } from '../../model/schema';
import { createRunStores, type RunStores } from '../simulationStores';
import type { RoleOverlay, RoleOverlayStore } from './roleOverlay';

/**
 * The Simulate and Check stores of a version-2 design with clients (docs/format-v2.md §13). Such
 * a design runs as its lowered version-1 model, so these are version 1's stores (its run value,
 * its worker, its replay re-check) and nothing is restated; what is added here is the drawing:
 * the run and the check's coverage go onto the one role's canvas through the editor's overlay.
 */
export interface ClientRunStores extends RunStores {
  /** Names the role the lowered model stands for: the overlay is drawn on its canvas. */
  readonly drawOn: (role: string) => void;
}

const byOverlay = new WeakMap<RoleOverlayStore, ClientRunStores>();

export function clientRunStoresOf(overlay: RoleOverlayStore): ClientRunStores {
  let stores = byOverlay.get(overlay);
  if (stores) return stores;
  const run = createRunStores();
  let role: string | null = null;
  const compose = () => {
    const r = run.simulation.getState().run;
    const c = run.check.getState();
    if (!r || role === null) return;
    const current = c.result !== null && c.identity === designIdentity(r.model.design);
    overlay.setState({ roles: new Map([[role, clientRoleOverlay(r, role, current ? c.result : null)]]) });
  };
  run.simulation.subscribe((s, prev) => {
    if (s.run !== prev.run) compose();
  });
  run.check.subscribe((s, prev) => {
    if (s.result !== prev.result || s.identity !== prev.identity) compose();
  });
  stores = {
    ...run,
    drawOn: (name) => {
      role = name;
      compose();
    },
  };
  byOverlay.set(overlay, stores);
  return stores;
}

/**
 * The role's overlay from version 1's run: its one instance (named as the role) in the current
 * state, the last transition, the transitions enabled steps take, and what `result` never reached.
 * Transition indexes are the role's: the lowered design keeps its transitions in order.
 */
export function clientRoleOverlay(run: Run, role: string, result: Pick<CheckResult, 'coverage'> | null): RoleOverlay {
  const view = runView(run);
  const last = lastTransition(run);
  const dimmed = result ? unreachedOf(result, run.model.design) : { dimmedStates: [], dimmedTransitions: [] };
  return {
    instancesIn: new Map([[view.state, [role]]]),
    ...(last !== null ? { lastTransition: last } : {}),
    enabledTransitions: new Set(view.steps.flatMap((s) => (s.transition === undefined ? [] : [s.transition]))),
    ...dimmed,
  };
}

/** Version 1's coverage names (states as they are, transitions by `id`: the lowering gives every one an id) as the canvas dims them. */
function unreachedOf(result: Pick<CheckResult, 'coverage'>, design: Design): { dimmedStates: string[]; dimmedTransitions: number[] } {
  const ids = new Set(result.coverage.transitions.unreached);
  return {
    dimmedStates: [...result.coverage.states.unreached],
    dimmedTransitions: design.transitions.flatMap((t, i) => (t.id !== undefined && ids.has(t.id) ? [i] : [])),
  };
}
