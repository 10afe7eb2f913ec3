import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useEditorStores } from '../../store/editorContext';
import { useAutoLayout } from '../canvas/useAutoLayout';
import { downloadDesign } from '../documents/downloadDesign';
import type { CommandContext } from './commands';

/** The context the command registry runs in, for this editor and mode. */
export function useCommandContext(readOnly: boolean, openFile: () => void): CommandContext {
  const { designs } = useEditorStores();
  const autoLayout = useAutoLayout();
  const flow = useReactFlow();
  return useMemo(
    () => ({
      designs,
      readOnly,
      autoLayout: () => void autoLayout(),
      viewCenter: () => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        return pane ? flow.screenToFlowPosition({ x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 }) : { x: 0, y: 0 };
      },
      save: () => downloadDesign(designs.getState().design),
      openFile,
    }),
    [designs, readOnly, autoLayout, flow, openFile],
  );
}
