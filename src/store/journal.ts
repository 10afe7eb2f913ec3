import { designProblem, type StoredDesign } from './storedRecord';

/**
 * The write-ahead journal: an edit shown on screen but not yet in IndexedDB (the debounce, a
 * write in flight, a failed save) is written here synchronously when the page hides or a save
 * fails, and replayed when the document is next shown. IndexedDB is asynchronous and a reload does
 * not wait for it; `localStorage` is synchronous and survives the reload.
 */
export interface JournalEntry {
  readonly id: string;
  /** The stored revision the edits were made on. */
  readonly baseRevision: number;
  readonly design: StoredDesign;
  /** The page session that made the edits (see `DocumentRecord.savedBy`). */
  readonly writer: string;
}

export interface Journal {
  /** False when the entry could not be written (storage full or unavailable). */
  readonly write: (entry: JournalEntry) => boolean;
  readonly read: (id: string) => JournalEntry | undefined;
  readonly clear: (id: string) => void;
}

const PREFIX = 'protocol-studio:journal:';

/** The journal over a `Storage` (the page's `localStorage`; tests pass their own). */
export function createJournal(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage()): Journal {
  return {
    write: (entry) => {
      try {
        storage?.setItem(PREFIX + entry.id, JSON.stringify(entry));
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    read: (id) => {
      try {
        const text = storage?.getItem(PREFIX + id);
        if (!text) return undefined;
        const entry = JSON.parse(text) as Partial<JournalEntry>;
        // Checked like a stored record: a damaged entry is dropped, never shown.
        if (entry.id !== id || typeof entry.baseRevision !== 'number' || typeof entry.writer !== 'string' || designProblem(entry.design) !== null) return undefined;
        return entry as JournalEntry;
      } catch {
        return undefined;
      }
    },
    clear: (id) => {
      try {
        storage?.removeItem(PREFIX + id);
      } catch {
        // Nothing to do: a stale entry equal to the stored design is dropped when next read.
      }
    },
  };
}

/** A journal that keeps nothing (no `localStorage`: server render, tests that do not need one). */
export const noJournal: Journal = { write: () => false, read: () => undefined, clear: () => {} };

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // access denied (storage disabled for the site)
  }
}
