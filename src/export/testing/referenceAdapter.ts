import type { HarnessAdapter, HarnessReply, HarnessService, HarnessStore } from '../harness/harnessRuntime';

/**
 * Test and bench support: the exported module's own machine over its in-memory store, wrapped as
 * an implementation under test. It is the reference, so the harness must never fail on it.
 */
interface Snapshot {
  readonly state: string;
  readonly durable: Record<string, string | number | boolean>;
  readonly volatile: Record<string, string | number | boolean>;
}
export interface MachineModule {
  createMemoryStore(): HarnessStore;
  createMachine(
    store: HarnessStore,
    options: { acknowledge: (id: string, reply: HarnessReply) => void },
  ): { start(): Promise<unknown>; handle(r: unknown): Promise<unknown>; fire(e: string): Promise<unknown>; snapshot(): Snapshot };
}

export function referenceAdapter(mod: MachineModule): HarnessAdapter<HarnessStore, unknown> {
  return {
    newStorage: () => mod.createMemoryStore(),
    async start(store, _durable, reply): Promise<HarnessService<unknown>> {
      const machine = mod.createMachine(store, { acknowledge: reply });
      await machine.start();
      return {
        handle: async (request) => {
          await machine.handle(request);
        },
        fire: async (event) => {
          await machine.fire(event);
        },
        observe: () => {
          const s = machine.snapshot();
          return { state: s.state, vars: { ...s.durable, ...s.volatile } };
        },
      };
    },
  };
}
