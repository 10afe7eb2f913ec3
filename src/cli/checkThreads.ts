import { availableParallelism, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createExploration, createPartition } from '../engine/explorer';
import { fitsFlat } from '../engine/flatLayout';
import { localPort, reportOf, runLevels, type FinalFigures, type LevelsRun, type PartitionPort } from '../engine/partitioned';
import type { CheckResult, ExploreOptions } from '../engine/result';
import { SharedFingerprintSet, type SharedSetBuffers } from '../engine/sharedFingerprintSet';
import { handoff, type ValidatedDesign } from '../model/handoff';
import type { Model } from '../model/model';
import type { DesignV2 } from '../model/v2/schema';

/**
 * `check` on several threads (`src/engine/partitioned.ts`): this thread is partition 0 and starts
 * at once; after `ALONE_MS` each worker thread starts `checkThread.ts` (bundled apart, engine
 * and model only, up in ~60 ms) as partition p and joins at the first level's end after it is
 * up, so a small design never waits for one.
 */

/** Threads `check` uses unless told (`--threads N`): the cores there are, at most four. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The memory a check may hold unless told (`--max-memory`): a quarter of the machine's memory
 * (or of the container's limit), so a search that would exhaust it ends `incomplete` with its
 * figures instead of being killed with nothing printed.
 */
export function defaultMaxMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const machine = limit > 0 && limit < totalmem() ? limit : totalmem();
  return Math.floor(machine / 4);
}

export interface Threading {
  readonly threads: number;
  /** Set to 1 (Atomics) to stop every thread's search at its next limit check (Ctrl-C). */
  readonly stop?: Int32Array;
  /** The bundle the workers run (`dist/check-thread.mjs`, beside the command line's). */
  readonly workerUrl: URL;
  /**
   * Start the workers at once, wait for them before the first level, and let every one expand
   * every level, helpful or not (tests: so that they surely take part).
   */
  readonly waitForThreads?: boolean;
}

/** The check result and how many threads took part. */
export type ThreadedResult = CheckResult & { readonly threads: number };

export interface PartitionData {
  readonly role: 'check-partition';
  /** The checked design, handed over like to the browser's worker (`src/model/handoff.ts`). */
  readonly design: ValidatedDesign | null;
  /** Or a version-2 design as validated (`ModelV2.design`), compiled again in the thread. */
  readonly designV2?: DesignV2;
  readonly index: number;
  readonly count: number;
  readonly buffers: SharedSetBuffers;
  readonly batch: number;
  /** The limits a thread checks itself (time comes with each level). */
  readonly limits: Pick<ExploreOptions, 'maxStates' | 'maxBytes'>;
  /** Shared with the main thread: 1 means stop (see `Threading.stop`). */
  readonly stop: Int32Array;
}

export type Request =
  | { readonly type: 'expand'; readonly remainingMs: number }
  | { readonly type: 'adopt'; readonly buffers: SharedSetBuffers }
  | { readonly type: 'takeNext' }
  | { readonly type: 'setLevel'; readonly records: Int32Array; readonly depth: number; readonly claims: Int32Array; readonly chunk: number }
  | { readonly type: 'final' };

/**
 * Workers are started once the search has run this long alone: a search that ends sooner is
 * faster on one thread (a new thread, and the compiler threads it keeps busy, slow the first).
 */
const ALONE_MS = 150;
/** Pairs a thread stores before it adds them to the shared count (`SharedFingerprintSet`). */
const STORE_BATCH = 256;

export async function exploreOnThreads(model: Model, options: ExploreOptions, threading: Threading): Promise<ThreadedResult> {
  if (threading.threads <= 1 || !fitsFlat(model)) return { ...(await exploreInSlices(model, options)), threads: 1 };
  const run = await runOnThreads(
    options,
    threading,
    (set, count) => localPort(createPartition(model, options, { index: 0, count, set })),
    () => ({ design: handoff(model) }),
  );
  return { ...reportOf(model, run, threading.threads), threads: run.threads };
}

/**
 * The level loop with partition 0 on this thread (`local`) and the others in worker threads
 * started after `ALONE_MS`, each given `design()` (either format's; `checkThread.ts` builds its
 * partition from it).
 */
export async function runOnThreads<F extends FinalFigures>(
  options: ExploreOptions,
  threading: Threading,
  local: (set: SharedFingerprintSet, count: number) => PartitionPort<F>,
  design: () => Pick<PartitionData, 'design' | 'designV2'>,
): Promise<LevelsRun<F>> {
  const { threads, workerUrl } = threading;
  const stop = threading.stop ?? new Int32Array(new SharedArrayBuffer(4));
  const started = performance.now();
  // Counted in batches unless a state limit needs the exact count.
  const batch = options.maxStates === undefined ? STORE_BATCH : 1;
  const set = SharedFingerprintSet.create(1 << 16, 1 << 16, batch);
  const workers: { worker: Worker; ready: boolean; failed: boolean }[] = [];
  const spawn = (): void => {
    for (let index = 1; index < threads; index++) {
      const data: PartitionData = {
        role: 'check-partition',
        ...design(),
        index,
        count: threads,
        buffers: set.buffers,
        batch,
        stop,
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
        return; // no thread to be had: the search goes on alone
      }
    }
  };
  let spawned = false;
  let joined = 0;
  // Asked at each level's end: starts the workers when it is time, and lets in those that are up
  // (in index order, each after those before it).
  const join = async (): Promise<PartitionPort<F>[]> => {
    if (!spawned && (threading.waitForThreads || performance.now() - started >= ALONE_MS)) {
      spawned = true;
      spawn();
      if (threading.waitForThreads) while (workers.some((w) => !w.ready && !w.failed)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Let the workers' "ready" through: the search alone never yields to the event loop.
    if (joined < workers.length) await new Promise((resolve) => setImmediate(resolve));
    const ports: PartitionPort<F>[] = [];
    while (joined < workers.length && workers[joined]!.ready && !workers[joined]!.failed) ports.push(workerPort<F>(workers[joined++]!.worker));
    return ports;
  };
  try {
    const first = [local(set, threads), ...(await join())];
    // The threads that took part, not the threads started: one that did not help sat out.
    return await runLevels(set, first, options, join, !threading.waitForThreads);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/**
 * One thread's search in slices, yielding to the event loop between them, so a signal (Ctrl-C)
 * is handled while it runs: the search itself never waits for anything.
 */
async function exploreInSlices(model: Model, options: ExploreOptions): Promise<CheckResult> {
  const exploration = createExploration(model, options);
  while (!exploration.run(Math.min(options.progressEveryMs ?? 250, 100))) {
    options.onProgress?.(exploration.progress());
    await new Promise((resolve) => setImmediate(resolve));
  }
  return exploration.result();
}

/** A partition in a worker thread: one request at a time, buffers transferred, not copied. */
function workerPort<F>(worker: Worker): PartitionPort<F> {
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
    setLevel: (records, depth, claims, chunk) => call({ type: 'setLevel', records, depth, claims, chunk }), // shared memory: nothing to transfer
    final: () => call({ type: 'final' }),
  };
}
