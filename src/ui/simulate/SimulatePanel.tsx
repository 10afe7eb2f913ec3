import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { createSession } from '../../store/simulationAdapter';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { runKey, sameDocument } from './runKey';
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
  const hasSession = useStore(simulation, (s) => s.session !== null);

  useEffect(() => {
    if (!load.ok) return;
    const s = simulation.getState();
    if (s.session === null || !sameDocument(s.designText, key)) s.open(createSession(load.model), key);
    else if (s.designText !== key) s.rebase(createSession(load.model), key);
    else s.jump(s.cursor); // re-publish the highlight after the canvas was cleared
  }, [load, key, simulation]);

  useEffect(() => {
    overlay.setState({
      dimmedStates: [],
      dimmedTransitions: [],
      onTransitionClick: (index) => {
        const s = simulation.getState();
        const step = s.view?.steps.find((x) => x.transition === index);
        if (step) s.take(step.label);
        else simulation.setState({ notice: `No enabled step takes transition ${index} here.` });
      },
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
