import { useMemo, type ReactNode } from 'react';
import { loadDesignValue } from '../../model/load';
import { compareResults, diffDesigns, type Change, type ResultRow } from '../../review/diff';
import { diagramSvg, svgDataUrl } from '../../review/diagramSvg';
import type { DiffRequest } from './diffRequest';
import { useDesignCheck } from './useDesignCheck';

/**
 * Two versions drawn as one over the canvas (added green, removed red and dashed, changed amber),
 * the list of changes, and both check results side by side. Read-only; closing returns to the editor.
 */
export function DiffView({ request, onClose }: { request: DiffRequest; onClose: () => void }) {
  const before = useMemo(() => loadDesignValue(request.before), [request.before]);
  const after = useMemo(() => loadDesignValue(request.after), [request.after]);
  const diff = useMemo(
    () => (before.ok && after.ok ? diffDesigns(before.model, after.model) : null),
    [before, after],
  );
  const beforeCheck = useDesignCheck(before.ok ? before.model : null);
  const afterCheck = useDesignCheck(after.ok ? after.model : null);
  const rows =
    beforeCheck?.result && afterCheck?.result ? compareResults(beforeCheck.result, afterCheck.result) : null;
  const title = `${request.beforeLabel} → ${request.afterLabel}`;
  return (
    <DiffFrame title={title} onClose={onClose} invalid={!diff && 'One of the two versions is not a valid design; fix it before comparing.'}>
      {diff && (
        <>
          <img
            className="review-diff__diagram"
            src={svgDataUrl(diagramSvg(diff.diagram, `Diff ${title}`))}
            alt={`Diagram of the changes: ${title}`}
          />
          <DiffSide
            changes={diff.changes}
            rows={rows}
            request={request}
            waiting={beforeCheck?.error ?? afterCheck?.error ?? null}
          />
        </>
      )}
    </DiffFrame>
  );
}

/** The diff's region over the canvas (either format): its bar, then the pictures and the changes, or why there are none. */
export function DiffFrame({ title, onClose, invalid, children }: { title: string; onClose: () => void; invalid: string | false; children: ReactNode }) {
  return (
    <div className="review-diff" role="region" aria-label="Design diff">
      <div className="review-diff__bar">
        <strong>Diff: {title}</strong>
        <span className="review-diff__legend">
          <span className="added">added</span> <span className="removed">removed</span> <span className="changed">changed</span>
        </span>
        <button type="button" onClick={onClose}>
          Close diff
        </button>
      </div>
      {invalid ? <p role="alert">{invalid}</p> : <div className="review-diff__body">{children}</div>}
    </div>
  );
}

/** The changes and both checks side by side (either format). */
export function DiffSide({
  changes,
  rows,
  request,
  waiting,
}: {
  changes: readonly Change[];
  rows: readonly ResultRow[] | null;
  request: { readonly beforeLabel: string; readonly afterLabel: string };
  /** A check's error, shown while the rows are not there. */
  waiting: string | null;
}) {
  return (
    <div className="review-diff__side">
      <h3>Changes</h3>
      {changes.length === 0 ? (
        <p>No changes to the design.</p>
      ) : (
        <ul aria-label="Changes">
          {changes.map((c, i) => (
            <li key={i} data-kind={c.kind} className={`review-change ${c.kind}`}>
              {c.kind} {c.element} {c.name}
              {c.details.length > 0 && (
                <ul>
                  {c.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Check results</h3>
      {rows ? (
        <table aria-label="Check results side by side">
          <thead>
            <tr>
              <th />
              <th>{request.beforeLabel}</th>
              <th>{request.afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.figure} className={r.changed ? 'changed' : undefined}>
                <th scope="row">{r.figure}</th>
                <td>{r.before}</td>
                <td>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p role="status">{waiting ?? 'Checking both versions…'}</p>
      )}
    </div>
  );
}
