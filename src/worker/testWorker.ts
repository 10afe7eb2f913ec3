import type { CheckLimits } from '../engine/result';
import type { WorkerLike } from './checkClient';
import { runCheck } from './checkSession';
import type { FromWorker, ToWorker } from './protocol';

/** A worker's session (`runCheck`, `runCheckV2`): the work a worker entry does with a `start` message. */
type Session<D, R> = (design: D, limits: CheckLimits, post: (m: FromWorker<R>) => void, cancelled: () => boolean, sliceMs: number, progressEveryMs: number) => Promise<void>;

/** Test helper: a stand-in for a Web Worker that runs the same session module on this thread. */
export function inProcessWorkerOf<D, R>(session: Session<D, R>, sliceMs = 5): WorkerLike<D, R> {
  let cancelled = false;
  const w: WorkerLike<D, R> = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      cancelled = true;
    },
    postMessage(message: ToWorker<D>) {
      if (message.type === 'cancel') cancelled = true;
      else {
        // As a real worker's messages, each arrives later, never during the call that started the
        // check: a check that ends in its first slice still reaches listeners subscribed after it.
        const deliver = (data: FromWorker<R>) => queueMicrotask(() => w.onmessage?.({ data } as MessageEvent<FromWorker<R>>));
        void session(message.design, message.limits, deliver, () => cancelled, sliceMs, 0).catch((e: unknown) => deliver({ type: 'error', error: String(e) }));
      }
    },
  };
  return w;
}

/** Version 1's worker on this thread. */
export function inProcessWorker(sliceMs = 5): WorkerLike {
  return inProcessWorkerOf(runCheck, sliceMs);
}
