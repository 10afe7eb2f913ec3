import { createExploration } from '../engine/explorer';
import type { CheckLimits, CheckProgress } from '../engine/result';
import { receiveDesign, type ValidatedDesign } from '../model/handoff';
import type { FromWorker } from './protocol';

/**
 * The work behind a check, shared by the worker entry and any main-thread caller: compiles the
 * validated design it was handed, explores it in slices of `sliceMs`, yields to the event loop
 * between slices (so a `cancel` message gets through) and posts throttled progress. A cancel
 * stops the search at its next slice; the result is then the engine's own, `limit: 'cancelled'`.
 */
export async function runCheck(
  design: ValidatedDesign,
  limits: CheckLimits,
  post: (message: FromWorker) => void,
  cancelled: () => boolean,
  sliceMs = 40,
  progressEveryMs = 100,
): Promise<void> {
  const exploration = createExploration(receiveDesign(design), { ...limits, shouldStop: cancelled });
  await driveExploration(exploration, post, cancelled, sliceMs, progressEveryMs);
}

/** What both engines' sliced explorations offer (`createExploration`, `createExplorationV2`). */
export interface SlicedExploration<R> {
  run(budgetMs: number): boolean;
  progress(): CheckProgress;
  result(): R;
  stop(limit: 'cancelled'): void;
}

/** Runs an exploration in slices, yielding between them, posting throttled progress and then the result. */
export async function driveExploration<R>(
  exploration: SlicedExploration<R>,
  post: (message: FromWorker<R>) => void,
  cancelled: () => boolean,
  sliceMs: number,
  progressEveryMs: number,
): Promise<void> {
  let lastProgress = 0;
  for (;;) {
    if (cancelled()) exploration.stop('cancelled');
    if (exploration.run(sliceMs)) break;
    const t = performance.now();
    if (t - lastProgress >= progressEveryMs) {
      lastProgress = t;
      post({ type: 'progress', progress: exploration.progress() });
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  post({ type: 'progress', progress: exploration.progress() });
  post({ type: 'result', result: exploration.result() });
}
