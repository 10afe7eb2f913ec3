import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { startRun } from '../../engine/run';
import type { ViolationReport } from '../../engine/result';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { handoff } from '../../model/handoff';
import { runKey } from '../simulate/runKey';
import { useDocumentId } from '../simulate/useDocumentId';
import { useRunStores } from '../simulate/useRunStores';
import { loadDesignValue } from '../../model/load';
import { CheckView } from './CheckView';
import { needsRecheck, withoutReplayCheck } from './recheck';
import { RecheckSection } from './RecheckSection';
import { dimmedOf } from './coverageOverlay';

interface Props {
  /** Switches the editor to Simulate mode (Replay loads the violation's trace there first). */
  readonly onShowSimulate?: () => void;
}

/** Check mode: runs the explorer in the worker; Replay hands a trace to Simulate; coverage dims the canvas. */
export function CheckPanel({ onShowSimulate }: Props) {
  const { check, simulation, recheck } = useRunStores();
  const overlay = useCanvasOverlayStore();
  const design = useDesign();
  const load = useLoadResult();
  const validated = useMemo(() => (load.ok ? handoff(load.model) : null), [load]);
  const documentId = useDocumentId();
  const result = useStore(check, (s) => s.result);
  const resultIdentity = useStore(check, (s) => s.identity);

  useEffect(() => {
    // Simulate's highlight does not belong here; unreached elements of a current result do.
    const dim = result && resultIdentity === validated?.identity ? dimmedOf(result, design) : { dimmedStates: [], dimmedTransitions: [] };
    overlay.setState({ activeState: undefined, activeTransition: undefined, onTransitionClick: undefined, ...dim });
  }, [overlay, result, resultIdentity, validated, design]);
  useEffect(() => () => overlay.setState({ dimmedStates: [], dimmedTransitions: [] }), [overlay]);

  const fresh = result !== null && validated !== null && resultIdentity === validated.identity;
  // The same design with the replay check off, once per result that needs it.
  const recheckModel = useMemo(() => {
    if (!fresh || !needsRecheck(result)) return null;
    const loaded = loadDesignValue(withoutReplayCheck(design));
    return loaded.ok ? loaded.model : null;
  }, [fresh, result, design]);
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
    simulation.getState().open(startRun(recheckModel), runKey(documentId, design));
    simulation.getState().loadAtStart(v.trace.map((t) => t.label));
    simulation.setState({ notice: `Replaying with the replay check off, so that your invariant "${v.name}" is checked after every step.` });
    onShowSimulate?.();
  };

  const replayLabels = (labels: readonly string[]) => {
    if (!load.ok) return;
    const sim = simulation.getState();
    const key = runKey(documentId, design);
    if (sim.run === null || sim.runKey !== key) sim.open(startRun(load.model), key);
    simulation.getState().loadAtStart(labels);
    onShowSimulate?.();
  };
  const replay = (v: ViolationReport) => replayLabels(v.trace.map((t) => t.label));

  return (
    <section aria-label="Check">
      <h2 style={{ margin: '8px 10px 0' }}>Check</h2>
      <CheckView store={check} design={validated} onReplay={replay} onReplayLabels={replayLabels} />
      {recheckModel !== null && result && (
        <div style={{ padding: '0 10px 10px' }}>
          <RecheckSection result={result} recheck={recheck} onReplay={replayWithoutReplayCheck} />
        </div>
      )}
    </section>
  );
}
