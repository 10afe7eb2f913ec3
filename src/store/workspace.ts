import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadDesign } from '../model/load';
import type { DesignError } from '../model/model';
import type { Design } from '../model/schema';
import { startAutosave, type Autosave } from './autosave';
import { emptyDesign } from './designEdits';
import type { DesignStore } from './designStore';
import { newDocumentId, type DocumentRecord, type DocumentRepository, type DocumentSummary } from './documentRepository';

/** A bundled example as the workspace needs it (examples/index.ts provides these). */
export interface ExampleDocument {
  readonly title: string;
  readonly lesson: string;
  readonly design: Design;
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
  /** The lesson of the example the open document came from. */
  readonly lesson: string | null;
  /** The last deleted document, kept until the next deletion so the toast can undo it. */
  readonly deleted: DocumentRecord | null;
  readonly refused: RefusedFile | null;
  /** Restores the last open document; on a first visit, opens the first example. */
  readonly init: () => Promise<void>;
  readonly create: (design?: Design, lesson?: string) => Promise<string>;
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
  readonly dispose: () => void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

export interface WorkspaceDeps {
  readonly repository: DocumentRepository;
  readonly designs: DesignStore;
  readonly examples: readonly ExampleDocument[];
  readonly now?: () => number;
  readonly autosaveDelayMs?: number;
}

/**
 * The documents around the editor: which one is open, the list, files in and out. The design
 * store holds the open document's design; every change to it is autosaved into the open record.
 */
export function createWorkspaceStore(deps: WorkspaceDeps): WorkspaceStore {
  const { repository, designs, examples } = deps;
  const now = deps.now ?? Date.now;
  let autosave: Autosave | null = null;
  // init runs once even when called twice (React's StrictMode mounts effects twice).
  let initializing: Promise<void> | null = null;

  return createStore<WorkspaceState>()((set, get) => {
    const refresh = async () => set({ documents: await repository.list() });

    const save = async (id: string, design: Design) => {
      const existing = await repository.get(id);
      const t = now();
      await repository.put({ ...(existing ?? { id, createdAt: t }), id, design, updatedAt: t });
      await refresh();
    };

    const show = async (record: DocumentRecord) => {
      await autosave?.flush();
      autosave?.stop();
      designs.getState().reset(record.design);
      set({ currentId: record.id, lesson: record.lesson ?? null });
      autosave = startAutosave(designs, (design) => save(record.id, design), deps.autosaveDelayMs);
      await repository.setLastOpened(record.id);
    };

    const create = async (design: Design = emptyDesign(), lesson?: string) => {
      const t = now();
      const record: DocumentRecord = { id: newDocumentId(), design, createdAt: t, updatedAt: t, ...(lesson ? { lesson } : {}) };
      await repository.put(record);
      await show(record);
      await refresh();
      return record.id;
    };

    return {
      ready: false,
      documents: [],
      currentId: null,
      lesson: null,
      deleted: null,
      refused: null,
      init: () => (initializing ??= (async () => {
        const last = await repository.lastOpened();
        const record = last ? await repository.get(last) : undefined;
        if (record) await show(record);
        else {
          const list = await repository.list();
          const newest = list[0] ? await repository.get(list[0].id) : undefined;
          if (newest) await show(newest);
          else if (examples[0]) await create(examples[0].design, examples[0].lesson);
          else await create();
        }
        await refresh();
        set({ ready: true });
      })()),
      create,
      openExample: (example) => create(example.design, example.lesson),
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
          designs.getState().apply({ type: 'setMeta', name });
          await autosave?.flush();
          return;
        }
        const record = await repository.get(id);
        if (!record) return;
        await repository.put({ ...record, design: { ...record.design, name }, updatedAt: now() });
        await refresh();
      },
      remove: async (id) => {
        await autosave?.flush();
        const record = await repository.get(id);
        if (!record) return;
        await repository.remove(id);
        set({ deleted: record });
        if (id === get().currentId) {
          const rest = (await repository.list())[0];
          const next = rest ? await repository.get(rest.id) : undefined;
          if (next) await show(next);
          else await create();
        }
        await refresh();
      },
      undoRemove: async () => {
        const record = get().deleted;
        if (!record) return;
        await repository.put(record);
        set({ deleted: null });
        await show(record);
        await refresh();
      },
      openFile: async (fileName, text) => {
        const result = loadDesign(text);
        if (!result.ok) {
          set({ refused: { fileName, errors: result.errors } });
          return false;
        }
        // The file as written (x-* keys and layout kept), now known to be a valid design.
        await create(JSON.parse(text) as Design);
        return true;
      },
      dismissRefused: () => set({ refused: null }),
      dismissDeleted: () => set({ deleted: null }),
      flush: async () => {
        await autosave?.flush();
      },
      dispose: () => autosave?.stop(),
    };
  });
}

function copyName(name: string): string {
  const suffix = ' (copy)';
  return (name.length + suffix.length <= 80 ? name + suffix : name.slice(0, 80 - suffix.length) + suffix) || 'Copy';
}
