import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { examples } from '../../examples';
import { createCanvasOverlayStore } from '../store/canvasOverlay';
import { emptyDesign } from '../store/designEdits';
import { createDesignStore } from '../store/designStore';
import type { StoredDesign } from '../store/storedRecord';
import { emptyDesignV2 } from '../store/v2/designEditsV2';
import { createDesignStoreV2 } from '../store/v2/designStoreV2';
import { createDocumentChannel } from '../store/documentChannel';
import { createDocumentRepository } from '../store/documentRepository';
import type { EditorStores } from '../store/editorContext';
import { EditorProvider } from '../store/EditorProvider';
import { createJournal } from '../store/journal';
import { createWorkspaceStore } from '../store/workspace';
import { ErrorBoundary } from './common/ErrorBoundary';
import { parseShareHash } from '../review/share';
import { Shell } from './shell/Shell';
import './theme.css';

declare global {
  interface Window {
    /** Test and benchmark hook: opens a design (object or JSON text) as a new document. */
    __protocolStudio?: {
      openDesign: (design: StoredDesign | string) => Promise<string>;
      /** Set by the shell once the canvas exists (the benchmark pans and zooms with it). */
      setViewport?: (viewport: { x: number; y: number; zoom: number }) => void;
    };
  }
}

function createStores(): Required<EditorStores> {
  const designs = createDesignStore(emptyDesign());
  const designsV2 = createDesignStoreV2(emptyDesignV2());
  return {
    designs,
    designsV2,
    overlay: createCanvasOverlayStore(),
    workspace: createWorkspaceStore({ repository: createDocumentRepository(), designs, designsV2, examples, journal: createJournal(), channel: createDocumentChannel() }),
  };
}

// A shared link opens a read-only viewer; the editor's code loads only after "Save a copy".
const SharedDesign = lazy(() => import('./review/SharedDesign'));

/** The whole app: a shared design (`#share=`, `#embed=`) read-only, else the editor. */
export function App() {
  const [link] = useState(() => parseShareHash(window.location.hash));
  const [copy, setCopy] = useState<StoredDesign | null>(null);
  if (link && !copy) {
    const saveCopy = (design: StoredDesign) => {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      setCopy(design);
    };
    return (
      <Suspense fallback={null}>
        <SharedDesign payload={link.payload} embed={link.mode === 'embed'} onSaveCopy={saveCopy} />
      </Suspense>
    );
  }
  return <Editor copyOf={copy} />;
}

/** One editor with its stores, restored from IndexedDB; `copyOf` becomes a new document once restored. */
function Editor({ copyOf }: { copyOf: StoredDesign | null }) {
  const [stores] = useState(createStores);
  // StrictMode runs effects twice: the copy is made once.
  const copied = useRef(false);
  useEffect(() => {
    const { workspace } = stores;
    void workspace.getState().init().then(() => {
      if (!copyOf || copied.current) return;
      copied.current = true;
      return workspace.getState().create(copyOf);
    });
    // Harmless in every build: it only does what opening a file does.
    window.__protocolStudio = {
      openDesign: (design) => workspace.getState().create(typeof design === 'string' ? (JSON.parse(design) as StoredDesign) : design),
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
  }, [stores, copyOf]);
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
