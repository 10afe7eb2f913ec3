import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { createSession } from '../../store/simulationAdapter';
import type { ViolationReport } from '../../engine/result';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { handoff } from '../../model/handoff';
import { runKey } from '../simulate/runKey';
import { useDocumentId } from '../simulate/useDocumentId';
import { useRunStores } from '../simulate/useRunStores';
import { CheckView } from './CheckView';
import { dimmedOf } from './coverageOverlay';

interface Props {
  /** Switches the editor to Simulate mode (Replay loads the violation's trace there first). */
  readonly onShowSimulate?: () => void;
}

/** Check mode: runs the explorer in the worker; Replay hands a trace to Simulate; coverage dims the canvas. */
export function CheckPanel({ onShowSimulate }: Props) {
  const { check, simulation } = useRunStores();
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

  const replay = (v: ViolationReport) => {
    if (!load.ok) return;
    const sim = simulation.getState();
    const key = runKey(documentId, design);
    if (sim.session === null || sim.designText !== key) sim.open(createSession(load.model), key);
    simulation.getState().loadAtStart(v.trace.map((t) => t.label));
    onShowSimulate?.();
  };

  return (
    <section aria-label="Check">
      <h2 style={{ margin: '8px 10px 0' }}>Check</h2>
      <CheckView store={check} design={validated} onReplay={replay} />
    </section>
  );
}
