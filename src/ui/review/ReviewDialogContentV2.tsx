import { useMemo, useState } from 'react';
import { loadDesignV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { useWorkspace } from '../../store/useWorkspace';
import type { DiffRequest } from './diffRequest';
import { VersionsPanel } from './VersionsPanel';
import type { Design } from '../../model/schema';
import { reviewDesignV2 } from '../../review/v2/lintV2';
import { buildReportV2 } from '../../review/v2/reportV2';
import { withSilence } from '../../review/silence';
import { valueAt } from '../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2, useLoadResultV2 } from '../../store/v2/useDesignV2';
import { placeOf } from '../v2/errorPlaces';
import { usePanelV2 } from '../v2/panelContext';
import { ChecklistView } from './ChecklistPanel';
import { ReportDownloads } from './ReportPanel';
import { ReviewFrame, type ReviewTab } from './ReviewFrame';
import { SharePanel } from './SharePanel';
import { useDesignCheckV2 } from './useDesignCheckV2';

/**
 * The review of a design of several participants: the checklist (`src/review/v2/lintV2.ts`)
 * with silences written into the design (one undo step each), the report's downloads, named
 * versions (save, compare, restore) and the share link. The check runs in the version-2 worker, bounded.
 */
export default function ReviewDialogContentV2({ onClose, onCompare }: { onClose: () => void; onCompare: (request: DiffRequest<DesignV2>) => void }) {
  const [tab, setTab] = useState<ReviewTab>('Checklist');
  const design = useDesignV2();
  const loaded = useLoadResultV2();
  const apply = useDesignStateV2((s) => s.apply);
  const select = useDesignStateV2((s) => s.select);
  const { setPanel, setRole } = usePanelV2();
  const documentId = useWorkspace((w) => w.currentId);
  // A design with clients (docs/format-v2.md §13) runs as its version-1 model: reviewed from the command line for now.
  const model = loaded.ok && loaded.kind === 'participants' ? loaded.model : null;
  const check = useDesignCheckV2(model);
  const result = check?.result ?? null;
  const review = useMemo(() => (model ? reviewDesignV2({ document: design, model, ...(result ? { result } : {}) }) : null), [design, model, result]);
  const show = (path: string) => {
    const place = placeOf(design, path);
    if (place.role !== null) {
      setRole(place.role);
      select({ role: place.role, states: place.state !== null ? [place.state] : [], transitions: place.transition !== null ? [place.transition] : [] });
    }
    setPanel(place.panel);
    onClose();
  };
  return (
    <ReviewFrame tab={tab} onTab={setTab} onClose={onClose}>
      {tab === 'Share' ? (
        <SharePanel design={design} />
      ) : tab === 'Versions' ? (
        documentId ? (
          <VersionsPanel
            documentId={documentId}
            design={design}
            read={(text) => {
              const read = loadDesignV2(text);
              return read.ok ? read.model.design : (read.errors[0]?.message ?? 'invalid');
            }}
            onRestore={(d) => apply({ type: 'set', path: '', value: d })}
            onCompare={(r) => {
              onCompare(r);
              onClose();
            }}
          />
        ) : (
          <p>No document is open.</p>
        )
      ) : loaded.ok && loaded.kind === 'clients' ? (
        <p role="status">A design with clients is reviewed as the version-1 design it stands for, from the command line for now: npm run -s cli -- review FILE (or report FILE -o report.html).</p>
      ) : !model || !review ? (
        <p role="alert">The design has {loaded.ok ? 0 : loaded.errors.length} error(s): fix them before reviewing.</p>
      ) : tab === 'Checklist' ? (
        <ChecklistView
          review={review}
          verdict={result?.verdict ?? null}
          onShow={show}
          onSilence={(f, reason) => {
            // withSilence edits any JSON by pointer; only the element's `x-review` is written back.
            const next = withSilence(design as unknown as Design, f.path, f.rule, reason);
            apply({ type: 'set', path: `${f.path}/x-review`, value: valueAt(next, `${f.path}/x-review`) });
          }}
        />
      ) : (
        <ReportDownloads name={model.name} ready={result !== null} report={(date) => (result ? buildReportV2({ model, result, review, date }) : null)}>
          One file to share: a section per role (states, vars with storage, transitions with sends, calls and acks), the messages and
          the network model of each link, crashes, the verdict with each violation&apos;s shortest trace (a column and a lifeline
          per instance), coverage per role, call outcomes per call site, the checklist, the design hash and the date. It needs no
          script and no network.
        </ReportDownloads>
      )}
      {check?.status === 'failed' && <p role="alert">The check failed: {check.error}</p>}
    </ReviewFrame>
  );
}
