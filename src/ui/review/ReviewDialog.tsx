import { lazy, Suspense } from 'react';
import { Dialog } from '../common/Dialog';
import type { DiffRequest } from './diffRequest';

// The review pulls in the report renderers and the diff: load it only when opened.
const ReviewDialogContent = lazy(() => import('./ReviewDialogContent'));

/** Review the open design: checklist, report, versions and diff, share link. */
export function ReviewDialog({
  open,
  onClose,
  onCompare,
}: {
  open: boolean;
  onClose: () => void;
  onCompare: (request: DiffRequest) => void;
}) {
  if (!open) return null;
  return (
    <Dialog title="Review" onClose={onClose}>
      <Suspense fallback={<p role="status">Loading the review…</p>}>
        <ReviewDialogContent onClose={onClose} onCompare={onCompare} />
      </Suspense>
    </Dialog>
  );
}
