import { createStore as createIdbStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Design } from '../model/schema';

/**
 * Documents saved in IndexedDB (idb-keyval). A document is the design plus what the editor keeps
 * beside it: the lesson of the example it came from. Records are whole: a crash mid-save loses at
 * most the last half second, never a document.
 */
export interface DocumentRecord {
  readonly id: string;
  readonly design: Design;
  /** The lesson of the bundled example this document was opened from. */
  readonly lesson?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface DocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
}

export interface DocumentRepository {
  readonly list: () => Promise<DocumentSummary[]>;
  readonly get: (id: string) => Promise<DocumentRecord | undefined>;
  readonly put: (record: DocumentRecord) => Promise<void>;
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
  return {
    list: async () => {
      const all = await entries<string, DocumentRecord>(db());
      return all
        .filter(([k]) => typeof k === 'string' && k.startsWith(DOC))
        .map(([, r]) => ({ id: r.id, name: r.design.name, updatedAt: r.updatedAt }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    get: (id) => get<DocumentRecord>(DOC + id, db()),
    put: (record) => set(DOC + record.id, record, db()),
    remove: (id) => del(DOC + id, db()),
    lastOpened: () => get<string>(LAST, db()),
    setLastOpened: (id) => set(LAST, id, db()),
  };
}

/** A fresh document id: time-ordered, random tail. */
export function newDocumentId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
