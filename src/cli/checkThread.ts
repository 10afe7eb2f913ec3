import { parentPort, workerData } from 'node:worker_threads';
import { createPartition, type Partition } from '../engine/explorer';
import { linkBuffers } from '../engine/parentLinks';
import { SharedFingerprintSet } from '../engine/sharedFingerprintSet';
import { receiveDesign } from '../model/handoff';
import type { PartitionData, Request } from './checkThreads';

/**
 * A partition thread of `check` (`checkThreads.ts`): bundled on its own as dist/check-thread.mjs
 * (the engine and the model compiler, no schema library, nothing of the command line) so that it
 * is up sooner. It compiles the design the main thread already checked and answers the
 * coordinator's requests.
 */
function servePartition(): void {
  const port = parentPort!;
  const data = workerData as PartitionData;
  // The design was loaded and checked on the main thread; compiling it again needs no schema (nor zod).
  const model = receiveDesign(data.design);
  const set = new SharedFingerprintSet(data.buffers, data.batch);
  const stop = data.stop;
  const part: Partition = createPartition(model, { ...data.limits, shouldStop: () => Atomics.load(stop, 0) !== 0 }, { index: data.index, count: data.count, set });
  port.on('message', (request: Request) => {
    switch (request.type) {
      case 'expand': {
        port.postMessage(part.expandLevel(performance.now() + request.remainingMs));
        return;
      }
      case 'adopt':
        set.adopt(request.buffers);
        port.postMessage(null);
        return;
      case 'takeNext': {
        const records = part.takeNext();
        port.postMessage({ records, summary: part.summary() }, [records.buffer as ArrayBuffer]);
        return;
      }
      case 'setLevel':
        part.setLevel(request.records, request.ids, request.depth, request.claims, request.chunk);
        port.postMessage(null);
        return;
      case 'final': {
        const final = part.final();
        port.postMessage(final, linkBuffers(final.links));
        return;
      }
    }
  });
  port.postMessage('ready');
}

if (parentPort !== null && (workerData as PartitionData | null)?.role === 'check-partition') servePartition();
