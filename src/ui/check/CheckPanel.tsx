import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useCanvasOverlayStore } from '../../store/useCanvasOverlay';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { handoff } from '../../model/handoff';
import { runKey } from '../simulate/runKey';
import { useDocumentId } from '../simulate/useDocumentId';
import { useRunStores } from '../simulate/useRunStores';
import { CheckSession } from './CheckSession';
import { dimmedOf } from './coverageOverlay';

interface Props {
  /** Switches the editor to Simulate mode (Replay loads the violation's trace there first). */
  readonly onShowSimulate?: () => void;
}

/** Check mode: runs the explorer in the worker; Replay hands a trace to Simulate; coverage dims the canvas. */
export function CheckPanel({ onShowSimulate }: Props) {
  const stores = useRunStores();
  const overlay = useCanvasOverlayStore();
  const design = useDesign();
  const load = useLoadResult();
  const identity = useMemo(() => (load.ok ? handoff(load.model).identity : null), [load]);
  const documentId = useDocumentId();
  const result = useStore(stores.check, (s) => s.result);
  const resultIdentity = useStore(stores.check, (s) => s.identity);

  useEffect(() => {
    // Simulate's highlight does not belong here; unreached elements of a current result do.
    const dim = result && resultIdentity === identity ? dimmedOf(result, design) : { dimmedStates: [], dimmedTransitions: [] };
    overlay.setState({ activeState: undefined, activeTransition: undefined, onTransitionClick: undefined, ...dim });
  }, [overlay, result, resultIdentity, identity, design]);
  useEffect(() => () => overlay.setState({ dimmedStates: [], dimmedTransitions: [] }), [overlay]);

  return (
    <section aria-label="Check">
      <h2 style={{ margin: '8px 10px 0' }}>Check</h2>
      <CheckSession stores={stores} model={load.ok ? load.model : null} runKey={runKey(documentId, design)} onShowSimulate={onShowSimulate} />
    </section>
  );
}
