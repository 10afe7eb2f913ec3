import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyDesign } from './designEdits';
import { createSnapshotRepository } from './snapshots';

let counter = 0;
const repo = () => createSnapshotRepository(`snapshots-test-${++counter}`);

describe('named versions of a document', () => {
  it('keeps each document its own snapshots, newest first, with their designs unchanged', async () => {
    const r = repo();
    const first = await r.save('doc-a', 'before review', emptyDesign('A1'));
    await r.save('doc-a', 'after review', emptyDesign('A2'));
    await r.save('doc-b', 'other', emptyDesign('B'));
    const list = await r.list('doc-a');
    expect(list.map((s) => s.name)).toEqual(['after review', 'before review']);
    expect((await r.get('doc-a', first.id))?.design.name).toBe('A1');
    expect((await r.list('doc-b')).map((s) => s.design.name)).toEqual(['B']);
  });

  it('survives a new session over the same database, and deletes one version only', async () => {
    const name = `snapshots-test-${++counter}`;
    const a = createSnapshotRepository(name);
    const s = await a.save('doc', '', emptyDesign('X'));
    await a.save('doc', 'kept', emptyDesign('Y'));
    expect(s.name).not.toBe('');
    const b = createSnapshotRepository(name);
    await b.remove('doc', s.id);
    expect((await b.list('doc')).map((x) => x.name)).toEqual(['kept']);
  });
});
