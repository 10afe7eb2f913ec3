import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStores } from '../../store/editorContext';
import { layeredLayout } from './elkLayout';
import { whileLayingOut } from './layoutBusy';

/** Lays the open design out with ELK and fits the view; an undoable step unless `silent`. */
export function useAutoLayout(): (options?: { silent?: boolean }) => Promise<void> {
  const { designs } = useEditorStores();
  const flow = useReactFlow();
  return useCallback(
    async ({ silent = false } = {}) => {
      const design = designs.getState().design;
      if (design.states.length === 0) return;
      const layout = await whileLayingOut(design.states.length, () =>
        layeredLayout(design, (name) => {
          const m = flow.getInternalNode(name)?.measured;
          return { width: m?.width ?? 140, height: m?.height ?? 56 };
        }),
      );
      // The design may have changed while ELK ran (another document opened): then drop the result.
      if (designs.getState().design.states !== design.states) return;
      designs.getState().apply({ type: 'setLayout', layout }, { silent });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 0, maxZoom: 1.25 }));
    },
    [designs, flow],
  );
}
