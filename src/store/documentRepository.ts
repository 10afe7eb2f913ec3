import { createStore as createIdbStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { rawText, readStoredRecord, type DocumentRecord, type StoredDesign } from './storedRecord';

export type { DocumentRecord } from './storedRecord';

/**
 * Documents saved in IndexedDB (idb-keyval). A document is the design plus what the editor keeps
 * beside it: the lesson of the example it came from, and a revision. Records are whole, and
 * every one is checked when read (`storedRecord.ts`): a damaged record is listed as damaged,
 * never handed to the editor.
 */
export interface DocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
  /** The design's format version (2: several participants); absent for a damaged record. */
  readonly version?: 1 | 2;
  /** Set when the record cannot be opened: what is wrong with it. */
  readonly damaged?: string;
}

/** A save based on `baseRevision`: written, or refused because the stored revision moved on. */
export type CommitResult = { ok: true; record: DocumentRecord } | { ok: false; current: DocumentRecord };

export interface DocumentRepository {
  /** Every document, newest first; damaged records too, marked. */
  readonly list: () => Promise<DocumentSummary[]>;
  /** The record, or undefined when it is missing or damaged. */
  readonly get: (id: string) => Promise<DocumentRecord | undefined>;
  /** The stored value as text, whatever it holds (to download a damaged record). */
  readonly raw: (id: string) => Promise<string | undefined>;
  /** Writes the record whatever is stored, one revision past it. */
  readonly put: (record: Omit<DocumentRecord, 'revision'>) => Promise<DocumentRecord>;
  /**
   * Compare-and-set, in one IndexedDB transaction: writes `design` as revision `baseRevision + 1`
   * only when the stored revision is still `baseRevision` (or the record is gone).
   */
  readonly commit: (id: string, design: StoredDesign, baseRevision: number, at: number, savedBy?: string) => Promise<CommitResult>;
  readonly remove: (id: string) => Promise<void>;
  readonly lastOpened: () => Promise<string | undefined>;
  readonly setLastOpened: (id: string) => Promise<void>;
}

const DOC = 'doc:';
const LAST = 'meta:last-opened';

/** The repository over a named IndexedDB database (tests pass their own name under fake-indexeddb). */
export function createDocumentRepository(database = 'protocol-studio', storeName = 'documents'): DocumentRepository {
  let store: UseStore | null = null;
  // Opened lazily: making the repository must not touch IndexedDB (server render, tests).
  const db = () => (store ??= createIdbStore(database, storeName));
  const revisionOf = (value: unknown, id: string): number | undefined => {
    const read = readStoredRecord(value, id);
    return read.ok ? read.record.revision : undefined;
  };
  // Each record's summary by its revision and time: every write gives a record a new revision,
  // so the list after an autosave checks only the record written, not every design stored.
  const summaries = new Map<string, { stamp: string; summary: DocumentSummary }>();
  return {
    list: async () => {
      const all = await entries<IDBValidKey, unknown>(db());
      return all
        .filter((entry): entry is [string, unknown] => typeof entry[0] === 'string' && entry[0].startsWith(DOC))
        .map(([key, value]): DocumentSummary => {
          const id = key.slice(DOC.length);
          const stamp = stampOf(value);
          const known = summaries.get(id);
          if (stamp !== null && known?.stamp === stamp) return known.summary;
          const read = readStoredRecord(value, id);
          const summary: DocumentSummary = read.ok ? { id, name: read.record.design.name, updatedAt: read.record.updatedAt, version: read.record.design.version } : { id, name: `Damaged record ${id}`, updatedAt: 0, damaged: read.problem };
          if (stamp !== null) summaries.set(id, { stamp, summary });
          else summaries.delete(id);
          return summary;
        })
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    get: async (id) => {
      const read = readStoredRecord(await get<unknown>(DOC + id, db()), id);
      return read.ok ? read.record : undefined;
    },
    raw: async (id) => {
      const value = await get<unknown>(DOC + id, db());
      return value === undefined ? undefined : rawText(value);
    },
    put: async (record) => {
      let written: DocumentRecord | null = null;
      // Never below the record's own revision (a deleted record put back), never below the stored one.
      const own = (record as Partial<DocumentRecord>).revision ?? 0;
      await update<unknown>(DOC + record.id, (old) => (written = { ...record, revision: Math.max(own, revisionOf(old, record.id) ?? 0) + 1 }), db());
      return written!;
    },
    commit: async (id, design, baseRevision, at, savedBy) => {
      let result: CommitResult | null = null;
      await update<unknown>(
        DOC + id,
        (old) => {
          const read = old === undefined ? null : readStoredRecord(old, id);
          if (read?.ok && read.record.revision !== baseRevision) {
            result = { ok: false, current: read.record };
            return old;
          }
          // Missing (deleted in another tab) or damaged: the open document is written back whole.
          const base = read?.ok ? read.record : { id, createdAt: at };
          const record: DocumentRecord = { ...base, id, design, updatedAt: at, revision: baseRevision + 1, ...(savedBy ? { savedBy } : {}) };
          result = { ok: true, record };
          return record;
        },
        db(),
      );
      return result!;
    },
    remove: (id) => del(DOC + id, db()),
    lastOpened: async () => {
      const last = await get<unknown>(LAST, db());
      return typeof last === 'string' ? last : undefined;
    },
    setLastOpened: (id) => set(LAST, id, db()),
  };
}

/** A fresh document id: time-ordered, random tail. */
export function newDocumentId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A record's revision and time of writing, or null when it has no revision (an old or damaged record: checked every time). */
function stampOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { revision, updatedAt } = value as { revision?: unknown; updatedAt?: unknown };
  return typeof revision === 'number' && typeof updatedAt === 'number' ? `${revision}:${updatedAt}` : null;
}
