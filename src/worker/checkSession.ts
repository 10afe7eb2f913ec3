import { createExploration } from '../engine/explorer';
import { loadDesign } from '../model/load';
import type { CheckLimits, FromWorker } from './protocol';

/**
 * The work behind a check, shared by the worker entry and any main-thread caller: loads the
 * design, explores it in slices of `sliceMs`, yields to the event loop between slices (so a
 * `cancel` message gets through) and posts throttled progress.
 */
export async function runCheck(
  designText: string,
  limits: CheckLimits,
  post: (message: FromWorker) => void,
  cancelled: () => boolean,
  sliceMs = 40,
  progressEveryMs = 100,
): Promise<void> {
  const loaded = loadDesign(designText);
  if (!loaded.ok) {
    post({ type: 'error', error: `The design is invalid (${loaded.errors.length} error(s)).`, errors: loaded.errors });
    return;
  }
  const exploration = createExploration(loaded.model, { ...limits, shouldStop: cancelled });
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
