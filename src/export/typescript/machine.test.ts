import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../../model/designFixture';
import { loadDesignValue } from '../../model/load';
import { exportDesign } from '..';
import { importGenerated } from '../testing/compile';

/** The exported runtime validates everything it is given (issue 12 item 10). */

interface Snapshot {
  state: string;
  durable: Record<string, unknown>;
  volatile: Record<string, unknown>;
}
interface PersistedRecord {
  state: string;
  durable: Record<string, unknown>;
  revision: number;
}
interface Store {
  get(): Promise<PersistedRecord | undefined>;
  putIfAbsent(record: PersistedRecord): Promise<boolean>;
  getReply(id: string): Promise<unknown>;
  commit(record: PersistedRecord, entry?: unknown): Promise<void>;
}
interface Machine {
  start(): Promise<Snapshot>;
  handle(input: unknown): Promise<{ kind: string; issues?: string[] }>;
  fire(name: unknown): Promise<{ kind: string; issues?: string[] }>;
  recover(): Promise<Snapshot>;
  snapshot(): Snapshot;
}
interface Module {
  MAX_REQUEST_ID_LENGTH: number;
  StoreConflict: new (...args: never[]) => Error;
  createMemoryStore(): Store;
  createMachine(store: Store): Machine;
}

const loaded = loadDesignValue(paymentDesign());
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const model = loaded.model;
const charge = (id: string) => ({ id, event: { type: 'Charge', payload: { amount: 1, fast: true } } });

describe.each([false, true])('the exported runtime (zod: %s)', (zod) => {
  const load = async () => importGenerated<Module>(await exportDesign(model, 'ts', { zod }));

  it('answers a fired name that is not its own with a typed error, never a TypeError', async () => {
    const mod = await load();
    const machine = mod.createMachine(mod.createMemoryStore());
    await machine.start();
    for (const name of ['Bogus', '__proto__', 'constructor', 'toString', 'Charge', 42, null, { toString: null }]) {
      expect(await machine.fire(name), JSON.stringify(name)).toMatchObject({ kind: 'invalid', issues: [expect.stringMatching(/^event: not a timer or internal event/)] });
    }
    expect(await machine.fire('Tick')).toMatchObject({ kind: 'ignored' });
  });

  it('bounds the request id (documented) before it reaches the dedupe table', async () => {
    const mod = await load();
    expect(mod.MAX_REQUEST_ID_LENGTH).toBe(256);
    const machine = mod.createMachine(mod.createMemoryStore());
    await machine.start();
    expect(await machine.handle(charge('x'.repeat(1_000_000)))).toMatchObject({ kind: 'invalid' });
    expect(await machine.handle(charge('x'.repeat(257)))).toMatchObject({ kind: 'invalid' });
    expect(await machine.handle(charge('x'.repeat(256)))).toMatchObject({ kind: 'reply', reply: 'ok' });
  });

  it('keeps snapshot() equal to what the store holds after a failed commit', async () => {
    const mod = await load();
    const memory = mod.createMemoryStore();
    let fail: 'before' | 'after' | null = 'before';
    const store: Store = {
      ...memory,
      commit: async (record, entry) => {
        if (fail === 'after') await memory.commit(record, entry);
        if (fail) throw new Error('disk full');
        return memory.commit(record, entry);
      },
    };
    const machine = mod.createMachine(store);
    const initial = await machine.start();
    await expect(machine.handle(charge('r1'))).rejects.toThrow('disk full');
    expect(machine.snapshot()).toEqual(initial); // the charge was never written
    expect(await machine.handle(charge('r2'))).toEqual({ kind: 'unavailable' });

    await machine.recover();
    fail = 'after'; // written, then the commit reported a failure: the store holds the charge
    await expect(machine.handle(charge('r3'))).rejects.toThrow('disk full');
    const stored = (await memory.get())!;
    expect(stored.state).toBe('Idle'); // Charged is volatile: the durable state stays Idle
    expect(machine.snapshot()).toMatchObject({ state: stored.state, durable: stored.durable });
    expect(machine.snapshot().durable).toEqual(stored.durable);
  });

  it('detects a second machine writing the same store (compare-and-set on the revision)', async () => {
    const mod = await load();
    const shared = mod.createMemoryStore();
    const a = mod.createMachine(shared);
    const b = mod.createMachine(shared);
    await a.start();
    await b.start();
    expect(await a.handle(charge('a1'))).toMatchObject({ kind: 'reply' });
    expect((await shared.get())!.revision).toBeGreaterThan(0);
    await expect(b.handle(charge('b1'))).rejects.toBeInstanceOf(mod.StoreConflict);
    expect(await b.handle(charge('b2'))).toEqual({ kind: 'unavailable' });
    await b.recover();
    expect(await b.handle(charge('b3'))).toMatchObject({ kind: 'reply' });
  });
});
