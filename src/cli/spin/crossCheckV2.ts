import { exploreV2 } from '../../engine/v2/explorer';
import type { ModelV2 } from '../../model/v2/model';
import { promelaWithSteps } from '../../export/v2/promela';
import { replayTrailV2 } from '../../export/v2/promelaTrail';
import { runPromela, type SpinOptions } from './runSpin';

/**
 * The version-2 explorer and Spin on one design, compared (the v2 cross-check): verdicts agree;
 * on `ok`, Spin stores exactly one state more than we count configurations (the `boot` process
 * before it set and checked the initial configuration); on a violation, Spin's breadth-first
 * trail replayed through the engine ends in one of the explorer's violations at the explorer's
 * depth. Deadlock is not in the Promela model: the explorer runs with `checks.deadlock` off.
 */
export function crossCheckV2(model: ModelV2, options: SpinOptions = {}): string[] {
  const ours = exploreV2({ ...model, checks: { deadlock: false } });
  const { text, steps } = promelaWithSteps(model);
  const spin = runPromela(text, options);
  if (!spin.ok) return [`Spin did not run: ${spin.message}`];
  const problems: string[] = [];
  const verdict = spin.report.errors > 0 ? 'violation' : 'ok';
  if (verdict !== ours.verdict) problems.push(`verdict: Spin ${verdict}, explorer ${ours.verdict}`);
  if (ours.verdict === 'ok' && spin.report.states !== ours.states + 1) problems.push(`states: Spin stored ${spin.report.states}, explorer ${ours.states} (+1 expected)`);
  if (spin.trail !== null) {
    const replay = replayTrailV2(model, steps, spin.trail);
    if (!replay.ok) problems.push(`trail: ${replay.message}`);
    else {
      if (replay.depth !== ours.depth) problems.push(`depth: Spin's trail ${replay.depth}, explorer ${ours.depth}`);
      const known = new Set(ours.violations.map((v) => `${v.kind} ${v.name}`));
      const hit = replay.violations.filter((v) => known.has(`${v.kind} ${v.name}`));
      if (hit.length === 0) problems.push(`Spin's violation ${replay.violations.map((v) => `${v.kind} ${v.name}`).join(', ')} is not among the explorer's ${[...known].join(', ')}`);
    }
  }
  return problems;
}
