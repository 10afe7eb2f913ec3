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
import { useFileOpening } from '../documents/useFileOpening';
import type { DiffRequest } from '../review/diffRequest';
import { DiffView } from '../review/DiffView';
import { ReviewDialog } from '../review/ReviewDialog';
import { SimulatePanel } from '../simulate/SimulatePanel';
import { TourHost } from '../tour/TourHost';
import { ShellV2 } from '../v2/ShellV2';
import type { Mode } from './ModeTabs';
import { SidePanel } from './SidePanel';
import { SidePanelContext, type SideTab } from './sidePanelContext';
import { StudioFrame } from './StudioFrame';

/** The studio for the open document's format version: version 2 (several participants) has its own. */
export function Shell() {
  const version = useWorkspace((w) => w.version);
  return version === 2 ? <ShellV2 /> : <ShellV1 />;
}

/** Version 1's studio: the command bar and tour, one canvas, and the mode's side panel. */
function ShellV1() {
  const design = useDesign();
  const { overlay } = useEditorStores();
  const currentId = useWorkspace((w) => w.currentId);
  const ready = useWorkspace((w) => w.ready);
  const [mode, setMode] = useState<Mode>('design');
  const [tab, setTab] = useState<SideTab>('inspector');
  const [exportOpen, setExportOpen] = useState(false);
  const [tourOpen, setTourOpen] = useState(false);
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

  return (
    <SidePanelContext.Provider value={{ tab, setTab }}>
      <StudioFrame
        className="app"
        name={design.name}
        mode={mode}
        onMode={changeMode}
        tools={
          <button type="button" onClick={() => setTourOpen(true)} title="A guided first run: draw, simulate, check, fix, export">
            Tour
          </button>
        }
        onReview={() => setReviewOpen(true)}
        bar={mode === 'design' && <CommandBar ctx={ctx} />}
        canvas={
          <>
            <ErrorBoundary name="canvas" key={currentId}>
              {ready && <DesignCanvas readOnly={readOnly} documentKey={currentId} />}
            </ErrorBoundary>
            {diff && <DiffView request={diff} onClose={() => setDiff(null)} />}
          </>
        }
        side={
          <>
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
          </>
        }
        exportOpen={exportOpen}
        setExportOpen={setExportOpen}
        files={files}
      >
        {tourOpen && <TourHost mode={mode} setMode={changeMode} openExport={() => setExportOpen(true)} exportOpen={exportOpen} onClose={() => setTourOpen(false)} />}
        <ReviewDialog open={reviewOpen} onClose={() => setReviewOpen(false)} onCompare={setDiff} />
      </StudioFrame>
    </SidePanelContext.Provider>
  );
}
