import { useWorkspace } from '../../store/useWorkspace';

/** After a deletion: a toast that brings the document back. */
export function DeletedToast() {
  const deleted = useWorkspace((w) => w.deleted);
  const undoRemove = useWorkspace((w) => w.undoRemove);
  const dismiss = useWorkspace((w) => w.dismissDeleted);
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
