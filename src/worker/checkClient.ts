import type { CheckProgress, CheckResult } from '../engine/result';
import type { DesignError } from '../model/model';
import type { CheckLimits, FromWorker, ToWorker } from './protocol';

export type { CheckLimits } from './protocol';

/** The smallest part of `Worker` the client uses, so tests can hand in a stand-in. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type CheckOutcome = CheckResult | { readonly error: string; readonly errors?: readonly DesignError[] };

export interface RunningCheck {
  readonly progress: { readonly subscribe: (onProgress: (p: CheckProgress) => void) => () => void };
  /** Same as `progress.subscribe`. */
  readonly subscribe: (onProgress: (p: CheckProgress) => void) => () => void;
  /** Settles once: the result (incomplete with limit `cancelled` after `cancel()`), or an error. */
  readonly result: Promise<CheckOutcome>;
  readonly cancel: () => void;
}

/** How long a cancelled worker gets to send its incomplete result before it is terminated. */
const CANCEL_GRACE_MS = 100;

export function createExplorerWorker(): WorkerLike {
  return new Worker(new URL('./explorer.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/**
 * Checks a design in a Web Worker. Progress arrives about every 100 ms; `cancel()` makes the
 * worker stop at its next slice (within about 40 ms) and report what it explored, or, if it does
 * not answer within 100 ms, terminates it.
 */
export function startCheck(designText: string, limits: CheckLimits = {}, createWorker: () => WorkerLike = createExplorerWorker): RunningCheck {
  const listeners = new Set<(p: CheckProgress) => void>();
  const worker = createWorker();
  let settle: (outcome: CheckOutcome) => void = () => {};
  let settled = false;
  const result = new Promise<CheckOutcome>((resolve) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(outcome);
    };
  });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'progress') for (const l of listeners) l(m.progress);
    else if (m.type === 'result') settle(m.result);
    else settle(m.errors ? { error: m.error, errors: m.errors } : { error: m.error });
  };
  worker.onerror = (event) => settle({ error: event.message || 'The explorer worker failed.' });
  worker.postMessage({ type: 'start', designText, limits });
  const subscribe = (onProgress: (p: CheckProgress) => void) => {
    listeners.add(onProgress);
    return () => {
      listeners.delete(onProgress);
    };
  };
  return {
    progress: { subscribe },
    subscribe,
    result,
    cancel() {
      if (settled) return;
      worker.postMessage({ type: 'cancel' });
      setTimeout(() => settle({ error: 'The check was cancelled.' }), CANCEL_GRACE_MS);
    },
  };
}
