import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { examples } from '../../examples';
import type { Design } from '../model/schema';
import { createCanvasOverlayStore } from '../store/canvasOverlay';
import { emptyDesign } from '../store/designEdits';
import { createDesignStore } from '../store/designStore';
import { createDocumentRepository } from '../store/documentRepository';
import type { EditorStores } from '../store/editorContext';
import { EditorProvider } from '../store/EditorProvider';
import { createWorkspaceStore } from '../store/workspace';
import { Shell } from './shell/Shell';
import './theme.css';

declare global {
  interface Window {
    /** Test and benchmark hook: opens a design (object or JSON text) as a new document. */
    __protocolStudio?: {
      openDesign: (design: Design | string) => Promise<string>;
      /** Set by the shell once the canvas exists (the benchmark pans and zooms with it). */
      setViewport?: (viewport: { x: number; y: number; zoom: number }) => void;
    };
  }
}

function createStores(): Required<EditorStores> {
  const designs = createDesignStore(emptyDesign());
  return {
    designs,
    overlay: createCanvasOverlayStore(),
    workspace: createWorkspaceStore({ repository: createDocumentRepository(), designs, examples }),
  };
}

/** The whole app: one editor with its stores, restored from IndexedDB. */
export function App() {
  const [stores] = useState(createStores);
  useEffect(() => {
    const { workspace } = stores;
    void workspace.getState().init();
    // Harmless in every build: it only does what opening a file does.
    window.__protocolStudio = {
      openDesign: (design) => workspace.getState().create(typeof design === 'string' ? (JSON.parse(design) as Design) : design),
    };
    const flush = () => void workspace.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [stores]);
  return (
    <EditorProvider stores={stores}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
