import type { Design } from '../../model/schema';
import type { CheckResult } from '../../engine/result';

/**
 * Turns a result's unreached lists into what the canvas dims: state names as they are, and
 * transition names (`id`, or `#k` for the k-th transition without one, MODEL.md §6) as indices.
 */
export function dimmedOf(result: Pick<CheckResult, 'coverage'>, design: Design): { dimmedStates: string[]; dimmedTransitions: number[] } {
  const dimmedTransitions: number[] = [];
  for (const name of result.coverage.transitions.unreached) {
    const byIndex = /^#(\d+)$/.exec(name);
    const index = byIndex ? Number(byIndex[1]) : design.transitions.findIndex((t) => t.id === name);
    if (index >= 0 && index < design.transitions.length) dimmedTransitions.push(index);
  }
  return { dimmedStates: [...result.coverage.states.unreached], dimmedTransitions };
}
