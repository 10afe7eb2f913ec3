import type { Model } from '../../model/model';
import { explore } from '../../engine/explorer';
import { replayTrail } from '../../export/promela/trail';
import { runSpin, type SpinOptions } from './runSpin';

/**
 * The explorer and Spin on one design, compared (test support for the cross-check, and the
 * measurement script): the verdicts agree; on `ok`, Spin stores exactly one state more than we
 * count configurations (its process before the first step); on a violation, Spin's breadth-first
 * trail replayed through the engine ends in one of the explorer's violations at the explorer's depth.
 * Returns the disagreements, empty when the two agree.
 */
export function crossCheck(model: Model, options: SpinOptions = {}): string[] {
  const ours = explore(model);
  const spin = runSpin(model, options);
  if (!spin.ok) return [`Spin did not run: ${spin.message}`];
  const problems: string[] = [];
  const verdict = spin.report.errors > 0 ? 'violation' : 'ok';
  if (verdict !== ours.verdict) problems.push(`verdict: Spin ${verdict}, explorer ${ours.verdict}`);
  if (ours.verdict === 'ok' && spin.report.states !== ours.states + 1) {
    problems.push(`states: Spin stored ${spin.report.states}, explorer ${ours.states} (+1 expected)`);
  }
  if (spin.trail !== null) {
    const replay = replayTrail(model, spin.trail);
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
