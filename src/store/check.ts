import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CheckProgress, CheckResult } from '../engine/result';
import type { ValidatedDesign } from '../model/handoff';
import type { CheckRunner, RunningCheck } from '../worker/checkClient';
import { DEFAULT_LIMITS, type EditorLimits } from './checkTypes';

/**
 * The Check mode's state: one exploration at a time, run by a `CheckRunner` (the Web Worker in
 * the app, a stand-in in tests). The main thread keeps the engine's latest progress and result
 * as they arrive, nothing derived from them.
 */

/**
 * `done`: `result` is the engine's (a cancelled search says `limit: 'cancelled'`); `cancelled`: the
 * worker did not answer a cancel in time, `progress` is the last the engine reported.
 */
export type CheckStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface CheckState<D extends { readonly identity: string } = ValidatedDesign, R = CheckResult> {
  readonly status: CheckStatus;
  readonly limits: EditorLimits;
  readonly progress: CheckProgress | null;
  readonly result: R | null;
  /** `designIdentity` of the design checked (a later edit makes the result stale). */
  readonly identity: string | null;
  readonly error: string | null;
  readonly setLimits: (limits: Partial<EditorLimits>) => void;
  readonly start: (design: D) => Promise<void>;
  readonly cancel: () => void;
  readonly clear: () => void;
}

export type CheckStore<D extends { readonly identity: string } = ValidatedDesign, R = CheckResult> = StoreApi<CheckState<D, R>>;

/** One store for both versions: version 2 passes its own runner, design and result types. */
export function createCheckStore<D extends { readonly identity: string } = ValidatedDesign, R = CheckResult>(run: CheckRunner<D, R>): CheckStore<D, R> {
  let handle: RunningCheck<R> | null = null;
  let unsubscribe: (() => void) | null = null;
  // Each start gets a ticket so a result from a superseded run never overwrites a newer one.
  let ticket = 0;
  return createStore<CheckState<D, R>>()((set, get) => ({
    status: 'idle',
    limits: DEFAULT_LIMITS,
    progress: null,
    result: null,
    identity: null,
    error: null,
    setLimits: (limits) => set({ limits: { ...get().limits, ...limits } }),
    start: async (design) => {
      get().cancel();
      const mine = ++ticket;
      set({ status: 'running', progress: null, result: null, identity: design.identity, error: null });
      let h: RunningCheck<R>;
      try {
        h = run(design, get().limits);
      } catch (e) {
        set({ status: 'failed', error: String(e) });
        return;
      }
      handle = h;
      unsubscribe = h.subscribe((progress) => {
        if (mine === ticket) set({ progress });
      });
      const outcome = await h.result;
      if (mine !== ticket) return;
      unsubscribe();
      unsubscribe = null;
      handle = null;
      if (outcome.kind === 'result') set({ status: 'done', result: outcome.result, progress: null });
      else if (outcome.kind === 'cancelled') set({ status: 'cancelled', progress: outcome.progress });
      else set({ status: 'failed', error: outcome.error });
    },
    cancel: () => {
      // The runner settles `result` with what the engine found; the store keeps listening until then.
      handle?.cancel();
    },
    clear: () => {
      get().cancel();
      ticket++;
      set({ status: 'idle', progress: null, result: null, identity: null, error: null });
    },
  }));
}
