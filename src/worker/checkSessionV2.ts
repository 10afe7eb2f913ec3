import { createExplorationV2 } from '../engine/v2/explorer';
import type { CheckLimits } from '../engine/result';
import type { CheckResultV2 } from '../engine/v2/result';
import { loadDesignValueV2 } from '../model/v2/load';
import { driveExploration } from './checkSession';
import type { FromWorkerV2, ValidatedDesignV2 } from './protocol';

/**
 * The work behind a version-2 check (the v2 worker entry, tests): loads the validated design
 * again (a Web Worker cannot receive compiled expressions), then explores it in slices exactly as
 * version 1's `runCheck` does.
 */
export async function runCheckV2(
  validated: ValidatedDesignV2,
  limits: CheckLimits,
  post: (message: FromWorkerV2) => void,
  cancelled: () => boolean,
  sliceMs = 40,
  progressEveryMs = 100,
): Promise<void> {
  const loaded = loadDesignValueV2(validated.design);
  if (!loaded.ok) throw new Error(`a validated design did not load: ${loaded.errors[0]?.message ?? ''}`);
  const exploration = createExplorationV2(loaded.model, { ...limits, shouldStop: cancelled });
  await driveExploration<CheckResultV2>(exploration, post, cancelled, sliceMs, progressEveryMs);
}
