import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { startRun } from '../../engine/run';
import type { ViolationReport } from '../../engine/result';
import { handoff } from '../../model/handoff';
import { loadDesignValue } from '../../model/load';
import type { Model } from '../../model/model';
import type { SimulationStore } from '../../store/simulation';
import type { RunStores } from '../../store/simulationStores';
import { CheckView } from './CheckView';
import { needsRecheck, withoutReplayCheck } from './recheck';
import { RecheckSection } from './RecheckSection';

interface Props {
  /** Version 1's Simulate and Check stores (of a version-1 editor, or of a version-2 design with clients). */
  readonly stores: RunStores;
  /** The model checked, or null when the design does not load (nothing to check). */
  readonly model: Model | null;
  /** What Simulate's run belongs to (the document and the design's identity). */
  readonly runKey: string;
  /** Switches the editor to Simulate mode (Replay loads the trace there first). */
  readonly onShowSimulate?: (() => void) | undefined;
}

/**
 * A check of a version-1 model in the worker (a version-1 design, or a version-2 design with
 * clients lowered to one): the Check view, Replay of a trace into Simulate, and under a replay
 * violation the second check with the replay check off.
 */
export function CheckSession({ stores, model, runKey, onShowSimulate }: Props) {
  const { check, simulation, recheck } = stores;
  const validated = useMemo(() => (model ? handoff(model) : null), [model]);
  const result = useStore(check, (s) => s.result);
  const resultIdentity = useStore(check, (s) => s.identity);
  const fresh = result !== null && validated !== null && resultIdentity === validated.identity;
  // The same design with the replay check off, once per result that needs it.
  const recheckModel = useMemo(() => {
    if (!fresh || !needsRecheck(result) || !model) return null;
    const loaded = loadDesignValue(withoutReplayCheck(model.design));
    return loaded.ok ? loaded.model : null;
  }, [fresh, result, model]);
  const recheckIdentity = useStore(recheck, (s) => s.identity);
  useEffect(() => {
    if (recheckModel === null) return;
    const next = handoff(recheckModel);
    if (recheckIdentity !== next.identity) void recheck.getState().start(next);
  }, [recheck, recheckModel, recheckIdentity]);

  /** Replays a trace of the second check: the run uses the design with the replay check off. */
  const replayWithoutReplayCheck = (v: ViolationReport) => {
    if (recheckModel === null) return;
    // Keyed by the current design, so Simulate keeps this run until the design changes.
    replayInSimulate(simulation, recheckModel, runKey, v.trace.map((t) => t.label), true);
    simulation.setState({ notice: `Replaying with the replay check off, so that your invariant "${v.name}" is checked after every step.` });
    onShowSimulate?.();
  };
  const replayLabels = (labels: readonly string[]) => {
    if (!model) return;
    replayInSimulate(simulation, model, runKey, labels, false);
    onShowSimulate?.();
  };
  const replay = (v: ViolationReport) => replayLabels(v.trace.map((t) => t.label));

  return (
    <>
      <CheckView store={check} design={validated} onReplay={replay} onReplayLabels={replayLabels} />
      {recheckModel !== null && result && (
        <div style={{ padding: '0 10px 10px' }}>
          <RecheckSection result={result} recheck={recheck} onReplay={replayWithoutReplayCheck} />
        </div>
      )}
    </>
  );
}

/** Loads a trace at its start into a run of `model`: Simulate's own run when it belongs to `runKey`, else (or with `reopen`) a new one. */
function replayInSimulate(simulation: SimulationStore, model: Model, runKey: string, labels: readonly string[], reopen: boolean): void {
  const sim = simulation.getState();
  if (reopen || sim.run === null || sim.runKey !== runKey) sim.open(startRun(model), runKey);
  simulation.getState().loadAtStart(labels);
}
