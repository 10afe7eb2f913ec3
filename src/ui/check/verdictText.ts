import type { CheckProgress, CheckResult } from '../../engine/result';
import { formatCount } from './formatCount';

const CANCELLED = 'Incomplete: you cancelled the search before it was exhaustive';

/**
 * The verdict as one sentence that says it once: what was found and how sure it is, e.g.
 * `Violation: 2 shortest traces at depth 5.` (MODEL.md §6: each distinct violation found at the
 * shallowest depth, with one shortest trace each).
 */
export function verdictText(r: Pick<CheckResult, 'verdict' | 'depth' | 'reason' | 'limit'> & { readonly violations: readonly unknown[] }): string {
  switch (r.verdict) {
    case 'ok':
      return 'OK: every reachable configuration satisfies every check.';
    case 'violation': {
      const n = r.violations.length;
      const found = `Violation: ${n} shortest trace${n === 1 ? '' : 's'} at depth ${r.depth}`;
      // A limit hit while finishing that depth: the violations are real, the list may be short.
      return r.reason ? `${found}; ${r.reason} at that depth, so the list may be partial.` : `${found}.`;
    }
    case 'incomplete': {
      if (r.limit === 'cancelled') return `${CANCELLED} (this is not a pass).`;
      const why = r.reason ? ` Stopped: ${r.reason}.` : '';
      return `Incomplete: a limit stopped the search before it was exhaustive (this is not a pass).${why}`;
    }
  }
}

/**
 * A cancel the worker did not answer in time (it was stopped): still the person's cancel, said the
 * same way, with the last progress the worker reported instead of its result.
 */
export function unansweredCancelText(progress: CheckProgress | null): string {
  return `${CANCELLED}; the worker was stopped before it reported, after ${formatCount(progress?.states ?? 0)} states to depth ${progress?.depth ?? 0} (this is not a pass).`;
}
