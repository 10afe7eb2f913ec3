import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_LIMITS,
  type CheckHandle,
  type CheckLimits,
  type CheckProgressView,
  type CheckResultView,
  type CheckRunner,
} from './checkTypes';

/**
 * The Check mode's state: one exploration at a time, run by a `CheckRunner` (the Web Worker in
 * the app, a stand-in in tests). The main thread only keeps the latest progress and the result.
 */

export type CheckStatus = 'idle' | 'running' | 'done' | 'failed';

export interface CheckState {
  readonly status: CheckStatus;
  readonly limits: CheckLimits;
  readonly progress: CheckProgressView | null;
  readonly result: CheckResultView | null;
  /** The design text the result belongs to (a later edit makes it stale). */
  readonly designText: string | null;
  readonly cancelled: boolean;
  readonly error: string | null;
  readonly setLimits: (limits: Partial<CheckLimits>) => void;
  readonly start: (designText: string) => Promise<void>;
  readonly cancel: () => void;
  readonly clear: () => void;
}

export type CheckStore = StoreApi<CheckState>;

export function createCheckStore(run: CheckRunner): CheckStore {
  let handle: CheckHandle | null = null;
  let unsubscribe: (() => void) | null = null;
  // Each start gets a ticket so a result from a superseded run never overwrites a newer one.
  let ticket = 0;
  return createStore<CheckState>()((set, get) => ({
    status: 'idle',
    limits: DEFAULT_LIMITS,
    progress: null,
    result: null,
    designText: null,
    cancelled: false,
    error: null,
    setLimits: (limits) => set({ limits: { ...get().limits, ...limits } }),
    start: async (designText) => {
      get().cancel();
      const mine = ++ticket;
      set({ status: 'running', progress: null, result: null, designText, cancelled: false, error: null });
      let h: CheckHandle;
      try {
        h = run(designText, get().limits);
      } catch (e) {
        set({ status: 'failed', error: String(e) });
        return;
      }
      handle = h;
      unsubscribe = h.subscribe((progress) => {
        if (mine === ticket) set({ progress });
      });
      try {
        const result = await h.result;
        if (mine === ticket) set({ status: 'done', result });
      } catch (e) {
        if (mine === ticket) set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
      } finally {
        if (mine === ticket) {
          unsubscribe?.();
          unsubscribe = null;
          handle = null;
        }
      }
    },
    cancel: () => {
      if (!handle) return;
      set({ cancelled: true });
      // The runner settles `result` as incomplete; the store keeps listening until then.
      handle.cancel();
    },
    clear: () => {
      get().cancel();
      ticket++;
      set({ status: 'idle', progress: null, result: null, designText: null, cancelled: false, error: null });
    },
  }));
}
