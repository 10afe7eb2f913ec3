import { useState } from 'react';
import { loadDesign } from '../../model/load';
import type { Design } from '../../model/schema';
import { useApplyEdit } from '../../store/useApplyEdit';
import { useDesign } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { useWorkspace } from '../../store/useWorkspace';
import { ChecklistPanel } from './ChecklistPanel';
import type { DiffRequest } from './diffRequest';
import { ReportPanel } from './ReportPanel';
import { ReviewFrame, type ReviewTab } from './ReviewFrame';
import { SharePanel } from './SharePanel';
import { useDesignCheck } from './useDesignCheck';
import { useGoToElement } from './useGoToElement';
import { VersionsPanel } from './VersionsPanel';

export default function ReviewDialogContent({
  onClose,
  onCompare,
}: {
  onClose: () => void;
  onCompare: (request: DiffRequest) => void;
}) {
  const [tab, setTab] = useState<ReviewTab>('Checklist');
  const design = useDesign();
  const loaded = useLoadResult();
  const documentId = useWorkspace((w) => w.currentId);
  // Keyed on the design's identity: x-review silences and positions do not rerun the check.
  const check = useDesignCheck(loaded.ok ? loaded.model : null);
  const result = check?.result ?? null;
  const goTo = useGoToElement();
  const apply = useApplyEdit();
  return (
    <ReviewFrame tab={tab} onTab={setTab} onClose={onClose}>
      {!loaded.ok && (tab === 'Checklist' || tab === 'Report') ? (
        <p role="alert">The design has {loaded.errors.length} error(s): fix them before reviewing.</p>
      ) : tab === 'Checklist' && loaded.ok ? (
        <ChecklistPanel
          design={design}
          model={loaded.model}
          result={result}
          onShow={(path) => {
            onClose();
            goTo(path);
          }}
        />
      ) : tab === 'Report' && loaded.ok ? (
        <ReportPanel design={design} model={loaded.model} result={result} />
      ) : tab === 'Versions' ? (
        documentId ? (
          <VersionsPanel
            documentId={documentId}
            design={design}
            read={(text) => {
              const loaded = loadDesign(text);
              return loaded.ok ? (JSON.parse(text) as Design) : (loaded.errors[0]?.message ?? 'invalid');
            }}
            onRestore={(d) => apply({ type: 'replace', design: d })}
            onCompare={(r) => {
              onCompare(r);
              onClose();
            }}
          />
        ) : (
          <p>No document is open.</p>
        )
      ) : (
        <SharePanel design={design} />
      )}
      {check?.status === 'failed' && <p role="alert">The check failed: {check.error}</p>}
    </ReviewFrame>
  );
}
