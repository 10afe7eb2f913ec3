import { localPort } from '../../engine/partitioned';
import type { ExploreOptions } from '../../engine/result';
import { createExplorationV2 } from '../../engine/v2/explorer';
import { createPartitionV2 } from '../../engine/v2/partition';
import type { CheckResultV2 } from '../../engine/v2/result';
import { threadResultV2 } from '../../engine/v2/threadResult';
import type { ModelV2 } from '../../model/v2/model';
import { busyMachine, runOnThreads, type Threading } from '../checkThreads';

/**
 * A version-2 check on `threading.threads` threads, with version 1's machinery (`runOnThreads`:
 * partition 0 here, the others in worker threads running dist/check-thread.mjs, which compiles
 * `model.design` again), or on one thread with the exact explorer, in slices so that a signal
 * is handled while it runs.
 */
export async function exploreOnThreadsV2(
  model: ModelV2,
  options: ExploreOptions,
  threading: Threading,
): Promise<CheckResultV2 & { readonly threads: number; readonly oneThread?: string }> {
  if (threading.threads <= 1 || busyMachine(threading)) return { ...(await exploreInSlicesV2(model, options)), threads: 1 };
  // The partitions share a set of fingerprints of the configurations as found; canonical forms are not split yet (docs/format-v2.md §18).
  if (model.symmetry) return { ...(await exploreInSlicesV2(model, options)), threads: 1, oneThread: 'symmetry reduction runs on one thread' };
  const run = await runOnThreads(
    options,
    threading,
    (set, count, pause) => localPort(createPartitionV2(model, options, { index: 0, count, set }), pause),
    () => ({ design: null, designV2: model.design }),
    model.initials.length,
  );
  return threadResultV2(model, run, threading.threads);
}

async function exploreInSlicesV2(model: ModelV2, options: ExploreOptions): Promise<CheckResultV2> {
  const exploration = createExplorationV2(model, options);
  while (!exploration.run(Math.min(options.progressEveryMs ?? 250, 100))) {
    options.onProgress?.(exploration.progress());
    await new Promise((resolve) => setImmediate(resolve));
  }
  return exploration.result();
}
