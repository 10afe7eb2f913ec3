import { useCallback, useEffect, useState } from 'react';
import { createSnapshotRepository, type Snapshot } from '../../store/snapshots';
import type { StoredDesign } from '../../store/storedRecord';
import type { DiffRequest } from './diffRequest';

/**
 * Named versions of the open document: save one, compare it with the current design on the
 * canvas, restore it (one undo step, after the current design is itself saved as a version, so
 * nothing is lost), or compare the document with a design file. Either format: the document's
 * version says how to read a file (`read`) and how to restore (`onRestore`).
 */
export function VersionsPanel<D extends StoredDesign>({
  documentId,
  design,
  read,
  onRestore,
  onCompare,
}: {
  documentId: string;
  design: D;
  /** A design file's text as a design of this document's version, or the problem in words. */
  read: (text: string) => D | string;
  /** Makes `design` the document's design (one undo step). */
  onRestore: (design: D) => void;
  onCompare: (request: DiffRequest<D>) => void;
}) {
  const [repository] = useState(() => createSnapshotRepository());
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // What "Compare" sets a version against: the current design, or another saved version.
  const [against, setAgainst] = useState<string>('current');
  const refresh = useCallback(
    async () => setSnapshots(await repository.list(documentId)),
    [repository, documentId],
  );
  useEffect(() => void refresh(), [refresh]);

  const save = async () => {
    await repository.save(documentId, name, design);
    setName('');
    await refresh();
  };
  const restore = async (s: Snapshot) => {
    await repository.save(documentId, `before restoring “${s.name}”`, design);
    onRestore(s.design as D);
    await refresh();
  };
  const compareFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const text = await file.text();
    const loaded = read(text);
    if (typeof loaded === 'string') {
      setProblem(`${file.name} is not a valid design: ${loaded}`);
      return;
    }
    setProblem(null);
    onCompare({
      before: loaded,
      after: design,
      beforeLabel: file.name,
      afterLabel: 'this document',
    });
  };

  const comparison = (s: Snapshot): DiffRequest<D> => {
    const other = snapshots?.find((x) => x.id === against);
    return other
      ? { before: s.design as D, after: other.design as D, beforeLabel: s.name, afterLabel: other.name }
      : { before: s.design as D, after: design, beforeLabel: s.name, afterLabel: 'current' };
  };

  return (
    <section aria-label="Versions">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Version name{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. before review" />
        </label>{' '}
        <button type="submit" className="primary">
          Save version
        </button>
      </form>
      {snapshots === null ? (
        <p role="status">Loading versions…</p>
      ) : snapshots.length === 0 ? (
        <p>No saved versions yet.</p>
      ) : (
        <>
          <label>
            Compare against{' '}
            <select value={against} onChange={(e) => setAgainst(e.target.value)}>
              <option value="current">the current design</option>
              {snapshots.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <ul className="review-versions" aria-label="Saved versions">
            {snapshots.map((s) => (
              <li key={s.id} aria-label={s.name}>
                <span className="review-versions__name">{s.name}</span>{' '}
                <small>{new Date(s.createdAt).toLocaleString()}</small>{' '}
                <button type="button" disabled={against === s.id} onClick={() => onCompare(comparison(s))}>
                  Compare
                </button>{' '}
                <button type="button" onClick={() => void restore(s)}>
                  Restore
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    void repository.remove(documentId, s.id).then(refresh);
                  }}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <label>
          Compare with a file…{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void compareFile(e.target.files)}
          />
        </label>
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
