import type { ReactNode } from 'react';

/** A message for the person about the run (a trace step that no longer applies, a click that took nothing), with a dismiss button. */
export function RunNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <p role="status" style={{ margin: 0, padding: 6, background: '#fef3c7', border: '1px solid #f59e0b', borderRadius: 4 }}>
      {notice}{' '}
      <button type="button" onClick={onDismiss} aria-label="Dismiss notice">
        ×
      </button>
    </p>
  );
}

/** The enabled steps' section: a fork warning when the run stands before its end, then the format's step list. */
export function EnabledSteps({ cursor, length, children }: { cursor: number; length: number; children: ReactNode }) {
  return (
    <section aria-label="Enabled steps">
      <h3 style={{ margin: '0 0 4px' }}>Enabled steps</h3>
      {cursor < length ? (
        <p style={{ margin: '0 0 4px', fontSize: 12, color: '#64748b' }}>
          You are back at step {cursor}: taking a step here forks the run (the later steps are dropped).
        </p>
      ) : null}
      {children}
    </section>
  );
}
