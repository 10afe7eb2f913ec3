import { useEffect, useMemo, useState } from 'react';
import { createRoleOverlayStore } from '../../store/v2/roleOverlay';
import { useDesignStateV2, useDesignStoreV2, useDesignV2, useLoadResultV2 } from '../../store/v2/useDesignV2';
import { useWorkspace } from '../../store/useWorkspace';
import { isTextField } from '../commands/useCommandKeys';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { FieldSourceContext, type FieldSource } from '../fields/fieldSource';
import { useFileOpening } from '../documents/useFileOpening';
import type { DiffRequest } from '../review/diffRequest';
import { DiffViewV2 } from '../review/DiffViewV2';
import { ReviewDialogV2 } from '../review/ReviewDialogV2';
import type { DesignV2 } from '../../model/v2/schema';
import type { Mode } from '../shell/ModeTabs';
import { StudioFrame } from '../shell/StudioFrame';
import type { PanelV2 } from './errorPlaces';
import { PanelContextV2 } from './panelContext';
import { RoleLanes } from './RoleLanes';
import { CheckV2, SimulateV2 } from './run';
import { SidePanelV2 } from './SidePanelV2';
import './editorV2.css';

const none: FieldSource['errors'] = [];

/**
 * The studio for a version-2 document: the header, every role's canvas at once (swimlanes), and
 * the mode's side panel: the editor's forms in Design, the run views (`./run`) in Simulate and
 * Check, beside read-only canvases that draw the run's overlay.
 */
export function ShellV2() {
  const design = useDesignV2();
  const store = useDesignStoreV2();
  const result = useLoadResultV2();
  const breakMerge = useDesignStateV2((s) => s.breakMerge);
  const currentId = useWorkspace((w) => w.currentId);
  const [mode, setMode] = useState<Mode>('design');
  const [panel, setPanel] = useState<PanelV2>('inspector');
  const [role, setRole] = useState(0);
  // A run belongs to one document: a new overlay per document.
  const overlay = useMemo(() => createRoleOverlayStore(), [currentId]); // eslint-disable-line react-hooks/exhaustive-deps
  const fields = useMemo<FieldSource>(() => ({ errors: result.ok ? none : result.errors, breakMerge }), [result, breakMerge]);
  const panelState = useMemo(() => ({ panel, setPanel, role, setRole }), [panel, role]);
  const readOnly = mode !== 'design';
  const [exportOpen, setExportOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [diff, setDiff] = useState<DiffRequest<DesignV2> | null>(null);
  const files = useFileOpening();

  // Undo and redo from the keyboard, outside text fields (their own typing is merged per field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (readOnly || isTextField(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || key === 'y';
      if (key !== 'z' && key !== 'y') return;
      if (redo ? store.getState().redo() : store.getState().undo()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, readOnly]);

  return (
    <PanelContextV2.Provider value={panelState}>
      <FieldSourceContext.Provider value={fields}>
        <StudioFrame
          className="app app--v2"
          name={design.name}
          mode={mode}
          onMode={setMode}
          badge={
            <span className="badge" title="Format version 2: several participants (docs/format-v2.md)">
              {design.roles.length} role{design.roles.length === 1 ? '' : 's'}
            </span>
          }
          tools={
            !readOnly && (
              <span className="app-header__history">
                <button type="button" onClick={() => store.getState().undo()} title="Undo (Ctrl+Z)">
                  Undo
                </button>
                <button type="button" onClick={() => store.getState().redo()} title="Redo (Ctrl+Shift+Z)">
                  Redo
                </button>
              </span>
            )
          }
          onReview={() => setReviewOpen(true)}
          canvas={
            <>
              <ErrorBoundary name="role canvases" key={`${currentId} ${readOnly}`}>
                <RoleLanes readOnly={readOnly} overlay={readOnly ? overlay : undefined} />
              </ErrorBoundary>
              {diff && <DiffViewV2 request={diff} onClose={() => setDiff(null)} />}
            </>
          }
          side={
            mode === 'design' ? (
              <ErrorBoundary name="design panel" key={`design ${currentId}`}>
                <SidePanelV2 />
              </ErrorBoundary>
            ) : (
              <aside className="side-panel" aria-label={mode === 'simulate' ? 'Simulate panel' : 'Check panel'}>
                <ErrorBoundary name={`${mode} panel`} key={`${mode} ${currentId}`}>
                  {!result.ok ? (
                    <p role="alert">This design has {result.errors.length} error{result.errors.length > 1 ? 's' : ''}: fix {result.errors.length > 1 ? 'them' : 'it'} in Design first.</p>
                  ) : mode === 'simulate' ? (
                    <SimulateV2 design={design} documentId={currentId ?? ''} overlay={overlay} />
                  ) : (
                    <CheckV2 design={design} documentId={currentId ?? ''} overlay={overlay} onShowSimulate={() => setMode('simulate')} />
                  )}
                </ErrorBoundary>
              </aside>
            )
          }
          exportOpen={exportOpen}
          setExportOpen={setExportOpen}
          files={files}
        >
          <ReviewDialogV2 open={reviewOpen} onClose={() => setReviewOpen(false)} onCompare={setDiff} />
        </StudioFrame>
      </FieldSourceContext.Provider>
    </PanelContextV2.Provider>
  );
}
