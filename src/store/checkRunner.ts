import { startCheck, type WorkerLike } from '../worker/checkClient';
import type { CheckProgressView, CheckResultView, CheckRunner } from './checkTypes';

/**
 * The app's `CheckRunner`: the explorer runs in the Web Worker; the page only receives throttled
 * progress and the result. A cancelled worker that does not answer in time still yields an
 * `incomplete` result (never an error, never ok), built from the last progress seen.
 */
export function workerCheckRunner(createWorker?: () => WorkerLike): CheckRunner {
  return (designText, limits) => {
    const running = createWorker ? startCheck(designText, limits, createWorker) : startCheck(designText, limits);
    let last: CheckProgressView = { states: 0, depth: 0, statesPerSecond: 0, elapsedMs: 0 };
    let cancelled = false;
    running.subscribe((p) => (last = p));
    const result = running.result.then((outcome): CheckResultView => {
      if (!('error' in outcome)) return outcome;
      if (cancelled) return cancelledResult(last);
      const details = outcome.errors?.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ');
      throw new Error(details ? `${outcome.error} ${details}` : outcome.error);
    });
    return {
      subscribe: (f) => running.subscribe(f),
      result,
      cancel: () => {
        cancelled = true;
        running.cancel();
      },
    };
  };
}

function cancelledResult(p: CheckProgressView): CheckResultView {
  return {
    verdict: 'incomplete',
    states: p.states,
    transitions: 0,
    depth: Math.max(0, p.depth - 1),
    violations: [],
    coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } },
    outcomes: { ok: 0, error: 0, ambiguous: 0 },
    reason: 'the check was cancelled',
  };
}
