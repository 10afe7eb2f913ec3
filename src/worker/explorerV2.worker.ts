/// <reference lib="webworker" />
import { runCheckV2 } from './checkSessionV2';
import type { FromWorkerV2, ToWorkerV2 } from './protocol';

/** The version-2 explorer's worker: the same commands as `explorer.worker.ts`; the work is `checkSessionV2.ts`. */
let cancelled = false;
const scope = self as unknown as { postMessage(m: FromWorkerV2): void; onmessage: ((e: MessageEvent<ToWorkerV2>) => void) | null };

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      cancelled = false;
      runCheckV2(message.design, message.limits, (m) => scope.postMessage(m), () => cancelled).catch((error: unknown) =>
        scope.postMessage({ type: 'error', error: error instanceof Error ? error.message : String(error) }),
      );
      break;
    case 'cancel':
      cancelled = true;
      break;
  }
};
