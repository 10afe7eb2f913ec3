import type { ReactNode } from 'react';

export const REVIEW_TABS = ['Checklist', 'Report', 'Versions', 'Share'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/** The Review dialog's tabs, the chosen tab's panel and Close: the same for both format versions. */
export function ReviewFrame({
  tab,
  onTab,
  onClose,
  children,
}: {
  tab: ReviewTab;
  onTab: (tab: ReviewTab) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="review">
      <div role="tablist" aria-label="Review" className="side-tabs">
        {REVIEW_TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => onTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab} className="review__panel">
        {children}
      </div>
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
