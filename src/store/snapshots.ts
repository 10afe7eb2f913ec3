import { createStore as createIdbStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { StoredDesign } from './storedRecord';

/**
 * Named versions (snapshots) of a document, kept in their own IndexedDB database so they stay
 * apart from the document records and autosave: a snapshot is written only when the person
 * asks for one, and never changed afterwards. Keys are `snap:<documentId>:<snapshotId>`.
 */
export interface Snapshot {
  readonly id: string;
  readonly documentId: string;
  readonly name: string;
  /** Either format version (a version-2 document keeps version-2 snapshots). */
  readonly design: StoredDesign;
  readonly createdAt: number;
}

export interface SnapshotRepository {
  /** A document's snapshots, newest first. */
  readonly list: (documentId: string) => Promise<Snapshot[]>;
  readonly save: (documentId: string, name: string, design: StoredDesign) => Promise<Snapshot>;
  readonly get: (documentId: string, id: string) => Promise<Snapshot | undefined>;
  readonly remove: (documentId: string, id: string) => Promise<void>;
}

const key = (documentId: string, id: string) => `snap:${documentId}:${id}`;

export function createSnapshotRepository(
  database = 'protocol-studio-snapshots',
  storeName = 'snapshots',
  now: () => number = Date.now,
): SnapshotRepository {
  let store: UseStore | null = null;
  // Opened lazily, like the document repository: making it must not touch IndexedDB.
  const db = () => (store ??= createIdbStore(database, storeName));
  let last = 0;
  return {
    list: async (documentId) => {
      const prefix = `snap:${documentId}:`;
      const all = await entries<string, Snapshot>(db());
      return all
        .filter(([k]) => typeof k === 'string' && k.startsWith(prefix))
        .map(([, s]) => s)
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },
    save: async (documentId, name, design) => {
      // Strictly increasing times keep "newest first" exact for snapshots taken in one millisecond.
      const createdAt = Math.max(now(), last + 1);
      last = createdAt;
      const snapshot: Snapshot = {
        id: `${createdAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        documentId,
        name: name.trim() || new Date(createdAt).toISOString(),
        design,
        createdAt,
      };
      await set(key(documentId, snapshot.id), snapshot, db());
      return snapshot;
    },
    get: (documentId, id) => get<Snapshot>(key(documentId, id), db()),
    remove: (documentId, id) => del(key(documentId, id), db()),
  };
}
