import { lazy, Suspense } from 'react';
import { Dialog } from '../common/Dialog';

// The dialog's content pulls in the exporters, prettier and CodeMirror: load it only when opened.
const ExportDialogContent = lazy(() => import('./ExportDialogContent'));

/** Export the open design (TypeScript, XState, Mermaid, SCXML, JSON, Promela) or import a diagram as a new document. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  if (!open) return null;
  return (
    <Dialog title="Export and import" onClose={onClose}>
      <Suspense fallback={<p role="status">Loading the exporters…</p>}>
        <ExportDialogContent onClose={onClose} />
      </Suspense>
    </Dialog>
  );
}
