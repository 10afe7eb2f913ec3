import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createExploration, createPartition } from '../engine/explorer';
import { fitsFlat } from '../engine/flatLayout';
import { remotePort, type PartitionData } from '../engine/partitionMessages';
import { localPort, reportOf, runLevels, type FinalFigures, type LevelsRun, type PartitionPort } from '../engine/partitioned';
import type { CheckResult, ExploreOptions } from '../engine/result';
import { SharedFingerprintSet } from '../engine/sharedFingerprintSet';
import { idleCores, othersRunning, startsAlone, threadsToStart, type CoreTimes } from '../engine/threadUse';
import { handoff } from '../model/handoff';
import type { Model } from '../model/model';

/**
 * `check` on several threads (`src/engine/partitioned.ts`): this thread is partition 0 and starts
 * at once; after `ALONE_MS`, one worker thread per core that sat idle meanwhile starts
 * `checkThread.ts` (bundled apart, engine and model only, up in ~60 ms) as partition p and joins
 * at the first level's end after it is up, so a small design never waits for one. While no core
 * is idle (another process on it) no worker starts: the cores are read again every `ALONE_MS`.
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
   * Start the workers at once, wait for them before the first level, and deal every one its
   * share of every level, helpful or not (tests: so that they surely take part).
   */
  readonly waitForThreads?: boolean;
}

/** The check result and how many threads took part. */
export type ThreadedResult = CheckResult & { readonly threads: number };

/**
 * Workers are started once the search has run this long alone: a search that ends sooner is
 * faster on one thread (a new thread, and the compiler threads it keeps busy, slow the first).
 * It is also how often the cores are read to find an idle one: a worker on a core another
 * process keeps busy slows the search down (measured: 1.23× the wall time of one thread).
 */
const ALONE_MS = 150;
/** Pairs a thread stores before it adds them to the shared count (`SharedFingerprintSet`). */
const STORE_BATCH = 256;

export async function exploreOnThreads(
  model: Model,
  options: ExploreOptions,
  threading: Threading,
): Promise<ThreadedResult> {
  if (threading.threads <= 1 || !fitsFlat(model) || busyMachine(threading))
    return { ...(await exploreInSlices(model, options)), threads: 1 };
  const run = await runOnThreads(
    options,
    threading,
    (set, count, pause) => localPort(createPartition(model, options, { index: 0, count, set }), pause),
    () => ({ design: handoff(model) }),
  );
  return { ...reportOf(model, run, threading.threads), threads: run.threads };
}

/**
 * The level loop with partition 0 on this thread (`local`) and the others in worker threads
 * started on idle cores, each given `design()` (either format's; `partitionMessages.ts` builds
 * its partition from it). `initials`: the design's initial configurations, which partition 0
 * stores before the first level.
 */
export async function runOnThreads<F extends FinalFigures>(
  options: ExploreOptions,
  threading: Threading,
  local: (set: SharedFingerprintSet, count: number, pause: () => unknown) => PartitionPort<F>,
  design: () => Pick<PartitionData, 'design' | 'designV2'>,
  initials = 1,
): Promise<LevelsRun<F>> {
  const { threads, workerUrl } = threading;
  const stop = threading.stop ?? new Int32Array(new SharedArrayBuffer(4));
  const started = performance.now();
  // Counted in batches unless a state limit needs the exact count.
  const batch = options.maxStates === undefined ? STORE_BATCH : 1;
  const set = SharedFingerprintSet.create(SharedFingerprintSet.firstLevelCapacity(initials), 1 << 16, batch);
  const workers: { worker: Worker; ready: boolean; failed: boolean }[] = [];
  let failed = false;
  /** Starts `more` workers, the next partitions in order. */
  const spawn = (more: number): void => {
    for (let index = workers.length + 1; index < threads && more-- > 0; index++) {
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
        failed = true; // no thread to be had: the search goes on alone
        return;
      }
    }
  };
  let sample = { at: started, cores: coreTimes() };
  let joined = 0;
  // Asked at each level's end: starts workers on the cores that sat idle since the last look, and
  // lets in those that are up (in index order, each after those before it).
  const join = async (): Promise<PartitionPort<F>[]> => {
    if (threading.waitForThreads && workers.length === 0 && !failed) {
      spawn(threads - 1);
      while (workers.some((w) => !w.ready && !w.failed))
        await new Promise((resolve) => setTimeout(resolve, 5));
    } else if (!failed && workers.length < threads - 1 && performance.now() - sample.at >= ALONE_MS) {
      const now = { at: performance.now(), cores: coreTimes() };
      spawn(threadsToStart(threads - 1 - workers.length, idleCores(sample.cores, now.cores)));
      sample = now;
    }
    // Let the workers' "ready" through: the search alone never yields to the event loop.
    if (joined < workers.length) await new Promise((resolve) => setImmediate(resolve));
    const ports: PartitionPort<F>[] = [];
    while (joined < workers.length && workers[joined]!.ready && !workers[joined]!.failed)
      ports.push(workerPort<F>(workers[joined++]!.worker));
    return ports;
  };
  // Whether a core sat idle while the first thread last ran alone (at least `ALONE_MS` of it):
  // the others are not tried together again while none did (another process on that core).
  let window = { at: started, cores: coreTimes() };
  let free = true;
  const othersFree = (lastLevelAlone: boolean): boolean => {
    const now = performance.now();
    if (!lastLevelAlone) window = { at: now, cores: coreTimes() }; // our own threads kept the cores busy
    else if (now - window.at >= ALONE_MS) {
      const cores = coreTimes();
      free = threadsToStart(1, idleCores(window.cores, cores)) > 0;
      window = { at: now, cores };
    }
    return free;
  };
  try {
    // Between chunks the event loop turns, so a signal is handled even while no worker has joined.
    const pause = () => new Promise((resolve) => setImmediate(resolve));
    const first = [local(set, threads, pause), ...(await join())];
    // The threads that took part, not the threads started: one that did not help sat out.
    return await runLevels(set, first, threads, options, join, {
      adaptive: !threading.waitForThreads,
      dealt: threading.waitForThreads === true,
      exclusive: true,
      othersFree,
    });
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** No core is free for a second thread (`startsAlone`): the check runs as one thread (tests that wait for threads never do). */
export function busyMachine(threading: Threading): boolean {
  return threading.waitForThreads !== true && startsAlone(availableParallelism(), othersNow() ?? loadavg()[0] ?? 0);
}

/** Readings of the processes running, 1 ms apart (`othersRunning`): about 5 ms before a check that may use threads. */
const READINGS = 5;

/**
 * The processes running now besides this one, from Linux's count of the tasks running
 * (`/proc/loadavg`'s fourth field, `running/all`); null where there is no such count.
 */
function othersNow(): number | null {
  const readings: number[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < READINGS; i++) {
    let text: string;
    try {
      text = readFileSync('/proc/loadavg', 'utf8');
    } catch {
      return null;
    }
    const running = /\s(\d+)\/\d+\s/.exec(text);
    if (running === null) return null;
    readings.push(Number(running[1]));
    if (i + 1 < READINGS) Atomics.wait(pause, 0, 0, 1);
  }
  return othersRunning(readings);
}

/** Every core's time counters now (ms): `idleCores` compares two readings. */
function coreTimes(): CoreTimes[] {
  return cpus().map(({ times: t }) => ({ idle: t.idle, busy: t.user + t.nice + t.sys + t.irq }));
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
  return remotePort(
    (request) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(request);
      }),
  );
}
