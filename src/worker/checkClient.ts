import type { CheckLimits, CheckProgress, CheckResult } from '../engine/result';
import type { ValidatedDesign } from '../model/handoff';
import type { FromWorker, ToWorker } from './protocol';

/** The smallest part of `Worker` the client uses, so tests can hand in a stand-in. */
export interface WorkerLike<D = ValidatedDesign, R = CheckResult> {
  postMessage(message: ToWorker<D>): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker<R>>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * How a check ended: the engine's result (after a cancel: `limit: 'cancelled'`, with everything
 * found so far), or, when a cancelled worker did not answer in time, `cancelled` with the last
 * progress the engine reported; or the worker failed.
 */
export type CheckOutcome<R = CheckResult> =
  | { readonly kind: 'result'; readonly result: R }
  | { readonly kind: 'cancelled'; readonly progress: CheckProgress | null }
  | { readonly kind: 'failed'; readonly error: string };

export interface RunningCheck<R = CheckResult> {
  readonly subscribe: (onProgress: (p: CheckProgress) => void) => () => void;
  /** Settles once, never rejects. */
  readonly result: Promise<CheckOutcome<R>>;
  readonly cancel: () => void;
}

/** Starts a check of a validated design: the browser's worker, or a stand-in in tests. */
export type CheckRunner<D = ValidatedDesign, R = CheckResult> = (design: D, limits: CheckLimits) => RunningCheck<R>;

/**
 * How long a cancelled worker gets to send the engine's result before it is terminated: a slice
 * ends within about 40 ms, but a loaded machine (or threads finishing a level) can take longer,
 * and the engine's result keeps what was found.
 */
const CANCEL_GRACE_MS = 2000;

export function createExplorerWorker(): WorkerLike {
  return new Worker(new URL('./explorer.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/**
 * Checks a design in a Web Worker. Progress arrives about every 100 ms; `cancel()` makes the
 * worker stop at its next slice (within about 40 ms) and report what it explored; one that does
 * not answer within two seconds is terminated.
 */
export function startCheck(design: ValidatedDesign, limits: CheckLimits = {}, createWorker: () => WorkerLike = createExplorerWorker): RunningCheck {
  return superviseCheck(createWorker(), design, limits);
}

/** The page's side of any explorer worker (version 1 or 2): progress, result, cancel with a grace period. */
export function superviseCheck<D, R>(worker: WorkerLike<D, R>, design: D, limits: CheckLimits): RunningCheck<R> {
  const listeners = new Set<(p: CheckProgress) => void>();
  let last: CheckProgress | null = null;
  let settle: (outcome: CheckOutcome<R>) => void = () => {};
  let settled = false;
  const result = new Promise<CheckOutcome<R>>((resolve) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(outcome);
    };
  });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'progress') {
      last = m.progress;
      for (const l of listeners) l(m.progress);
    } else if (m.type === 'result') settle({ kind: 'result', result: m.result });
    else settle({ kind: 'failed', error: m.error });
  };
  worker.onerror = (event) => settle({ kind: 'failed', error: event.message || 'The explorer worker failed.' });
  worker.postMessage({ type: 'start', design, limits });
  return {
    subscribe(onProgress) {
      listeners.add(onProgress);
      return () => {
        listeners.delete(onProgress);
      };
    },
    result,
    cancel() {
      if (settled) return;
      worker.postMessage({ type: 'cancel' });
      setTimeout(() => settle({ kind: 'cancelled', progress: last }), CANCEL_GRACE_MS);
    },
  };
}
