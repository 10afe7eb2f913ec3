import { useWorkspace } from '../../store/useWorkspace';
import { Dialog } from '../common/Dialog';

/** A file that could not be opened, with every error and its path; the open document is untouched. */
export function RefusedFileDialog() {
  const refused = useWorkspace((w) => w.refused);
  const dismiss = useWorkspace((w) => w.dismissRefused);
  if (!refused) return null;
  return (
    <Dialog title={`Cannot open ${refused.fileName}`} onClose={dismiss} role="alertdialog">
      <p>
        The file has {refused.errors.length} {refused.errors.length === 1 ? 'problem' : 'problems'}. Your open document was not changed.
      </p>
      <ul className="refused-errors" aria-label="File errors">
        {refused.errors.map((e, i) => (
          <li key={i}>
            <code>{e.path || '(file)'}</code> {e.message}
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="primary" autoFocus onClick={dismiss}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
