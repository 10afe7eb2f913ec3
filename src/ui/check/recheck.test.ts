import { describe, expect, it } from 'vitest';
import type { CheckResult, ViolationReport } from '../../engine/result';
import type { ViolationKind } from '../../engine/violation';
import { emptyDesign } from '../../store/designEdits';
import { needsRecheck, withoutReplayCheck } from './recheck';

const violation = (kind: ViolationKind, name: string): ViolationReport => ({ kind, name, depth: 5, detail: '', trace: [] });
const result = (violations: ViolationReport[]): CheckResult => ({
  verdict: violations.length ? 'violation' : 'ok',
  states: 1,
  transitions: 1,
  depth: 5,
  violations,
  coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } },
  outcomes: { ok: 0, error: 0, ambiguous: 0 },
  seconds: 0,
  statesPerSecond: 0,
  bytesPerState: 0,
  limit: null,
});

describe('the second check with the replay check off', () => {
  it('turns only the replay check off, keeping the rest of the environment', () => {
    const design = { ...emptyDesign('P'), environment: { requests: 2, checks: { deadlock: false } } };
    expect(withoutReplayCheck(design).environment).toEqual({ requests: 2, checks: { deadlock: false, replay: false } });
    expect(withoutReplayCheck(emptyDesign('Q')).environment).toEqual({ checks: { replay: false } });
    expect(design.environment.checks).toEqual({ deadlock: false });
  });
  it('runs only when a replay hides the invariants (none of them is reported already)', () => {
    expect(needsRecheck(result([violation('replay', 'Charge')]))).toBe(true);
    expect(needsRecheck(result([violation('replay', 'Charge'), violation('invariant', 'no double charge')]))).toBe(false);
    expect(needsRecheck(result([violation('deadlock', 'Idle')]))).toBe(false);
    expect(needsRecheck(result([]))).toBe(false);
  });
});
