import type { Model } from '../../model/model';
import { explore } from '../explorer';
import type { CheckResult, ExploreOptions } from '../result';

/**
 * Checking a version-2 design with clients (docs/format-v2.md §13): one participant and version
 * 1's clients. The loader lowered it to its version-1 model, so this runs version 1's explorer,
 * the one statement of the client rules (requests, attempts, timeouts, dedupe tables, ack modes,
 * the replay check, outcomes); nothing here restates them. The result is version 1's, outcomes
 * included, marked `"version": 2`, with states named as version 2 names them (`Role.state`).
 */

export type CheckResultWithClients = Omit<CheckResult, 'coverage'> & {
  readonly version: 2;
  readonly coverage: CheckResult['coverage'];
};

export function resultWithClients(result: CheckResult, role: string): CheckResultWithClients {
  const named = (states: readonly string[]) => states.map((s) => `${role}.${s}`);
  const { states, transitions } = result.coverage;
  return {
    version: 2,
    ...result,
    coverage: { states: { reached: named(states.reached), unreached: named(states.unreached) }, transitions },
  };
}

/** One thread; the command line runs the same model on version 1's threads. */
export function exploreWithClients(model: Model, role: string, options: ExploreOptions = {}): CheckResultWithClients {
  return resultWithClients(explore(model, options), role);
}
