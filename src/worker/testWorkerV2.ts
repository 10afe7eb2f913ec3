import type { WorkerLikeV2 } from './checkClientV2';
import { runCheckV2 } from './checkSessionV2';
import type { FromWorkerV2, ToWorkerV2 } from './protocol';

/** Test helper: a stand-in for the v2 Web Worker that runs the same session module on this thread. */
export function inProcessWorkerV2(sliceMs = 5): WorkerLikeV2 {
  let cancelled = false;
  const w: WorkerLikeV2 = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      cancelled = true;
    },
    postMessage(message: ToWorkerV2) {
      if (message.type === 'cancel') cancelled = true;
      else
        void runCheckV2(message.design, message.limits, (m: FromWorkerV2) => w.onmessage?.({ data: m } as MessageEvent<FromWorkerV2>), () => cancelled, sliceMs, 0).catch((e: unknown) =>
          w.onmessage?.({ data: { type: 'error', error: String(e) } } as MessageEvent<FromWorkerV2>),
        );
    },
  };
  return w;
}

