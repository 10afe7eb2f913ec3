import { parentPort, workerData } from 'node:worker_threads';
import { createPartition } from '../engine/explorer';
import { SharedFingerprintSet } from '../engine/sharedFingerprintSet';
import { createPartitionV2 } from '../engine/v2/partition';
import { receiveDesign } from '../model/handoff';
import { compileModelV2 } from '../model/v2/compileModel';
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
  const set = new SharedFingerprintSet(data.buffers, data.batch);
  const stop = data.stop;
  const options = { ...data.limits, shouldStop: () => Atomics.load(stop, 0) !== 0 };
  const sharing = { index: data.index, count: data.count, set };
  let part;
  if (data.designV2 !== undefined) {
    const compiled = compileModelV2(data.designV2, []);
    if (!compiled.ok) throw new Error('the version-2 design did not compile in a check thread');
    part = createPartitionV2(compiled.model, options, sharing);
  } else part = createPartition(receiveDesign(data.design!), options, sharing);
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
        part.setLevel(request.records, request.depth, request.claims, request.chunk);
        port.postMessage(null);
        return;
      case 'final': {
        const final = part.final();
        port.postMessage(final, [final.links.buffer as ArrayBuffer, ...('records' in final ? [final.records.buffer as ArrayBuffer] : [])]);
        return;
      }
    }
  });
  port.postMessage('ready');
}

if (parentPort !== null && (workerData as PartitionData | null)?.role === 'check-partition') servePartition();
