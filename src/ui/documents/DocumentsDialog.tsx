import { useState } from 'react';
import { examples, examplesV2 } from '../../../examples';
import { emptyDesignV2 } from '../../store/v2/designEditsV2';
import { useWorkspace } from '../../store/useWorkspace';
import { Dialog } from '../common/Dialog';
import { downloadText } from './downloadDesign';

/** The document list (new, open, duplicate, rename, delete) and the examples gallery. */
export function DocumentsDialog({ onClose, onOpenFile }: { onClose: () => void; onOpenFile: () => void }) {
  const documents = useWorkspace((w) => w.documents);
  const currentId = useWorkspace((w) => w.currentId);
  const { create, open, duplicate, rename, remove, openExample, rawText } = useWorkspace((w) => w);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const then = (p: Promise<unknown>) => void p.then(onClose);
  return (
    <Dialog title="Documents" onClose={onClose}>
      <div className="documents">
        <div className="documents__actions">
          <button type="button" className="primary" onClick={() => then(create())}>
            New document
          </button>
          <button type="button" onClick={() => then(create(emptyDesignV2()))} title="Several participants, each a role with its own states (format version 2)">
            New multi-participant design
          </button>
          <button
            type="button"
            onClick={() => {
              onClose();
              onOpenFile();
            }}
          >
            Open file…
          </button>
        </div>
        <h3>Your documents</h3>
        <ul className="documents__list" aria-label="Your documents">
          {documents.map((d) =>
            d.damaged !== undefined ? (
              <li key={d.id} className="is-damaged">
                <span>
                  {d.name} <span className="documents__damaged">damaged, cannot be opened: {d.damaged}</span>
                </span>
                <button type="button" aria-label={`Download the raw text of ${d.name}`} onClick={() => void rawText(d.id).then((text) => text !== undefined && downloadText(text, `damaged-${d.id}.json`))}>
                  Download raw text
                </button>
                <button type="button" className="danger" aria-label={`Delete ${d.name}`} onClick={() => void remove(d.id)}>
                  Delete
                </button>
              </li>
            ) : (
            <li key={d.id} className={d.id === currentId ? 'is-current' : undefined}>
              {renaming === d.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(d.id, draft.trim() || d.name).then(() => setRenaming(null));
                  }}
                >
                  <input aria-label={`New name for ${d.name}`} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} />
                  <button type="submit">Save name</button>
                </form>
              ) : (
                <button type="button" className="documents__open" aria-label={`Open ${d.name}`} aria-current={d.id === currentId ? 'true' : undefined} onClick={() => then(open(d.id))}>
                  {d.name || '(unnamed)'} {d.version === 2 && <span className="badge documents__version">several participants</span>} <small>{new Date(d.updatedAt).toLocaleString()}</small>
                </button>
              )}
              <button type="button" aria-label={`Duplicate ${d.name}`} onClick={() => then(duplicate(d.id))}>
                Duplicate
              </button>
              <button
                type="button"
                aria-label={`Rename ${d.name}`}
                onClick={() => {
                  setDraft(d.name);
                  setRenaming(d.id);
                }}
              >
                Rename
              </button>
              <button type="button" className="danger" aria-label={`Delete ${d.name}`} onClick={() => void remove(d.id)}>
                Delete
              </button>
            </li>
            ),
          )}
        </ul>
        <Gallery title="Examples" examples={examples} onOpen={(ex) => then(openExample(ex))} />
        <Gallery title="Multi-participant examples" examples={examplesV2} onOpen={(ex) => then(openExample(ex))} />
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** One gallery of bundled examples: a button per example, its title and lesson. */
function Gallery<E extends { readonly slug: string; readonly title: string; readonly lesson: string }>({
  title,
  examples,
  onOpen,
}: {
  title: string;
  examples: readonly E[];
  onOpen: (example: E) => void;
}) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="gallery" aria-label={title}>
        {examples.map((ex) => (
          <li key={ex.slug}>
            <button type="button" aria-label={`Open example ${ex.title}`} onClick={() => onOpen(ex)}>
              <strong>{ex.title}</strong>
              <span>{ex.lesson}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
