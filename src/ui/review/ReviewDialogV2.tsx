import { lazy, Suspense } from 'react';
import { Dialog } from '../common/Dialog';

// The review pulls in the report renderers: load it only when opened.
const ReviewDialogContentV2 = lazy(() => import('./ReviewDialogContentV2'));

/** Review the open version-2 design: checklist, report, share link. */
export function ReviewDialogV2({ open, onClose }: { open: boolean; onClose: () => void }) {
  if (!open) return null;
  return (
    <Dialog title="Review" onClose={onClose}>
      <Suspense fallback={<p role="status">Loading the review…</p>}>
        <ReviewDialogContentV2 onClose={onClose} />
      </Suspense>
    </Dialog>
  );
}
