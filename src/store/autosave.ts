import type { DocumentRecord, StoredDesign } from './storedRecord';

/** Saves wait this long after the last edit: well within the half second a person may lose. */
export const AUTOSAVE_DELAY_MS = 250;
/** A failed save is retried after 1 s, 2 s, 4 s … at most this long apart. */
export const RETRY_MAX_MS = 30_000;

/** Whether what the screen shows is stored; the header shows it. */
export type SaveStatus =
  | { readonly kind: 'saved' }
  /** Edits waiting for the debounce, or being written. */
  | { readonly kind: 'unsaved' }
  /** The last write failed (storage full, disk error); retried with backoff. */
  | { readonly kind: 'failed'; readonly message: string; readonly attempts: number; readonly retryInMs: number }
  /** Another tab stored a newer revision: nothing is written until the user chooses. */
  | { readonly kind: 'conflict'; readonly theirs: DocumentRecord };

/** A write's outcome: done, or refused because the stored document moved on. */
export type SaveOutcome = { readonly ok: true } | { readonly ok: false; readonly theirs: DocumentRecord };

export interface Autosave {
  /** Writes a pending change now (before switching documents, on page hide). */
  readonly flush: () => Promise<void>;
  /** The newest design not yet stored, or null when everything shown is stored. */
  readonly unsaved: () => StoredDesign | null;
  /** Stops writing: another tab's newer revision is stored (a conflict the user resolves). */
  readonly conflict: (theirs: DocumentRecord) => void;
  readonly retryNow: () => void;
  readonly stop: () => void;
}

export interface AutosaveOptions {
  readonly save: (design: StoredDesign) => Promise<SaveOutcome>;
  readonly onStatus: (status: SaveStatus) => void;
  readonly delayMs?: number;
  /** A design to write as soon as the autosave starts (a journal replayed at start). */
  readonly pending?: StoredDesign;
}

/**
 * Saves the design whenever it changes, debounced, one write at a time. A failed write keeps the
 * edit as unsaved and is retried with backoff; a write refused as stale stops saving until the
 * user decides (it is never retried over the newer revision).
 */
/** What autosave watches: a design store of either format version (v1 `DesignStore`, v2 `DesignStoreV2`). */
export interface DesignSource {
  readonly subscribe: (listener: (state: { readonly design: StoredDesign }, previous: { readonly design: StoredDesign }) => void) => () => void;
}

export function startAutosave(store: DesignSource, options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: StoredDesign | null = options.pending ?? null;
  let writing: Promise<void> = Promise.resolve();
  let attempts = 0;
  let conflicted = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(() => void flush(), ms);
  };

  const attempt = async () => {
    const design = latest;
    if (!design || conflicted) return;
    try {
      const outcome = await options.save(design);
      if (!outcome.ok) {
        conflicted = true;
        options.onStatus({ kind: 'conflict', theirs: outcome.theirs });
        return;
      }
      attempts = 0;
      if (latest === design) {
        latest = null;
        options.onStatus({ kind: 'saved' });
      } else schedule(delayMs);
    } catch (error) {
      attempts++;
      const retryInMs = Math.min(1000 * 2 ** (attempts - 1), RETRY_MAX_MS);
      options.onStatus({ kind: 'failed', message: saveErrorText(error), attempts, retryInMs });
      schedule(retryInMs);
    }
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(attempt);
    return writing;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    latest = state.design;
    if (conflicted) return;
    // While a failed write waits for its retry, the retry takes the newest design.
    if (attempts === 0) {
      options.onStatus({ kind: 'unsaved' });
      schedule(delayMs);
    }
  });
  if (latest) {
    options.onStatus({ kind: 'unsaved' });
    schedule(0);
  }

  return {
    flush,
    unsaved: () => latest,
    conflict: (theirs) => {
      conflicted = true;
      if (timer) clearTimeout(timer);
      options.onStatus({ kind: 'conflict', theirs });
    },
    retryNow: () => void flush(),
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** A write error in one phrase: the browser's QuotaExceededError says the disk is full. */
export function saveErrorText(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  return error instanceof Error ? error.message || error.name : String(error);
}
