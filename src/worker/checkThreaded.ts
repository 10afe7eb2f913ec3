import { createPartition, type PartitionFinal } from '../engine/explorer';
import { fitsFlat } from '../engine/flatLayout';
import { remotePort, type PartitionData } from '../engine/partitionMessages';
import { coordinate, localPort, type PartitionPort } from '../engine/partitioned';
import type { CheckLimits } from '../engine/result';
import { SharedFingerprintSet } from '../engine/sharedFingerprintSet';
import { receiveDesign, type ValidatedDesign } from '../model/handoff';
import type { FromWorker } from './protocol';

/** The smallest part of a Web Worker a partition needs (tests hand in a stand-in). */
export interface PartitionWorker {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * How many workers a check may use here: more than one only on a cross-origin-isolated page
 * (the one way a browser lends SharedArrayBuffer, which the threads' fingerprint set lives in),
 * one per core, at most four.
 */
export function checkWorkers(
  scope: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } } = globalThis,
): number {
  if (scope.crossOriginIsolated !== true || typeof SharedArrayBuffer === 'undefined') return 1;
  return Math.max(1, Math.min(4, scope.navigator?.hardwareConcurrency ?? 1));
}

export function createPartitionWorker(): PartitionWorker {
  return new Worker(new URL('./checkPartition.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as PartitionWorker;
}

/** A task later (a message to oneself: no 4 ms clamp as nested timeouts have), so a `cancel` gets through between chunks. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Stores a thread batches before adding them to the shared count, as on the command line. */
const STORE_BATCH = 256;

/**
 * A check on `threads` workers, this one (partition 0) among them, with the engine's
 * partitioned search (`src/engine/partitioned.ts`): the others start at once and join at a
 * level's end once up; one that does not help sits levels out. Every figure is what one worker
 * finds. Progress is posted at each level's end; `cancelled` stops every worker at its next
 * limit check (the result is then the engine's, `limit: 'cancelled'`).
 */
export async function runCheckOnWorkers(
  design: ValidatedDesign,
  limits: CheckLimits,
  post: (message: FromWorker) => void,
  cancelled: () => boolean,
  threads: number,
  createWorker: () => PartitionWorker = createPartitionWorker,
): Promise<boolean> {
  // false: not split (one worker asked for, or a design off the flat path); the caller checks it alone.
  if (threads <= 1) return false;
  const model = receiveDesign(design);
  if (!fitsFlat(model)) return false;
  // Counted in batches unless a state limit needs the exact count.
  const batch = limits.maxStates === undefined ? STORE_BATCH : 1;
  const set = SharedFingerprintSet.create(1 << 16, 1 << 16, batch);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const shouldStop = () => {
    if (cancelled()) Atomics.store(stop, 0, 1);
    return Atomics.load(stop, 0) !== 0;
  };
  const workers: { worker: PartitionWorker; ready: boolean; failed: boolean; port: PartitionPort }[] = [];
  for (let index = 1; index < threads; index++) {
    let worker: PartitionWorker;
    try {
      worker = createWorker();
    } catch {
      break; // no worker to be had: the others go on
    }
    let pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;
    const entry = {
      worker,
      ready: false,
      failed: false,
      port: remotePort<PartitionFinal>(
        (request) =>
          new Promise((resolve, reject) => {
            pending = { resolve, reject };
            worker.postMessage(request);
          }),
      ),
    };
    worker.onmessage = (event) => {
      if (!entry.ready) {
        entry.ready = true;
        return;
      }
      const p = pending;
      pending = null;
      p?.resolve(event.data);
    };
    worker.onerror = (event) => {
      entry.failed = true;
      pending?.reject(new Error(event.message || 'a check worker failed'));
    };
    const data: PartitionData = {
      role: 'check-partition',
      design,
      index,
      count: threads,
      buffers: set.buffers,
      batch,
      stop,
      limits: {
        ...(limits.maxStates !== undefined ? { maxStates: limits.maxStates } : {}),
        ...(limits.maxBytes !== undefined ? { maxBytes: limits.maxBytes / threads } : {}),
      },
    };
    worker.postMessage(data);
    workers.push(entry);
  }
  let joined = 0;
  // At each level's end: the workers that are up, in index order (each after those before it).
  const join = async (): Promise<PartitionPort[]> => {
    if (joined < workers.length) await nextTask(); // let their "ready" through (a timeout would be clamped to 4 ms)
    const ports: PartitionPort[] = [];
    while (joined < workers.length && workers[joined]!.ready && !workers[joined]!.failed)
      ports.push(workers[joined++]!.port);
    return ports;
  };
  try {
    const first = localPort(
      createPartition(model, { ...limits, shouldStop }, { index: 0, count: threads, set }),
      nextTask,
    );
    const result = await coordinate(
      model,
      set,
      [first, ...(await join())],
      threads,
      {
        ...limits,
        shouldStop,
        onProgress: (progress) => post({ type: 'progress', progress }),
      },
      join,
      { exclusive: true }, // partition 0 is on this thread: alone, it writes the set plainly
    );
    post({ type: 'result', result });
  } finally {
    for (const w of workers) w.worker.terminate();
  }
  return true;
}
