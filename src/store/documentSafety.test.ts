import 'fake-indexeddb/auto';
import { createStore as createIdbStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import type { Design } from '../model/schema';
import { emptyDesign } from './designEdits';
import { createDesignStore } from './designStore';
import type { DocumentChange, DocumentChannel } from './documentChannel';
import { createDocumentRepository, type DocumentRepository } from './documentRepository';
import { createJournal } from './journal';
import type { DocumentRecord } from './storedRecord';
import { createWorkspaceStore } from './workspace';

/** The state names of a stored version-1 design (these tests store version 1 only). */
const stateNames = (record: DocumentRecord | undefined) => (record?.design as Design | undefined)?.states.map((s) => s.name);

/** Nothing lost: damaged records, failed writes, reloads before a write, two tabs (issue 12 items 1–4). */

const example: Design = { ...emptyDesign('Example'), states: [{ name: 'Idle', initial: true }] };
let counter = 0;
const database = () => `safety-${++counter}`;

/** One tab's localStorage: survives a reload of that tab. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
}

/** A BroadcastChannel between tabs of one test: a tab does not hear its own posts. */
function channelHub() {
  const listeners = new Set<{ from: object; fn: (c: DocumentChange) => void }>();
  return (): DocumentChannel => {
    const me = {};
    return {
      post: (c) => listeners.forEach((l) => l.from !== me && l.fn(c)),
      listen: (fn) => {
        const l = { from: me, fn };
        listeners.add(l);
        return () => listeners.delete(l);
      },
      close: () => {},
    };
  };
}

interface TabOptions {
  storage?: ReturnType<typeof memoryStorage>;
  channel?: DocumentChannel;
  /** 5 ms unless a test needs edits to stay unsaved until it flushes them. */
  autosaveDelayMs?: number;
}
function tab(repository: DocumentRepository, options: TabOptions = {}) {
  const designs = createDesignStore(emptyDesign());
  const workspace = createWorkspaceStore({
    repository,
    designs,
    examples: [{ title: 'E', lesson: 'L', design: example }],
    autosaveDelayMs: options.autosaveDelayMs ?? 5,
    ...(options.storage ? { journal: createJournal(options.storage) } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
  });
  return { designs, workspace, w: () => workspace.getState(), names: () => designs.getState().design.states.map((s) => s.name) };
}
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for an assertion to hold (a write or a message between tabs lands a few macrotasks later), up to 10 s on a loaded machine. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 10_000, interval: 10 });

describe('a corrupt stored document never blanks the app or hides the others', () => {
  it('lists each damaged record with what is wrong, opens the good one, and gives the raw text', async () => {
    const name = database();
    const repository = createDocumentRepository(name);
    const first = tab(repository);
    await first.w().init();
    const good = first.w().currentId!;
    await first.w().flush();

    const raw = createIdbStore(name, 'documents');
    const base = { createdAt: 1, updatedAt: 2 };
    await set('doc:s', { id: 's', design: 'a string', ...base }, raw);
    await set('doc:n', { id: 'n', design: null, ...base }, raw);
    await set('doc:f', { id: 'f', design: { ...example, states: 5 }, ...base }, raw);
    await set('doc:t', 'just text', raw);
    await set('meta:last-opened', 'f', raw);

    const again = tab(repository);
    await again.w().init();
    expect(again.w().currentId).toBe(good);
    expect(again.names()).toEqual(['Idle']);
    const damaged = Object.fromEntries(again.w().documents.filter((d) => d.damaged).map((d) => [d.id, d.damaged]));
    expect(Object.keys(damaged).sort()).toEqual(['f', 'n', 's', 't']);
    expect(damaged['f']).toMatch(/^\/design\/states: /);
    expect(damaged['t']).toMatch(/a string, not an object/);
    expect(again.w().documents.find((d) => d.id === good)?.damaged).toBeUndefined();
    expect(await again.w().rawText('t')).toBe('just text');
    expect(JSON.parse((await again.w().rawText('f'))!).design.states).toBe(5);
    await again.w().remove('t');
    expect(again.w().documents.map((d) => d.id)).not.toContain('t');
  });

  it('keeps designs that are being edited even when they break the loader’s value rules', async () => {
    const repository = createDocumentRepository(database());
    const a = tab(repository);
    await a.w().init();
    a.designs.getState().apply({ type: 'setMeta', name: '' });
    a.designs.getState().apply({ type: 'addEvent', item: { name: 'E', source: 'client', retry: { maxAttempts: 1.5 }, afterMs: -1 } });
    await a.w().flush();
    const b = tab(repository);
    await b.w().init();
    expect(b.w().documents.filter((d) => d.damaged)).toEqual([]);
    expect(b.designs.getState().design.events[0]?.retry?.maxAttempts).toBe(1.5);
  });
});

describe('a failed save is visible and recoverable', () => {
  it('shows the edit as not saved, journals it, retries, and only then says saved', async () => {
    const repository = createDocumentRepository(database());
    let failures = 2;
    const full: DocumentRepository = {
      ...repository,
      commit: (...args) => (failures-- > 0 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : repository.commit(...args)),
    };
    const storage = memoryStorage();
    const a = tab(full, { storage });
    await a.w().init();
    a.designs.getState().apply({ type: 'addState', state: { name: 'Kept' } });
    await a.w().flush();
    const status = a.w().saveStatus;
    expect(status).toMatchObject({ kind: 'failed', attempts: 1, retryInMs: 1000, message: expect.stringMatching(/storage .* is full/) });
    // The edit is journaled at once: a reload now keeps it although IndexedDB never got it.
    const id = a.w().currentId!;
    expect(stateNames(await repository.get(id))).toEqual(['Idle']);
    expect([...storage.items.keys()]).toEqual([`protocol-studio:journal:${id}`]);

    await a.w().flush();
    expect(a.w().saveStatus).toMatchObject({ kind: 'failed', attempts: 2, retryInMs: 2000 });
    a.w().retrySave();
    await eventually(() => expect(a.w().saveStatus).toEqual({ kind: 'saved' }));
    expect(stateNames(await repository.get(id))).toEqual(['Idle', 'Kept']);
    expect(storage.items.size).toBe(0);
  });
});

describe('an edit survives an immediate reload', () => {
  it('replays the journal written on page hide, 20 reloads out of 20', async () => {
    const repository = createDocumentRepository(database());
    const storage = memoryStorage();
    let page = tab(repository, { storage });
    await page.w().init();
    for (let k = 1; k <= 20; k++) {
      page.designs.getState().apply({ type: 'setMeta', description: `edit ${k}` });
      page.w().writeJournal(); // pagehide: synchronous; the IndexedDB write never happens
      page.w().dispose();
      await settle(5); // a write the closed page had in flight may still land
      page = tab(repository, { storage });
      await page.w().init();
      expect(page.designs.getState().design.description).toBe(`edit ${k}`);
    }
    await page.w().flush();
    expect((await repository.get(page.w().currentId!))?.design.description).toBe('edit 20');
    expect(storage.items.size).toBe(0);
  });
});

describe('two tabs never overwrite each other silently', () => {
  async function twoTabs(withChannel: boolean) {
    const repository = createDocumentRepository(database());
    const hub = channelHub();
    // Edits stay unsaved until a test flushes them: "A has edits when B's save arrives" then
    // holds however slowly the machine runs (a 5 ms autosave could save A's edits first).
    const options = { autosaveDelayMs: 60_000 };
    const a = tab(repository, withChannel ? { ...options, channel: hub() } : options);
    await a.w().init();
    await a.w().flush();
    const b = tab(repository, withChannel ? { ...options, channel: hub() } : options);
    await b.w().init();
    expect(b.w().currentId).toBe(a.w().currentId);
    return { repository, a, b, id: a.w().currentId! };
  }

  it('refuses a stale save (compare-and-set on the revision) and keeps both versions on request', async () => {
    const { repository, a, b, id } = await twoTabs(false);
    b.designs.getState().apply({ type: 'addState', state: { name: 'FromB' } });
    await b.w().flush();
    a.designs.getState().apply({ type: 'setMeta', description: 'from A' });
    await a.w().flush();
    expect(a.w().saveStatus.kind).toBe('conflict');
    const stored = await repository.get(id);
    expect(stateNames(stored)).toEqual(['Idle', 'FromB']);
    expect(stored?.revision).toBe(2);

    await a.w().keepMineAsCopy();
    expect(a.w().currentId).not.toBe(id);
    expect(a.designs.getState().design).toMatchObject({ name: 'Example (copy)', description: 'from A' });
    expect(stateNames(await repository.get(id))).toEqual(['Idle', 'FromB']);
  });

  it('reloads the newer revision when asked, dropping this tab’s edits', async () => {
    const { a, b } = await twoTabs(false);
    b.designs.getState().apply({ type: 'addState', state: { name: 'FromB' } });
    await b.w().flush();
    a.designs.getState().apply({ type: 'setMeta', description: 'from A' });
    await a.w().flush();
    await a.w().reloadTheirs();
    expect(a.names()).toEqual(['Idle', 'FromB']);
    expect(a.w().saveStatus).toEqual({ kind: 'saved' });
    a.designs.getState().apply({ type: 'setMeta', description: 'now A' });
    await a.w().flush();
    expect(a.w().saveStatus).toEqual({ kind: 'saved' });
  });

  it('follows another tab’s save at once when it has no edits, and flags the conflict at once when it has', async () => {
    const { a, b } = await twoTabs(true);
    b.designs.getState().apply({ type: 'addState', state: { name: 'FromB' } });
    await b.w().flush();
    await eventually(() => expect(a.names()).toEqual(['Idle', 'FromB']));

    a.designs.getState().apply({ type: 'setMeta', description: 'typing in A' }); // within the debounce
    b.designs.getState().apply({ type: 'addState', state: { name: 'Second' } });
    await b.w().flush();
    await eventually(() => expect(a.w().saveStatus.kind).toBe('conflict'));
    expect(a.designs.getState().design.description).toBe('typing in A');
    expect(b.names()).toEqual(['Idle', 'FromB', 'Second']);
  });
});
