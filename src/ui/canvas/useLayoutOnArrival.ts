import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { layoutOf } from '../../store/designEdits';
import { useEditorStores } from '../../store/editorContext';
import { useAutoLayout } from './useAutoLayout';

/**
 * When another document opens: lay it out if it arrived without positions (a design written by
 * hand or by another tool), else just fit it in view. The automatic layout is not an undo step.
 */
export function useLayoutOnArrival(documentKey: string | null): void {
  const { designs } = useEditorStores();
  const autoLayout = useAutoLayout();
  const flow = useReactFlow();
  useEffect(() => {
    const design = designs.getState().design;
    const placed = layoutOf(design);
    const missing = design.states.length > 0 && design.states.every((s) => !placed[s.name]);
    // Wait a frame so the nodes are measured before ELK sizes them.
    const frame = requestAnimationFrame(() => {
      if (missing) void autoLayout({ silent: true });
      else if (design.states.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 });
      else void flow.fitView({ padding: 0.15, duration: 0, maxZoom: 1.25 });
    });
    return () => cancelAnimationFrame(frame);
  }, [documentKey, designs, autoLayout, flow]);
}
