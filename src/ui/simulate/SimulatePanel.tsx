import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { runKey } from './runKey';
import { takeTransition, useOpenRun } from './useOpenRun';
import { useDocumentId } from './useDocumentId';
import { SimulateView } from './SimulateView';
import { useRunStores } from './useRunStores';

/**
 * Simulate mode: keeps a simulator session in step with the open design (an edit rebuilds it and
 * replays the run as far as it still applies) and lets a click on a transition's event take it.
 */
export function SimulatePanel() {
  const { simulation } = useRunStores();
  const overlay = useCanvasOverlayStore();
  const design = useDesign();
  const load = useLoadResult();
  const documentId = useDocumentId();
  const key = useMemo(() => runKey(documentId, design), [documentId, design]);
  const hasSession = useStore(simulation, (s) => s.run !== null);

  useOpenRun(simulation, load.ok ? load.model : null, key);

  useEffect(() => {
    overlay.setState({
      dimmedStates: [],
      dimmedTransitions: [],
      onTransitionClick: (index) => takeTransition(simulation, index),
    });
    return () => overlay.setState({ onTransitionClick: undefined, activeState: undefined, activeTransition: undefined });
  }, [overlay, simulation]);

  return (
    <section aria-label="Simulate">
      <h2 style={{ margin: '8px 10px 0' }}>Simulate</h2>
      {!load.ok ? (
        <p role="status" style={{ margin: 10 }}>
          The design has {load.errors.length} error{load.errors.length === 1 ? '' : 's'}: fix {load.errors.length === 1 ? 'it' : 'them'} in Design mode to simulate.
        </p>
      ) : hasSession ? (
        <SimulateView store={simulation} designName={design.name} />
      ) : null}
    </section>
  );
}
