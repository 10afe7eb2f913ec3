import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createPartition, explore } from '../engine/explorer';
import { fitsFlat } from '../engine/flatLayout';
import { coordinate, localPort, type PartitionPort } from '../engine/partitioned';
import type { CheckResult, ExploreOptions } from '../engine/result';
import { SharedFingerprintSet, type SharedSetBuffers } from '../engine/sharedFingerprintSet';
import type { Model } from '../model/model';
import type { Design } from '../model/schema';

/**
 * `check` on several threads (`src/engine/partitioned.ts`): this thread is partition 0 and starts
 * at once; each worker thread runs `checkThread.ts` (bundled apart, engine and model only) as
 * partition p and joins at the first level's end after it is up, so a small design never waits.
 */

/** Threads `check` uses unless told (`--threads N`): the cores there are, at most four. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export interface Threading {
  readonly threads: number;
  /** The bundle the workers run (`dist/check-thread.mjs`, beside the command line's). */
  readonly workerUrl: URL;
  /** Wait for every worker before the first level (tests: so that they surely take part). */
  readonly waitForThreads?: boolean;
}

/** The check result and how many threads took part. */
export type ThreadedResult = CheckResult & { readonly threads: number };

export interface PartitionData {
  readonly role: 'check-partition';
  /** The checked design (`model.design`): plain data a thread can receive. */
  readonly design: Design;
  readonly index: number;
  readonly count: number;
  readonly buffers: SharedSetBuffers;
  /** The limits a thread checks itself (time comes with each level). */
  readonly limits: Pick<ExploreOptions, 'maxStates' | 'maxBytes'>;
}

export type Request =
  | { readonly type: 'expand'; readonly remainingMs: number }
  | { readonly type: 'adopt'; readonly buffers: SharedSetBuffers }
  | { readonly type: 'takeNext' }
  | { readonly type: 'setLevel'; readonly records: Int32Array; readonly depth: number }
  | { readonly type: 'final' };

export async function exploreOnThreads(model: Model, options: ExploreOptions, threading: Threading): Promise<ThreadedResult> {
  const { threads, workerUrl } = threading;
  if (threads <= 1 || !fitsFlat(model)) return { ...explore(model, options), threads: 1 };
  const set = SharedFingerprintSet.create();
  const workers: { worker: Worker; ready: boolean; failed: boolean }[] = [];
  for (let index = 1; index < threads; index++) {
    const data: PartitionData = {
      role: 'check-partition',
      design: model.design,
      index,
      count: threads,
      buffers: set.buffers,
      limits: {
        ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes / threads } : {}),
      },
    };
    try {
      const entry = { worker: new Worker(workerUrl, { workerData: data }), ready: false, failed: false };
      entry.worker.once('message', () => (entry.ready = true));
      entry.worker.once('error', () => (entry.failed = true));
      workers.push(entry);
    } catch {
      break; // no thread to be had: the search goes on alone
    }
  }
  try {
    if (threading.waitForThreads) {
      while (workers.some((w) => !w.ready && !w.failed)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Workers join in index order, each as soon as it and those before it are up.
    let joined = 0;
    const join = async (): Promise<PartitionPort[]> => {
      // Let the workers' "ready" through: the search alone never yields to the event loop.
      if (joined < workers.length) await new Promise((resolve) => setImmediate(resolve));
      const ports: PartitionPort[] = [];
      while (joined < workers.length && workers[joined]!.ready && !workers[joined]!.failed) ports.push(workerPort(workers[joined++]!.worker));
      return ports;
    };
    const first = [localPort(createPartition(model, options, { index: 0, count: threads, set })), ...(await join())];
    const result = await coordinate(model, set, first, threads, options, join);
    return { ...result, threads: 1 + joined };
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** A partition in a worker thread: one request at a time, buffers transferred, not copied. */
function workerPort(worker: Worker): PartitionPort {
  let pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (m: unknown) => {
    const p = pending;
    pending = null;
    p?.resolve(m);
  });
  worker.on('error', (e: Error) => pending?.reject(e));
  worker.on('exit', (code) => pending?.reject(new Error(`a check thread stopped (exit ${code})`)));
  const call = <T,>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending = { resolve: resolve as (value: unknown) => void, reject };
      worker.postMessage(request, transfer);
    });
  return {
    expandLevel: (remainingMs) => call({ type: 'expand', remainingMs }),
    adopt: (buffers) => call({ type: 'adopt', buffers }),
    takeNext: () => call({ type: 'takeNext' }),
    setLevel: (records, depth) => call({ type: 'setLevel', records, depth }, [records.buffer as ArrayBuffer]),
    final: () => call({ type: 'final' }),
  };
}
