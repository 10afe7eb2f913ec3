import type { CheckResultV2 } from '../../engine/v2/result';
import type { ModelV2 } from '../../model/v2/model';
import { startCheckV2 } from '../../worker/checkClientV2';
import type { CheckRunner } from '../../worker/checkClient';
import type { ValidatedDesignV2 } from '../../worker/protocol';
import { createCheckStore, type CheckStore } from '../check';
import { composeRoleOverlay, coverageByRole, type CoverageMarks, type RoleOverlayStore } from './roleOverlay';
import { identityOfRunKey } from './runKey';
import { createSimulationStoreV2, type SimulationStoreV2 } from './runSimulation';

export type CheckStoreV2 = CheckStore<ValidatedDesignV2, CheckResultV2>;

/**
 * The Simulate and Check stores of one version-2 editor, shared by both modes (Check's Replay
 * loads the Simulate run). They hang off the editor's overlay store (one per editor, handed to
 * both views), and keep that overlay composed from the run and the check's coverage.
 */
export interface RunStoresV2 {
  readonly simulation: SimulationStoreV2;
  readonly check: CheckStoreV2;
}

const byOverlay = new WeakMap<RoleOverlayStore, RunStoresV2>();

let runnerOverride: CheckRunner<ValidatedDesignV2, CheckResultV2> | null = null;
/** Lets tests run checks without a worker. */
export function setCheckRunnerV2ForTests(runner: CheckRunner<ValidatedDesignV2, CheckResultV2> | null): void {
  runnerOverride = runner;
}

export function runStoresV2Of(overlay: RoleOverlayStore): RunStoresV2 {
  let stores = byOverlay.get(overlay);
  if (!stores) {
    const simulation = createSimulationStoreV2();
    const check: CheckStoreV2 = createCheckStore<ValidatedDesignV2, CheckResultV2>((design, limits) => (runnerOverride ?? startCheckV2)(design, limits));
    stores = { simulation, check };
    byOverlay.set(overlay, stores);
    // The overlay is derived: recomposed whenever the run or the check result changes.
    let coverage: { result: CheckResultV2; model: ModelV2; marks: ReadonlyMap<string, CoverageMarks> } | null = null;
    const compose = () => {
      const { run, runKey } = simulation.getState();
      const c = check.getState();
      let marks: ReadonlyMap<string, CoverageMarks> | null = null;
      if (run && c.result && runKey !== null && c.identity === identityOfRunKey(runKey)) {
        if (coverage?.result !== c.result || coverage.model !== run.model) {
          coverage = { result: c.result, model: run.model, marks: coverageByRole(run.model, c.result.coverage.states.unreached, c.result.coverage.transitions.unreached) };
        }
        marks = coverage.marks;
      }
      overlay.setState({ roles: composeRoleOverlay(run, marks) });
    };
    simulation.subscribe((s, prev) => {
      if (s.run !== prev.run) compose();
    });
    check.subscribe((s, prev) => {
      if (s.result !== prev.result || s.identity !== prev.identity) compose();
    });
  }
  return stores;
}
