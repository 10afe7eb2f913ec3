import { parentPort, workerData } from 'node:worker_threads';
import { servedPartition, type PartitionData, type PartitionRequest } from '../engine/partitionMessages';

/**
 * A partition thread of `check` (`checkThreads.ts`): bundled on its own as dist/check-thread.mjs
 * (the engine and the model compiler, no schema library, nothing of the command line) so that it
 * is up sooner. It compiles the design the main thread already checked and answers the
 * coordinator's requests (`servedPartition`).
 */
function servePartition(): void {
  const port = parentPort!;
  const answer = servedPartition(workerData as PartitionData);
  port.on('message', (request: PartitionRequest) => {
    const { reply, transfer } = answer(request);
    port.postMessage(reply, transfer);
  });
  port.postMessage('ready');
}

if (parentPort !== null && (workerData as PartitionData | null)?.role === 'check-partition') servePartition();
