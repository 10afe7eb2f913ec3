import type { Design } from '../model/schema';
import type { DesignStore } from './designStore';

/** Saves wait this long after the last edit: well within the half second a person may lose. */
export const AUTOSAVE_DELAY_MS = 250;

export interface Autosave {
  /** Writes a pending change now (before switching documents, on page hide). */
  readonly flush: () => Promise<void>;
  readonly stop: () => void;
}

/**
 * Saves the design whenever it changes, debounced. `save` receives the design to write; the
 * caller decides where (the document open at the time of the edit).
 */
export function startAutosave(store: DesignStore, save: (design: Design) => Promise<void>, delayMs = AUTOSAVE_DELAY_MS): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Design | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const design = pending;
    pending = null;
    if (design) writing = writing.then(() => save(design)).catch((error: unknown) => console.error('Autosave failed', error));
    await writing;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  });

  return {
    flush,
    stop: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
