import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadDesign } from '../model/load';
import type { DesignError } from '../model/model';
import { declaredVersion, loadAnyDesignV2 } from '../model/v2/load';
import { startAutosave, type Autosave, type SaveStatus } from './autosave';
import { emptyDesign } from './designEdits';
import type { DesignStore } from './designStore';
import type { DocumentChannel } from './documentChannel';
import { newDocumentId, type DocumentRecord, type DocumentRepository, type DocumentSummary } from './documentRepository';
import { noJournal, type Journal } from './journal';
import { isDesignV2, type StoredDesign } from './storedRecord';
import type { DesignStoreV2 } from './v2/designStoreV2';

/** A bundled example as the workspace needs it (examples/index.ts provides these). */
export interface ExampleDocument {
  readonly title: string;
  readonly lesson: string;
  readonly design: StoredDesign;
}

/** A file that was refused, with every error the loader found. */
export interface RefusedFile {
  readonly fileName: string;
  readonly errors: readonly DesignError[];
}

export interface WorkspaceState {
  readonly ready: boolean;
  readonly documents: readonly DocumentSummary[];
  readonly currentId: string | null;
  /** The open document's format version: 2 is edited in `designsV2`, 1 in `designs`. */
  readonly version: 1 | 2;
  /** The lesson of the example the open document came from. */
  readonly lesson: string | null;
  /** The last deleted document, kept until the next deletion so the toast can undo it. */
  readonly deleted: DocumentRecord | null;
  readonly refused: RefusedFile | null;
  /** Whether the open document as shown is stored (failed writes and conflicts with other tabs included). */
  readonly saveStatus: SaveStatus;
  /** Restores the last open document; on a first visit, opens the first example. */
  readonly init: () => Promise<void>;
  readonly create: (design?: StoredDesign, lesson?: string) => Promise<string>;
  readonly openExample: (example: ExampleDocument) => Promise<string>;
  readonly open: (id: string) => Promise<void>;
  readonly duplicate: (id: string) => Promise<void>;
  readonly rename: (id: string, name: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
  readonly undoRemove: () => Promise<void>;
  /** Opens a `.protocol.json` file's text as a new document, or refuses it (the open one stays). */
  readonly openFile: (fileName: string, text: string) => Promise<boolean>;
  readonly dismissRefused: () => void;
  readonly dismissDeleted: () => void;
  /** Writes pending edits now. */
  readonly flush: () => Promise<void>;
  /** Synchronously journals edits not yet stored (page hide: the reload does not wait for IndexedDB). */
  readonly writeJournal: () => void;
  /** A failed save, tried again now instead of at its next retry. */
  readonly retrySave: () => void;
  /** In a conflict: drops this tab's edits and shows the newer stored revision. */
  readonly reloadTheirs: () => Promise<void>;
  /** In a conflict: keeps this tab's edits as a new document; the stored one stays as the other tab left it. */
  readonly keepMineAsCopy: () => Promise<void>;
  /** A stored record as text, whatever it holds (to download a damaged one). */
  readonly rawText: (id: string) => Promise<string | undefined>;
  readonly dispose: () => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export interface WorkspaceDeps {
  readonly repository: DocumentRepository;
  readonly designs: DesignStore;
  /** Where a version-2 document is edited; without it a version-2 document cannot be shown. */
  readonly designsV2?: DesignStoreV2;
  readonly examples: readonly ExampleDocument[];
  readonly now?: () => number;
  readonly autosaveDelayMs?: number;
  /** Where unsaved edits go synchronously on page hide (default: nowhere). */
  readonly journal?: Journal;
  /** How other tabs learn of writes (default: they do not). */
  readonly channel?: DocumentChannel;
}

/**
 * The documents around the editor: which one is open, the list, files in and out. The design
 * store holds the open document's design; every change to it is autosaved into the open record.
 */
export function createWorkspaceStore(deps: WorkspaceDeps): WorkspaceStore {
  const { repository, designs, examples } = deps;
  const now = deps.now ?? Date.now;
  const journal = deps.journal ?? noJournal;
  const channel = deps.channel;
  let autosave: Autosave | null = null;
  // The stored revision the open document's edits are based on (compare-and-set on every save).
  let baseRevision = 0;
  let stopListening: (() => void) | null = null;
  // init runs once even when called twice (React's StrictMode mounts effects twice).
  let initializing: Promise<void> | null = null;
  // This page's session: revisions it writes and its journal entries carry it.
  const session = newDocumentId();

  return createStore<WorkspaceState>()((set, get) => {
    const refresh = async () => set({ documents: await repository.list() });

    const journalUnsaved = () => {
      const id = get().currentId;
      const design = autosave?.unsaved();
      if (id && design) journal.write({ id, baseRevision, design, writer: session });
    };

    /** Leaves the open document: its edits are written, or journaled when they cannot be. */
    const leave = async () => {
      if (get().saveStatus.kind !== 'conflict') await autosave?.flush();
      journalUnsaved();
      autosave?.stop();
      autosave = null;
    };

    /** Shows `design` as document `record` (based on its revision) and saves its changes from now on. */
    const attach = (record: DocumentRecord, design: StoredDesign, replay: 'none' | 'pending' | 'conflict') => {
      autosave?.stop();
      // Each format version has its own store; the shell shows the one `version` names.
      const v2 = isDesignV2(design) ? deps.designsV2 : undefined;
      if (isDesignV2(design)) {
        if (!v2) throw new Error('This workspace cannot show a version-2 design (no version-2 store).');
        v2.getState().reset(design);
      } else designs.getState().reset(design);
      baseRevision = record.revision;
      set({ currentId: record.id, version: v2 ? 2 : 1, lesson: record.lesson ?? null, saveStatus: { kind: 'saved' } });
      const id = record.id;
      autosave = startAutosave(v2 ?? designs, {
        save: async (d) => {
          const result = await repository.commit(id, d, baseRevision, now(), session);
          if (!result.ok) return { ok: false, theirs: result.current };
          baseRevision = result.record.revision;
          channel?.post({ id, revision: baseRevision });
          await refresh();
          return { ok: true };
        },
        onStatus: (saveStatus) => {
          if (get().currentId !== id) return;
          set({ saveStatus });
          if (saveStatus.kind === 'saved') journal.clear(id);
          // A write that failed or was refused is journaled at once: closing the tab keeps it.
          else if (saveStatus.kind !== 'unsaved') journalUnsaved();
        },
        ...(deps.autosaveDelayMs !== undefined ? { delayMs: deps.autosaveDelayMs } : {}),
        ...(replay === 'none' ? {} : { pending: design }),
      });
      if (replay === 'conflict') autosave.conflict(record);
    };

    const show = async (record: DocumentRecord) => {
      await leave();
      // Edits journaled by a page that closed before they were stored come back here.
      const entry = journal.read(record.id);
      if (entry && JSON.stringify(entry.design) === JSON.stringify(record.design)) journal.clear(record.id);
      if (entry && JSON.stringify(entry.design) !== JSON.stringify(record.design)) {
        // The journal continues the stored revision when nothing was written since it was made, or
        // only by the session that made it (its write in flight when the page closed).
        const continues = entry.baseRevision === record.revision || (record.savedBy === entry.writer && record.revision > entry.baseRevision);
        attach(record, entry.design, continues ? 'pending' : 'conflict');
      } else attach(record, record.design, 'none');
      await repository.setLastOpened(record.id);
    };

    /** Another tab stored a newer revision of the open document: follow it, or flag the conflict. */
    const follow = async (id: string) => {
      const record = await repository.get(id);
      if (!record || get().currentId !== id || record.revision <= baseRevision) return;
      if (autosave?.unsaved()) autosave.conflict(record);
      else attach(record, record.design, 'none');
    };

    const create = async (design: StoredDesign = emptyDesign(), lesson?: string) => {
      const t = now();
      const record = await repository.put({ id: newDocumentId(), design, createdAt: t, updatedAt: t, ...(lesson ? { lesson } : {}) });
      channel?.post({ id: record.id, revision: record.revision });
      await show(record);
      await refresh();
      return record.id;
    };

    return {
      ready: false,
      documents: [],
      currentId: null,
      version: 1,
      lesson: null,
      deleted: null,
      refused: null,
      saveStatus: { kind: 'saved' },
      init: () => (initializing ??= (async () => {
        stopListening = channel?.listen((change) => {
          void refresh();
          if (change.id === get().currentId && !change.removed) void follow(change.id);
        }) ?? null;
        const last = await repository.lastOpened();
        const record = last ? await repository.get(last) : undefined;
        if (record) await show(record);
        else {
          const list = await repository.list();
          const newest = list.find((d) => !d.damaged);
          const next = newest ? await repository.get(newest.id) : undefined;
          if (next) await show(next);
          else if (examples[0]) await create(examples[0].design, examples[0].lesson);
          else await create();
        }
        await refresh();
        set({ ready: true });
      })()),
      create,
      // An example already opened and left unchanged is opened again, not copied; one that was
      // edited stays as it is, and the example opens beside it with a numbered name: two documents
      // never read the same in the list.
      openExample: async (example) => {
        await refresh();
        for (const d of get().documents) {
          if (d.damaged || !isNumbered(d.name, example.design.name)) continue;
          const record = await repository.get(d.id);
          if (record && sameContent(record.design, example.design)) {
            await show(record);
            await refresh();
            return record.id;
          }
        }
        const taken = new Set(get().documents.map((d) => d.name));
        return create({ ...example.design, name: freeName(example.design.name, taken) }, example.lesson);
      },
      open: async (id) => {
        if (id === get().currentId) return;
        const record = await repository.get(id);
        if (record) await show(record);
      },
      duplicate: async (id) => {
        await autosave?.flush();
        const record = await repository.get(id);
        if (!record) return;
        await create({ ...record.design, name: copyName(record.design.name) }, record.lesson);
      },
      rename: async (id, name) => {
        if (id === get().currentId) {
          if (get().version === 2) deps.designsV2?.getState().apply({ type: 'set', path: '/name', value: name });
          else designs.getState().apply({ type: 'setMeta', name });
          await autosave?.flush();
          return;
        }
        const record = await repository.get(id);
        if (!record) return;
        const written = await repository.put({ ...record, design: { ...record.design, name }, updatedAt: now() });
        channel?.post({ id, revision: written.revision });
        await refresh();
      },
      remove: async (id) => {
        await autosave?.flush();
        const record = await repository.get(id);
        await repository.remove(id);
        channel?.post({ id, revision: 0, removed: true });
        if (!record) {
          await refresh(); // a damaged record: nothing to bring back
          return;
        }
        set({ deleted: record });
        if (id === get().currentId) {
          autosave?.stop();
          autosave = null;
          journal.clear(id);
          const rest = (await repository.list()).find((d) => !d.damaged);
          const next = rest ? await repository.get(rest.id) : undefined;
          if (next) await show(next);
          else await create();
        }
        await refresh();
      },
      undoRemove: async () => {
        const record = get().deleted;
        if (!record) return;
        const written = await repository.put(record);
        channel?.post({ id: written.id, revision: written.revision });
        set({ deleted: null });
        await show(written);
        await refresh();
      },
      openFile: async (fileName, text) => {
        // A file is read by the loader of the version it declares (docs/format-v2.md); a version-2 design with clients (§13) too.
        const result = declaredVersion(text) === 2 ? (deps.designsV2 ? loadAnyDesignV2(text) : { ok: false as const, errors: [{ path: '/version', code: 'unsupported-version', message: 'This editor opens version-1 designs only.' }] }) : loadDesign(text);
        if (!result.ok) {
          set({ refused: { fileName, errors: result.errors } });
          return false;
        }
        // The file as written (x-* keys and layout kept), now known to be a valid design.
        await create(JSON.parse(text) as StoredDesign);
        return true;
      },
      dismissRefused: () => set({ refused: null }),
      dismissDeleted: () => set({ deleted: null }),
      flush: async () => {
        await autosave?.flush();
      },
      writeJournal: journalUnsaved,
      retrySave: () => autosave?.retryNow(),
      reloadTheirs: async () => {
        const id = get().currentId;
        const record = id ? await repository.get(id) : undefined;
        if (!id || !record) return;
        journal.clear(id);
        attach(record, record.design, 'none');
      },
      keepMineAsCopy: async () => {
        const id = get().currentId;
        const mine = autosave?.unsaved();
        if (!id || !mine) return;
        autosave?.stop();
        autosave = null;
        journal.clear(id);
        await create({ ...mine, name: copyName(mine.name) }, get().lesson ?? undefined);
      },
      rawText: (id) => repository.raw(id),
      dispose: () => {
        autosave?.stop();
        stopListening?.();
      },
    };
  });
}

/** Whether `name` is `base` or one of its numbered names (`base (2)`…). */
function isNumbered(name: string, base: string): boolean {
  return name === base || (name.startsWith(`${base} (`) && /^ \(\d+\)$/.test(name.slice(base.length)));
}

/** The same design but for its name and layout (a layout is computed when a design is first shown). */
function sameContent(a: StoredDesign, b: StoredDesign): boolean {
  const content = (d: StoredDesign) => JSON.stringify({ ...d, name: '', layout: undefined });
  return content(a) === content(b);
}

/** `name`, or `name (2)`, `name (3)`… : the first not in `taken`. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

function copyName(name: string): string {
  const suffix = ' (copy)';
  return (name.length + suffix.length <= 80 ? name + suffix : name.slice(0, 80 - suffix.length) + suffix) || 'Copy';
}
