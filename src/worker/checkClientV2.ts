import type { CheckLimits } from '../engine/result';
import type { CheckResultV2 } from '../engine/v2/result';
import { superviseCheck, type RunningCheck, type WorkerLike } from './checkClient';
import type { ValidatedDesignV2 } from './protocol';

export type WorkerLikeV2 = WorkerLike<ValidatedDesignV2, CheckResultV2>;

export function createExplorerWorkerV2(): WorkerLikeV2 {
  return new Worker(new URL('./explorerV2.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLikeV2;
}

/** Checks a version-2 design in its own Web Worker, with version 1's progress, cancel and outcomes. */
export function startCheckV2(design: ValidatedDesignV2, limits: CheckLimits = {}, createWorker: () => WorkerLikeV2 = createExplorerWorkerV2): RunningCheck<CheckResultV2> {
  return superviseCheck(createWorker(), design, limits);
}
