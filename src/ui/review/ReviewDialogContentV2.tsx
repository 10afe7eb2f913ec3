import { useMemo, useState } from 'react';
import { loadDesignV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { useWorkspace } from '../../store/useWorkspace';
import type { DiffRequest } from './diffRequest';
import { VersionsPanel } from './VersionsPanel';
import type { Design } from '../../model/schema';
import type { Finding } from '../../review/finding';
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
import { useDesignCheck } from './useDesignCheck';
import { useDesignCheckV2 } from './useDesignCheckV2';
import { reviewDesignWithClients } from '../../review/v2/clientsReview';
import { buildReport } from '../../review/reportModel';
import { mermaidDiagram } from '../../export/mermaid/export';

/**
 * The review of a design of several participants: the checklist (`src/review/v2/lintV2.ts`)
 * with silences written into the design (one undo step each), the report's downloads, named
 * versions (save, compare, restore) and the share link. The check runs in the version-2 worker, bounded.
 * A design with clients (docs/format-v2.md §13) is reviewed as the command line's `review` and
 * `report` do: version 1's checklist and report of the version-1 model it stands for, checked in
 * version 1's worker (`reviewDesignWithClients` points its findings into the version-2 file).
 */
export default function ReviewDialogContentV2({ onClose, onCompare }: { onClose: () => void; onCompare: (request: DiffRequest<DesignV2>) => void }) {
  const [tab, setTab] = useState<ReviewTab>('Checklist');
  const design = useDesignV2();
  const loaded = useLoadResultV2();
  const apply = useDesignStateV2((s) => s.apply);
  const select = useDesignStateV2((s) => s.select);
  const { setPanel, setRole } = usePanelV2();
  const documentId = useWorkspace((w) => w.currentId);
  const model = loaded.ok && loaded.kind === 'participants' ? loaded.model : null;
  const check = useDesignCheckV2(model);
  const result = check?.result ?? null;
  const review = useMemo(() => (model ? reviewDesignV2({ document: design, model, ...(result ? { result } : {}) }) : null), [design, model, result]);
  // A design with clients runs as its version-1 model (§13): version 1's check, checklist and report.
  const clients = loaded.ok && loaded.kind === 'clients' ? loaded.model : null;
  const clientsCheck = useDesignCheck(clients);
  const clientsResult = clientsCheck?.result ?? null;
  const clientsReview = useMemo(
    () => (clients ? reviewDesignWithClients({ document: design, model: clients, ...(clientsResult ? { result: clientsResult } : {}) }) : null),
    [design, clients, clientsResult],
  );
  const failed = check?.status === 'failed' ? check.error : clientsCheck?.status === 'failed' ? clientsCheck.error : null;
  const silence = (f: Finding, reason: string | null) => {
    // withSilence edits any JSON by pointer; only the element's `x-review` is written back.
    const next = withSilence(design as unknown as Design, f.path, f.rule, reason);
    apply({ type: 'set', path: `${f.path}/x-review`, value: valueAt(next, `${f.path}/x-review`) });
  };
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
      ) : clients && clientsReview ? (
        tab === 'Checklist' ? (
          <ChecklistView review={clientsReview} verdict={clientsResult?.verdict ?? null} onShow={show} onSilence={silence} />
        ) : (
          <ReportDownloads
            name={clients.name}
            ready={clientsResult !== null}
            report={(date, markdown) =>
              clientsResult ? buildReport({ model: clients, result: clientsResult, review: clientsReview, date, ...(markdown ? { mermaid: mermaidDiagram(clients) } : {}) }) : null
            }
          >
            A design with clients is reviewed as the version-1 design it stands for (its one participant and version 1&apos;s clients), as
            the command line&apos;s report does: the diagram, vars, events, invariants, environment, the verdict with each violation&apos;s
            shortest trace, coverage, client outcomes, the checklist, the design hash and the date. It needs no script and no network.
          </ReportDownloads>
        )
      ) : !model || !review ? (
        <p role="alert">The design has {loaded.ok ? 0 : loaded.errors.length} error(s): fix them before reviewing.</p>
      ) : tab === 'Checklist' ? (
        <ChecklistView
          review={review}
          verdict={result?.verdict ?? null}
          onShow={show}
          onSilence={silence}
        />
      ) : (
        <ReportDownloads name={model.name} ready={result !== null} report={(date) => (result ? buildReportV2({ model, result, review, date }) : null)}>
          One file to share: a section per role (states, vars with storage, transitions with sends, calls and acks), the messages and
          the network model of each link, crashes, the verdict with each violation&apos;s shortest trace (a column and a lifeline
          per instance), coverage per role, call outcomes per call site, the checklist, the design hash and the date. It needs no
          script and no network.
        </ReportDownloads>
      )}
      {failed !== null && <p role="alert">The check failed: {failed}</p>}
    </ReviewFrame>
  );
}
