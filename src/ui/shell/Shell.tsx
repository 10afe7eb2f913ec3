import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { clearOverlay } from '../../store/canvasOverlay';
import { useEditorStores } from '../../store/editorContext';
import { useDesign } from '../../store/useDesign';
import { useWorkspace } from '../../store/useWorkspace';
import { DesignCanvas } from '../canvas/DesignCanvas';
import { CheckPanel } from '../check/CheckPanel';
import { CommandBar } from '../commands/CommandBar';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useCommandContext } from '../commands/useCommandContext';
import { useCommandKeys } from '../commands/useCommandKeys';
import { DeletedToast } from '../documents/DeletedToast';
import { DocumentsDialog } from '../documents/DocumentsDialog';
import { LessonBanner } from '../documents/LessonBanner';
import { RefusedFileDialog } from '../documents/RefusedFileDialog';
import { SaveIndicator, SaveStatusBar } from '../documents/SaveStatusBar';
import { useFileOpening } from '../documents/useFileOpening';
import { ExportDialog } from '../export/ExportDialog';
import type { DiffRequest } from '../review/diffRequest';
import { DiffView } from '../review/DiffView';
import { ReviewDialog } from '../review/ReviewDialog';
import { SimulatePanel } from '../simulate/SimulatePanel';
import { TourHost } from '../tour/TourHost';
import { ShellV2 } from '../v2/ShellV2';
import { ModeTabs, type Mode } from './ModeTabs';
import { SidePanel } from './SidePanel';
import { SIDE_WIDTH, SidePanelSplitter } from './SidePanelSplitter';
import { SidePanelContext, type SideTab } from './sidePanelContext';

/** The studio for the open document's format version: version 2 (several participants) has its own. */
export function Shell() {
  const version = useWorkspace((w) => w.version);
  return version === 2 ? <ShellV2 /> : <ShellV1 />;
}

/** Header (document, mode, export), the canvas, and the mode's side panel. */
function ShellV1() {
  const design = useDesign();
  const { overlay } = useEditorStores();
  const currentId = useWorkspace((w) => w.currentId);
  const ready = useWorkspace((w) => w.ready);
  const [mode, setMode] = useState<Mode>('design');
  const [tab, setTab] = useState<SideTab>('inspector');
  const [documentsOpen, setDocumentsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [tourOpen, setTourOpen] = useState(false);
  const [sideWidth, setSideWidth] = useState<number>(SIDE_WIDTH.initial);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [diff, setDiff] = useState<DiffRequest | null>(null);
  const files = useFileOpening();
  const readOnly = mode !== 'design';
  const ctx = useCommandContext(readOnly, files.pick);
  useCommandKeys(ctx);
  const changeMode = useCallback(
    (next: Mode) => {
      if (next === 'design') clearOverlay(overlay);
      setMode(next);
    },
    [overlay],
  );
  const flow = useReactFlow();
  useEffect(() => {
    const hook = window.__protocolStudio;
    if (hook) hook.setViewport = (v) => void flow.setViewport(v);
  }, [flow, ready]);
  useEffect(() => {
    document.title = `${design.name || 'Untitled'} · Protocol Studio`;
  }, [design.name]);

  return (
    <SidePanelContext.Provider value={{ tab, setTab }}>
      <div className="app">
        <header className="app-header">
          <span className="app-header__brand">Protocol Studio</span>
          <button type="button" className="app-header__doc" aria-label={`Documents (open: ${design.name})`} onClick={() => setDocumentsOpen(true)}>
            <span aria-hidden="true">☰</span> <span className="app-header__name">{design.name || 'Untitled'}</span>
          </button>
          <SaveIndicator />
          <ModeTabs mode={mode} onChange={changeMode} />
          <button type="button" onClick={() => setTourOpen(true)} title="A guided first run: draw, simulate, check, fix, export">
            Tour
          </button>
          <button type="button" onClick={() => setReviewOpen(true)}>
            Review
          </button>
          <button type="button" className="primary" onClick={() => setExportOpen(true)}>
            Export
          </button>
        </header>
        <SaveStatusBar />
        {mode === 'design' && <CommandBar ctx={ctx} />}
        <LessonBanner />
        <main className="app-main" style={{ gridTemplateColumns: `minmax(0, 1fr) 6px ${sideWidth}px` }}>
          <div className="app-canvas">
            <ErrorBoundary name="canvas" key={currentId}>
              {ready && <DesignCanvas readOnly={readOnly} documentKey={currentId} />}
            </ErrorBoundary>
            {diff && <DiffView request={diff} onClose={() => setDiff(null)} />}
          </div>
          <SidePanelSplitter width={sideWidth} onWidth={setSideWidth} />
          {mode === 'design' && (
            <ErrorBoundary name="design panel" key={`design ${currentId}`}>
              <SidePanel />
            </ErrorBoundary>
          )}
          {mode === 'simulate' && (
            <aside className="side-panel" aria-label="Simulate panel">
              <ErrorBoundary name="Simulate panel" key={currentId}>
                <SimulatePanel />
              </ErrorBoundary>
            </aside>
          )}
          {mode === 'check' && (
            <aside className="side-panel" aria-label="Check panel">
              <ErrorBoundary name="Check panel" key={currentId}>
                <CheckPanel onShowSimulate={() => changeMode('simulate')} />
              </ErrorBoundary>
            </aside>
          )}
        </main>
        <input ref={files.inputRef} type="file" accept=".json,application/json" hidden aria-label="Open a .protocol.json file" onChange={(e) => files.onPicked(e.target.files)} />
        {documentsOpen && <DocumentsDialog onClose={() => setDocumentsOpen(false)} onOpenFile={files.pick} />}
        <RefusedFileDialog />
        <DeletedToast />
        <ExportDialog open={exportOpen} onClose={() => setExportOpen(false)} />
        {tourOpen && <TourHost mode={mode} setMode={changeMode} openExport={() => setExportOpen(true)} exportOpen={exportOpen} onClose={() => setTourOpen(false)} />}
        <ReviewDialog open={reviewOpen} onClose={() => setReviewOpen(false)} onCompare={setDiff} />
      </div>
    </SidePanelContext.Provider>
  );
}
