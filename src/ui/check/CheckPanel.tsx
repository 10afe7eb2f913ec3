import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { createSession } from '../../store/simulationAdapter';
import type { ViolationView } from '../../store/checkTypes';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { runKey, semanticText } from '../simulate/designText';
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
  const text = useMemo(() => (load.ok ? semanticText(design) : null), [design, load]);
  const documentId = useDocumentId();
  const result = useStore(check, (s) => s.result);
  const resultText = useStore(check, (s) => s.designText);

  useEffect(() => {
    // Simulate's highlight does not belong here; unreached elements of a current result do.
    const dim = result && resultText === text ? dimmedOf(result, design) : { dimmedStates: [], dimmedTransitions: [] };
    overlay.setState({ activeState: undefined, activeTransition: undefined, onTransitionClick: undefined, ...dim });
  }, [overlay, result, resultText, text, design]);
  useEffect(() => () => overlay.setState({ dimmedStates: [], dimmedTransitions: [] }), [overlay]);

  const fresh = result !== null && resultText === text && text !== null;
  const recheckText = fresh && needsRecheck(result) ? withoutReplayCheck(text) : null;
  const recheckedText = useStore(recheck, (s) => s.designText);
  useEffect(() => {
    // Once per result: the same design with the replay check off.
    if (recheckText !== null && recheckedText !== recheckText) void recheck.getState().start(recheckText);
  }, [recheck, recheckText, recheckedText]);

  const replay = (v: ViolationView) => {
    if (!load.ok || text === null) return;
    const sim = simulation.getState();
    const key = runKey(documentId, text);
    if (sim.session === null || sim.designText !== key) sim.open(createSession(load.model), key);
    simulation.getState().loadAtStart(v.trace.map((t) => t.label));
    onShowSimulate?.();
  };

  /** Replays a trace of the second check: the run uses the design with the replay check off. */
  const replayWithoutReplayCheck = (v: ViolationView) => {
    if (recheckText === null) return;
    const loaded = loadDesignValue(JSON.parse(recheckText));
    if (!loaded.ok) return;
    // Keyed by the current design, so Simulate keeps this run until the design changes.
    simulation.getState().open(createSession(loaded.model), runKey(documentId, text!));
    simulation.getState().loadAtStart(v.trace.map((t) => t.label));
    simulation.setState({ notice: `Replaying with the replay check off, so that your invariant "${v.name}" is checked after every step.` });
    onShowSimulate?.();
  };

  return (
    <section aria-label="Check">
      <h2 style={{ margin: '8px 10px 0' }}>Check</h2>
      <CheckView store={check} designText={text} onReplay={replay} />
      {recheckText !== null && result && (
        <div style={{ padding: '0 10px 10px' }}>
          <RecheckSection result={result} recheck={recheck} onReplay={replayWithoutReplayCheck} />
        </div>
      )}
    </section>
  );
}
