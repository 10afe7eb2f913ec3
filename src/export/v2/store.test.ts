import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { typeScriptModulesV2 } from './index';
import { importModulesV2 } from './testing/loadModules';

/** The exported `Instance`: durable before ack, a failed commit is a crash, `recover()` runs `$restart`. */

interface Rec {
  state: string;
  durable: unknown;
}
interface Api {
  Instance: { create(self: string, store: unknown): Promise<{ step(input: unknown, world: unknown): Promise<{ kind: string; sends?: unknown[] }>; snapshot(): { state: string } }> };
  recover(self: string, store: unknown, ghost: unknown, world: unknown): Promise<{ instance: { snapshot(): { state: string } }; outcome: { kind: string; transition?: string; sends?: unknown[] } }>;
  createMemoryStore(): { peek(): Rec | null; load(): Promise<Rec | null>; commit(r: Rec): Promise<void> };
}

const model = loadExampleV2('two-phase-commit-fixed.protocol.json');
const world = new Proxy({}, { get: () => () => ({ state: 'working', vars: {} }) });

describe('the exported Store and Instance', () => {
  it('releases a step\'s messages only after its record is committed, and not at all when the commit fails', async () => {
    const tm = (await importModulesV2(typeScriptModulesV2(model)))['role-TM.ts'] as Api;
    const memory = tm.createMemoryStore();
    let release: () => void = () => {};
    let mode: 'now' | 'hold' | 'fail' = 'now';
    const controlled = (backing: ReturnType<Api['createMemoryStore']>) => ({
      load: () => backing.load(),
      commit: (r: Rec) =>
        mode === 'now' ? backing.commit(r) : mode === 'fail' ? Promise.reject(new Error('disk full')) : new Promise<void>((resolve) => (release = () => void backing.commit(r).then(resolve))),
    });
    const node = await tm.Instance.create('TM', controlled(memory));
    const yes = (rm: string) => ({ kind: 'receive', message: { kind: 'Vote', from: rm, to: 'TM', payload: { value: 'yes' } } });
    // Volatile vars only: nothing to commit, the step is taken at once.
    expect((await node.step(yes('RM[1]'), world)).kind).toBe('taken');
    await node.step(yes('RM[2]'), world);
    mode = 'hold';
    // Decide enters the durable state `committed`: the step waits for the commit.
    let settled = false;
    const pending = node.step({ kind: 'event', event: { type: 'Decide', payload: {} } }, world).then((o) => ((settled = true), o));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    expect(node.snapshot().state).toBe('collecting');
    release();
    expect((await pending).kind).toBe('taken');
    expect(memory.peek()!.state).toBe('committed');
    // A failed commit: nothing sent, the instance is unavailable until recover().
    mode = 'now';
    const other = await tm.Instance.create('TM', controlled(tm.createMemoryStore()));
    await other.step(yes('RM[1]'), world);
    await other.step(yes('RM[2]'), world);
    mode = 'fail';
    expect(await other.step({ kind: 'event', event: { type: 'Decide', payload: {} } }, world)).toEqual({ kind: 'unavailable' });
    expect(other.snapshot().state).toBe('collecting');
    expect(await other.step(yes('RM[1]'), world)).toEqual({ kind: 'unavailable' });
  });

  it('recover() restores the last committed state with volatile vars reset, then takes $restart', async () => {
    const tm = (await importModulesV2(typeScriptModulesV2(model)))['role-TM.ts'] as Api;
    const store = tm.createMemoryStore();
    const node = await tm.Instance.create('TM', store);
    await node.step({ kind: 'receive', message: { kind: 'Vote', from: 'RM[1]', to: 'TM', payload: { value: 'yes' } } }, world);
    const { instance, outcome } = await tm.recover('TM', store, {}, world);
    expect(outcome).toMatchObject({ kind: 'taken', transition: 'presume-abort' });
    expect(outcome.sends).toHaveLength(2);
    expect(instance.snapshot().state).toBe('aborted');
    expect(store.peek()!.state).toBe('aborted');
  });
});
