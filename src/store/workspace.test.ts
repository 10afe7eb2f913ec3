import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Design } from '../model/schema';
import { emptyDesign } from './designEdits';
import { createDesignStore } from './designStore';
import { createDocumentRepository } from './documentRepository';
import { createWorkspaceStore } from './workspace';

const example: Design = {
  ...emptyDesign('Example'),
  states: [{ name: 'Idle', initial: true }],
};

let counter = 0;
function setup() {
  const repository = createDocumentRepository(`test-${++counter}`);
  const designs = createDesignStore(emptyDesign());
  const workspace = createWorkspaceStore({ repository, designs, examples: [{ title: 'E', lesson: 'Read me', design: example }], autosaveDelayMs: 5 });
  return { repository, designs, workspace };
}

/** A second session over the same database: what a reload sees. */
function reopen(repository: ReturnType<typeof createDocumentRepository>) {
  const designs = createDesignStore(emptyDesign());
  const workspace = createWorkspaceStore({ repository, designs, examples: [], autosaveDelayMs: 5 });
  return { designs, workspace };
}

describe('the workspace', () => {
  it('opens the first example on a first visit, with its lesson', async () => {
    const { designs, workspace } = setup();
    await workspace.getState().init();
    expect(designs.getState().design.name).toBe('Example');
    expect(workspace.getState().lesson).toBe('Read me');
    expect(workspace.getState().documents).toHaveLength(1);
  });

  it('opens an unchanged example again instead of copying it, and names an edited one\'s new copy after it', async () => {
    const { designs, workspace } = setup();
    await workspace.getState().init();
    const first = workspace.getState().currentId;
    const ex = { title: 'E', lesson: 'Read me', design: example };
    await workspace.getState().openExample(ex);
    expect(workspace.getState().currentId).toBe(first);
    expect(workspace.getState().documents).toHaveLength(1);
    // Edited, the first stays as it is; the example opens beside it, numbered.
    designs.getState().apply({ type: 'setMeta', description: 'my notes' });
    await workspace.getState().create();
    await workspace.getState().openExample(ex);
    expect(designs.getState().design.name).toBe('Example (2)');
    const second = workspace.getState().currentId;
    await workspace.getState().open(first!);
    await workspace.getState().openExample(ex);
    expect(workspace.getState().currentId).toBe(second);
    expect(workspace.getState().documents.map((d) => d.name).sort()).toEqual(['Example', 'Example (2)', 'Untitled protocol']);
    expect(workspace.getState().lesson).toBe('Read me');
  });

  it('autosaves every edit and restores the last open document after a reload', async () => {
    const { repository, designs, workspace } = setup();
    await workspace.getState().init();
    await workspace.getState().create();
    designs.getState().apply({ type: 'addState', state: { name: 'Draft', initial: true } });
    designs.getState().apply({ type: 'setMeta', name: '</script><img src=x>' }); // invalid, still kept
    await workspace.getState().flush();

    const again = reopen(repository);
    await again.workspace.getState().init();
    expect(again.designs.getState().design.states.map((s) => s.name)).toEqual(['Draft']);
    expect(again.designs.getState().design.name).toBe('</script><img src=x>');
    expect(again.workspace.getState().documents).toHaveLength(2);
  });

  it('saves within the autosave delay without an explicit flush', async () => {
    const { repository, designs, workspace } = setup();
    await workspace.getState().init();
    designs.getState().apply({ type: 'setMeta', description: 'typed' });
    const id = workspace.getState().currentId!;
    // No flush: the autosave timer writes it (polled, so a loaded machine cannot fail it).
    await vi.waitFor(async () => expect((await repository.get(id))?.design.description).toBe('typed'), { timeout: 10_000, interval: 10 });
  });

  it('duplicates, renames, deletes and brings a deleted document back', async () => {
    const { workspace, designs } = setup();
    const w = () => workspace.getState();
    await w().init();
    const first = w().currentId!;
    await w().duplicate(first);
    expect(designs.getState().design.name).toBe('Example (copy)');
    await w().rename(first, 'Renamed');
    expect(w().documents.map((d) => d.name).sort()).toEqual(['Example (copy)', 'Renamed']);
    await w().remove(first);
    expect(w().documents.map((d) => d.name)).toEqual(['Example (copy)']);
    await w().undoRemove();
    expect(w().documents).toHaveLength(2);
    expect(w().currentId).toBe(first);
    expect(designs.getState().design.name).toBe('Renamed');
  });

  it('refuses a bad file with all its errors and leaves the open document untouched', async () => {
    const { workspace, designs } = setup();
    await workspace.getState().init();
    const before = designs.getState().design;
    expect(await workspace.getState().openFile('bad.protocol.json', '{ not json')).toBe(false);
    expect(workspace.getState().refused?.errors.length).toBeGreaterThan(0);
    const invalid = JSON.stringify({ ...emptyDesign('X'), states: [], bogus: 1 });
    expect(await workspace.getState().openFile('invalid.protocol.json', invalid)).toBe(false);
    expect(workspace.getState().refused?.errors.map((e) => e.path)).toContain('/bogus');
    expect(designs.getState().design).toBe(before);
    expect(workspace.getState().documents).toHaveLength(1);
  });

  it('opens a valid file as a new document', async () => {
    const { workspace, designs } = setup();
    await workspace.getState().init();
    const ok = await workspace.getState().openFile('good.protocol.json', JSON.stringify({ ...example, name: 'From file' }));
    expect(ok).toBe(true);
    expect(designs.getState().design.name).toBe('From file');
    expect(workspace.getState().documents).toHaveLength(2);
  });
});
