import { useEffect, useState } from 'react';
import { useOpenDesign } from '../../store/useOpenDesign';
import { useWorkspace } from '../../store/useWorkspace';
import { downloadDesign } from './downloadDesign';
import { useStorageSpace } from './useStorageSpace';

/**
 * Whether what the screen shows is stored. Quiet while saves succeed ("Saved" in the header);
 * a failed save or a newer revision from another tab becomes a bar that says what happened and
 * what the user can do, and stays until it is resolved.
 */
export function SaveStatusBar() {
  const status = useWorkspace((w) => w.saveStatus);
  const { retrySave, reloadTheirs, keepMineAsCopy } = useWorkspace((w) => w);
  const design = useOpenDesign();
  const space = useStorageSpace(status.kind === 'failed');
  if (status.kind === 'failed') {
    return (
      <div className="save-bar save-bar--error" role="alert">
        <span>
          <strong>Not saved:</strong> {status.message}. Your edits are kept in this tab; <RetryIn ms={status.retryInMs} key={status.attempts} />
          {space && ` ${space}`}
        </span>
        <button type="button" onClick={retrySave}>
          Retry now
        </button>
        <button type="button" className="primary" onClick={() => downloadDesign(design)}>
          Download the document
        </button>
      </div>
    );
  }
  if (status.kind === 'conflict') {
    return (
      <div className="save-bar save-bar--warn" role="alert">
        <span>
          <strong>Changed in another tab.</strong> “{status.theirs.design.name}” was saved elsewhere after you started editing here; your edits in this
          tab are not saved over it.
        </span>
        <button type="button" onClick={() => void reloadTheirs()}>
          Reload the other tab’s version
        </button>
        <button type="button" className="primary" onClick={() => void keepMineAsCopy()}>
          Save mine as a copy
        </button>
      </div>
    );
  }
  return space ? (
    <div className="save-bar save-bar--warn" role="status">
      {space}
    </div>
  ) : null;
}

/** "Saved" or "Unsaved changes" beside the document name. */
export function SaveIndicator() {
  const kind = useWorkspace((w) => w.saveStatus.kind);
  const text = kind === 'saved' ? 'Saved' : kind === 'unsaved' ? 'Saving…' : 'Unsaved changes';
  return (
    <span className={`save-indicator save-indicator--${kind}`} role="status" aria-label={`Save status: ${text}`}>
      {text}
    </span>
  );
}

function RetryIn({ ms }: { ms: number }) {
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{left > 0 ? `trying again in ${left} s.` : 'trying again now.'}</>;
}
