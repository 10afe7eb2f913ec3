import { useMemo } from 'react';
import { loadAnyDesignValueV2, loadDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { compareResultsV2, diffDesignsV2 } from '../../review/v2/diffV2';
import type { DiffRequest } from './diffRequest';
import { DiffPicturesV2 } from './DiffPicturesV2';
import { DiffFrame, DiffSide, DiffView } from './DiffView';
import { useDesignCheckV2 } from './useDesignCheckV2';

/**
 * Two versions of a design of several participants compared: the change drawn per role (added
 * green, removed red and dashed, changed amber, as version 1's diff), what changed (roles,
 * messages, each role's elements) and both checks side by side, each run in the version-2 worker.
 */
export function DiffViewV2({ request, onClose }: { request: DiffRequest<DesignV2>; onClose: () => void }) {
  const lowered = useMemo(() => loweredPair(request), [request]);
  if (lowered) return <DiffView request={lowered} onClose={onClose} />;
  return <DiffParticipants request={request} onClose={onClose} />;
}

/**
 * Two versions that are both designs with clients (docs/format-v2.md §13) compare as the
 * version-1 designs they stand for, as the command line's `diff` does: version 1's picture,
 * changes and checks. Null otherwise.
 */
function loweredPair(request: DiffRequest<DesignV2>): DiffRequest | null {
  const before = loadAnyDesignValueV2(request.before);
  const after = loadAnyDesignValueV2(request.after);
  if (!before.ok || !after.ok || before.kind !== 'clients' || after.kind !== 'clients') return null;
  return { ...request, before: before.model.design, after: after.model.design };
}

function DiffParticipants({ request, onClose }: { request: DiffRequest<DesignV2>; onClose: () => void }) {
  const before = useMemo(() => loadDesignValueV2(request.before), [request.before]);
  const after = useMemo(() => loadDesignValueV2(request.after), [request.after]);
  const diff = useMemo(() => (before.ok && after.ok ? diffDesignsV2(before.model, after.model) : null), [before, after]);
  const beforeCheck = useDesignCheckV2(before.ok ? before.model : null);
  const afterCheck = useDesignCheckV2(after.ok ? after.model : null);
  const rows = beforeCheck?.result && afterCheck?.result ? compareResultsV2(beforeCheck.result, afterCheck.result) : null;
  const title = `${request.beforeLabel} → ${request.afterLabel}`;
  return (
    <DiffFrame
      title={title}
      onClose={onClose}
      invalid={!diff && 'One of the two versions is not a valid design, or one has clients and the other not (they run on different rules); fix it before comparing.'}
    >
      {diff && (
        <>
          <DiffPicturesV2 before={before.ok ? before.model.design : request.before} after={after.ok ? after.model.design : request.after} title={title} />
          <DiffSide changes={diff.changes} rows={rows} request={request} waiting={beforeCheck?.error ?? afterCheck?.error ?? null} />
        </>
      )}
    </DiffFrame>
  );
}
