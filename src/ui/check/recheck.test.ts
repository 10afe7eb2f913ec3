import { describe, expect, it } from 'vitest';
import type { CheckResultView, ViolationView } from '../../store/checkTypes';
import { needsRecheck, withoutReplayCheck } from './recheck';

const violation = (kind: string, name: string): ViolationView => ({ kind, name, depth: 5, trace: [] });
const result = (violations: ViolationView[]): CheckResultView => ({
  verdict: violations.length ? 'violation' : 'ok',
  states: 1,
  transitions: 1,
  depth: 5,
  violations,
  coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } },
  outcomes: { ok: 0, error: 0, ambiguous: 0 },
});

describe('the second check with the replay check off', () => {
  it('turns only the replay check off, keeping the rest of the environment', () => {
    const text = JSON.stringify({ name: 'P', environment: { requests: 2, checks: { deadlock: false } } });
    expect(JSON.parse(withoutReplayCheck(text))).toEqual({ name: 'P', environment: { requests: 2, checks: { deadlock: false, replay: false } } });
    expect(JSON.parse(withoutReplayCheck('{"name":"Q"}'))).toEqual({ name: 'Q', environment: { checks: { replay: false } } });
  });
  it('runs only when a replay hides the invariants (none of them is reported already)', () => {
    expect(needsRecheck(result([violation('replay', 'Charge')]))).toBe(true);
    expect(needsRecheck(result([violation('replay', 'Charge'), violation('invariant', 'no double charge')]))).toBe(false);
    expect(needsRecheck(result([violation('deadlock', 'Idle')]))).toBe(false);
    expect(needsRecheck(result([]))).toBe(false);
  });
});
