import { lazy, Suspense } from 'react';
import type { DesignV2 } from '../../model/v2/schema';
import { Dialog } from '../common/Dialog';
import type { DiffRequest } from './diffRequest';

// The review pulls in the report renderers: load it only when opened.
const ReviewDialogContentV2 = lazy(() => import('./ReviewDialogContentV2'));

/** Review the open version-2 design: checklist, report, versions and diff, share link. */
export function ReviewDialogV2({ open, onClose, onCompare }: { open: boolean; onClose: () => void; onCompare: (request: DiffRequest<DesignV2>) => void }) {
  if (!open) return null;
  return (
    <Dialog title="Review" onClose={onClose}>
      <Suspense fallback={<p role="status">Loading the review…</p>}>
        <ReviewDialogContentV2 onClose={onClose} onCompare={onCompare} />
      </Suspense>
    </Dialog>
  );
}
