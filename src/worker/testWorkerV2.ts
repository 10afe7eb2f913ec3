import type { WorkerLikeV2 } from './checkClientV2';
import { runCheckV2 } from './checkSessionV2';
import { inProcessWorkerOf } from './testWorker';

/** Test helper: a stand-in for the v2 Web Worker that runs the same session module on this thread. */
export function inProcessWorkerV2(sliceMs = 5): WorkerLikeV2 {
  return inProcessWorkerOf(runCheckV2, sliceMs);
}
