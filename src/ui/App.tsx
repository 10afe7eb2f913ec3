import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { examples } from '../../examples';
import type { Design } from '../model/schema';
import { createCanvasOverlayStore } from '../store/canvasOverlay';
import { emptyDesign } from '../store/designEdits';
import { createDesignStore } from '../store/designStore';
import { createDocumentChannel } from '../store/documentChannel';
import { createDocumentRepository } from '../store/documentRepository';
import type { EditorStores } from '../store/editorContext';
import { EditorProvider } from '../store/EditorProvider';
import { createJournal } from '../store/journal';
import { createWorkspaceStore } from '../store/workspace';
import { ErrorBoundary } from './common/ErrorBoundary';
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
    workspace: createWorkspaceStore({ repository: createDocumentRepository(), designs, examples, journal: createJournal(), channel: createDocumentChannel() }),
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
    // A reload or a closed tab does not wait for IndexedDB: unsaved edits go to the synchronous
    // journal first, then the write is attempted.
    const hide = () => {
      workspace.getState().writeJournal();
      void workspace.getState().flush();
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [stores]);
  return (
    <EditorProvider stores={stores}>
      <ReactFlowProvider>
        <ErrorBoundary name="app">
          <Shell />
        </ErrorBoundary>
      </ReactFlowProvider>
    </EditorProvider>
  );
}
