import { useEffect, useState, type ReactNode } from 'react';
import { DeletedToast } from '../documents/DeletedToast';
import { DocumentsDialog } from '../documents/DocumentsDialog';
import { LessonBanner } from '../documents/LessonBanner';
import { RefusedFileDialog } from '../documents/RefusedFileDialog';
import { SaveIndicator, SaveStatusBar } from '../documents/SaveStatusBar';
import type { FileOpening } from '../documents/useFileOpening';
import { ExportDialog } from '../export/ExportDialog';
import { ModeTabs, type Mode } from './ModeTabs';
import { SIDE_WIDTH, SidePanelSplitter } from './SidePanelSplitter';

interface Props {
  readonly className: string;
  readonly name: string;
  readonly mode: Mode;
  readonly onMode: (mode: Mode) => void;
  /** Between the document's name and the save indicator (version 2: how many roles). */
  readonly badge?: ReactNode;
  /** After the mode tabs, before Review (version 1: Tour; version 2: Undo and Redo). */
  readonly tools?: ReactNode;
  readonly onReview: () => void;
  /** Under the save status (version 1: the command bar in Design). */
  readonly bar?: ReactNode;
  readonly canvas: ReactNode;
  /** The mode's side panel, in the grid's third column. */
  readonly side: ReactNode;
  /** The format's own dialogs (review, tour), each opened by the caller. */
  readonly children?: ReactNode;
  /** Export is opened from the header and, in version 1, by the tour. */
  readonly exportOpen: boolean;
  readonly setExportOpen: (open: boolean) => void;
  /** The hidden file input's owner (version 1's command bar opens files too). */
  readonly files: FileOpening;
}

/**
 * What every format's studio has around its canvas and panels: the header (documents, save
 * state, modes, review, export), the lesson banner, the canvas beside a resizable side panel, and
 * the dialogs that do not depend on the format (documents, a refused file, a deleted document,
 * export). `Shell.tsx` and `v2/ShellV2.tsx` fill it in.
 */
export function StudioFrame(props: Props) {
  const [documentsOpen, setDocumentsOpen] = useState(false);
  const [sideWidth, setSideWidth] = useState<number>(SIDE_WIDTH.initial);
  const files = props.files;
  useEffect(() => {
    document.title = `${props.name || 'Untitled'} · Protocol Studio`;
  }, [props.name]);

  return (
    <div className={props.className}>
      <header className="app-header">
        <span className="app-header__brand">Protocol Studio</span>
        <button type="button" className="app-header__doc" aria-label={`Documents (open: ${props.name})`} onClick={() => setDocumentsOpen(true)}>
          <span aria-hidden="true">☰</span> <span className="app-header__name">{props.name || 'Untitled'}</span>
        </button>
        {props.badge}
        <SaveIndicator />
        <ModeTabs mode={props.mode} onChange={props.onMode} />
        {props.tools}
        <button type="button" onClick={props.onReview}>
          Review
        </button>
        <button type="button" className="primary" onClick={() => props.setExportOpen(true)}>
          Export
        </button>
      </header>
      <SaveStatusBar />
      {props.bar}
      <LessonBanner />
      <main className="app-main" style={{ gridTemplateColumns: `minmax(0, 1fr) 6px ${sideWidth}px` }}>
        <div className="app-canvas">{props.canvas}</div>
        <SidePanelSplitter width={sideWidth} onWidth={setSideWidth} />
        {props.side}
      </main>
      <input ref={files.inputRef} type="file" accept=".json,application/json" hidden aria-label="Open a .protocol.json file" onChange={(e) => files.onPicked(e.target.files)} />
      {documentsOpen && <DocumentsDialog onClose={() => setDocumentsOpen(false)} onOpenFile={files.pick} />}
      <RefusedFileDialog />
      <DeletedToast />
      {/* One dialog for both formats: it reads the open document's format. */}
      <ExportDialog open={props.exportOpen} onClose={() => props.setExportOpen(false)} />
      {props.children}
    </div>
  );
}
