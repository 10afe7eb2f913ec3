import { useEffect } from 'react';
import { useWorkspace } from '../../store/useWorkspace';

const SHOWN_MS = 10_000;

/** After a deletion: a toast that brings the document back, for 10 s (not for minutes, across documents). */
export function DeletedToast() {
  const deleted = useWorkspace((w) => w.deleted);
  const undoRemove = useWorkspace((w) => w.undoRemove);
  const dismiss = useWorkspace((w) => w.dismissDeleted);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [deleted, dismiss]);
  if (!deleted) return null;
  return (
    <div className="toast" role="status">
      Deleted “{deleted.design.name}”.
      <button type="button" onClick={() => void undoRemove()}>
        Undo delete
      </button>
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ✕
      </button>
    </div>
  );
}
