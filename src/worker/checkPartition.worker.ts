/// <reference lib="webworker" />
import { servedPartition, type PartitionData, type PartitionRequest } from '../engine/partitionMessages';

/**
 * One partition of a check on several Web Workers (`checkThreaded.ts`), the browser's
 * counterpart of the command line's check thread: the first message starts it, every later one
 * is a request of the coordinator, answered in turn.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let answer: ReturnType<typeof servedPartition> | null = null;

scope.onmessage = (event: MessageEvent<PartitionData | PartitionRequest>) => {
  if (answer === null) {
    answer = servedPartition(event.data as PartitionData);
    scope.postMessage('ready');
    return;
  }
  const { reply, transfer } = answer(event.data as PartitionRequest);
  scope.postMessage(reply, transfer);
};
