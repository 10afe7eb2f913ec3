import { useCallback, useEffect, useState } from 'react';
import { loadDesign } from '../../model/load';
import type { Design } from '../../model/schema';
import { createSnapshotRepository, type Snapshot } from '../../store/snapshots';
import { useApplyEdit } from '../../store/useApplyEdit';
import type { DiffRequest } from './diffRequest';

/**
 * Named versions of the open document: save one, compare it with the current design on the
 * canvas, restore it (one undo step, after the current design is itself saved as a version, so
 * nothing is lost), or compare the document with a design file.
 */
export function VersionsPanel({
  documentId,
  design,
  onCompare,
}: {
  documentId: string;
  design: Design;
  onCompare: (request: DiffRequest) => void;
}) {
  const [repository] = useState(() => createSnapshotRepository());
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // What "Compare" sets a version against: the current design, or another saved version.
  const [against, setAgainst] = useState<string>('current');
  const apply = useApplyEdit();
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
    apply({ type: 'replace', design: s.design });
    await refresh();
  };
  const compareFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    const text = await file.text();
    const loaded = loadDesign(text);
    if (!loaded.ok) {
      setProblem(`${file.name} is not a valid design: ${loaded.errors[0]?.message ?? ''}`);
      return;
    }
    setProblem(null);
    onCompare({
      before: JSON.parse(text) as Design,
      after: design,
      beforeLabel: file.name,
      afterLabel: 'this document',
    });
  };

  const comparison = (s: Snapshot): DiffRequest => {
    const other = snapshots?.find((x) => x.id === against);
    return other
      ? { before: s.design, after: other.design, beforeLabel: s.name, afterLabel: other.name }
      : { before: s.design, after: design, beforeLabel: s.name, afterLabel: 'current' };
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
