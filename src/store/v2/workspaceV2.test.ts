import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStore as createIdbStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { emptyDesign } from '../designEdits';
import { createDesignStore } from '../designStore';
import { createDocumentRepository } from '../documentRepository';
import { readStoredRecord } from '../storedRecord';
import { createWorkspaceStore } from '../workspace';
import { emptyDesignV2 } from './designEditsV2';
import { createDesignStoreV2 } from './designStoreV2';

let counter = 0;
function session(database: string) {
  const repository = createDocumentRepository(database);
  const designs = createDesignStore(emptyDesign());
  const designsV2 = createDesignStoreV2(emptyDesignV2());
  const workspace = createWorkspaceStore({ repository, designs, designsV2, examples: [], autosaveDelayMs: 5 });
  return { repository, designs, designsV2, workspace };
}

const twoPhase = examplesV2.find((e) => e.slug === 'two-phase-commit-broken')!;

describe('version-2 documents', () => {
  it('are stored, edited in the version-2 store, autosaved and restored after a reload', async () => {
    const db = `v2-${++counter}`;
    const a = session(db);
    await a.workspace.getState().init();
    await a.workspace.getState().openExample(twoPhase);
    expect(a.workspace.getState().version).toBe(2);
    expect(a.designsV2.getState().design.name).toBe(twoPhase.design.name);
    a.designsV2.getState().apply({ type: 'set', path: '/roles/1/instances', value: 3 });
    await a.workspace.getState().flush();
    expect(a.workspace.getState().documents.find((d) => d.id === a.workspace.getState().currentId)?.version).toBe(2);

    const b = session(db);
    await b.workspace.getState().init();
    expect(b.workspace.getState().version).toBe(2);
    expect(b.designsV2.getState().design.roles[1]!.instances).toBe(3);
    // Back to a version-1 document: the shell follows `version`.
    await b.workspace.getState().create();
    expect(b.workspace.getState().version).toBe(1);
  });

  it('opens a version-2 file with its own loader, and refuses a broken one whole with pointers', async () => {
    const a = session(`v2-${++counter}`);
    await a.workspace.getState().init();
    expect(await a.workspace.getState().openFile('2pc.protocol.json', JSON.stringify(twoPhase.design))).toBe(true);
    expect(a.workspace.getState().version).toBe(2);
    const broken = { ...twoPhase.design, roles: [{ ...twoPhase.design.roles[0]!, instances: 0 }, twoPhase.design.roles[1]!] };
    expect(await a.workspace.getState().openFile('bad.protocol.json', JSON.stringify(broken))).toBe(false);
    expect(a.workspace.getState().refused?.errors.map((e) => e.path)).toContain('/roles/0/instances');
  });

  it('opens a version-2 design with clients (format-v2 §13), and refuses one that breaks version 1\'s client rules at its version-2 path', async () => {
    const a = session(`v2-${++counter}`);
    await a.workspace.getState().init();
    const text = readFileSync(join(import.meta.dirname, '../../../examples/v2/lease-service-retries-broken.protocol.json'), 'utf8');
    expect(await a.workspace.getState().openFile('lease.protocol.json', text)).toBe(true);
    expect(a.workspace.getState().version).toBe(2);
    expect(a.designsV2.getState().design.roles[0]!.name).toBe('LockService');
    const bad = JSON.parse(text) as { roles: { events: Record<string, unknown>[] }[] };
    bad.roles[0]!.events[0]!['idempotency'] = 'forever';
    expect(await a.workspace.getState().openFile('bad.protocol.json', JSON.stringify(bad))).toBe(false);
    expect(a.workspace.getState().refused?.errors.map((e) => e.path)).toEqual(['/roles/0/events/0/idempotency']);
  });

  it('renames the open version-2 document through its store (one undo step)', async () => {
    const a = session(`v2-${++counter}`);
    await a.workspace.getState().init();
    const id = await a.workspace.getState().create(emptyDesignV2());
    await a.workspace.getState().rename(id, 'Renamed');
    expect(a.designsV2.getState().design.name).toBe('Renamed');
    expect((await a.repository.get(id))?.design.name).toBe('Renamed');
  });

  it('reads a stored version-2 record with the version-2 schema: a damaged one is listed, never opened', async () => {
    expect(readStoredRecord({ id: 'x', design: twoPhase.design, createdAt: 1, updatedAt: 1 }).ok).toBe(true);
    // An edit in progress (a value out of range) is the design's own error, not damage.
    expect(readStoredRecord({ id: 'x', design: { ...twoPhase.design, roles: [{ ...twoPhase.design.roles[0]!, instances: 0 }] }, createdAt: 1, updatedAt: 1 }).ok).toBe(true);
    const damaged = readStoredRecord({ id: 'x', design: { ...twoPhase.design, roles: 'none' }, createdAt: 1, updatedAt: 1 });
    expect(damaged).toEqual({ ok: false, problem: expect.stringMatching(/^\/design\/roles:/) });
    // A version-1 design is still read with version 1's schema.
    expect(readStoredRecord({ id: 'x', design: emptyDesign(), createdAt: 1, updatedAt: 1 }).ok).toBe(true);

    const db = `v2-${++counter}`;
    await set('doc:bad', { id: 'bad', design: { format: 'protocol-studio', version: 2, name: 'Bad', states: [] }, createdAt: 1, updatedAt: 1 }, createIdbStore(db, 'documents'));
    const a = session(db);
    expect((await a.repository.list()).find((d) => d.id === 'bad')?.damaged).toMatch(/^\/design/);
    expect(await a.repository.get('bad')).toBeUndefined();
  });
});
