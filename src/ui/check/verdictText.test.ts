import { describe, expect, it } from 'vitest';
import type { ViolationReport } from '../../engine/result';
import { unansweredCancelText, verdictText } from './verdictText';

const violation = (name: string): ViolationReport => ({ kind: 'replay', name, depth: 5, detail: '', trace: [] });

describe('the verdict line', () => {
  it('says a violation once, with how many shortest traces and their depth', () => {
    const text = verdictText({ verdict: 'violation', violations: [violation('Charge'), violation('Refund')], depth: 5, limit: null });
    expect(text).toBe('Violation: 2 shortest traces at depth 5.');
    expect(text.match(/violation/gi)).toHaveLength(1);
    expect(verdictText({ verdict: 'violation', violations: [violation('Charge')], depth: 3, limit: null })).toBe('Violation: 1 shortest trace at depth 3.');
  });

  it('warns that the list may be partial when a limit stopped the last depth', () => {
    expect(verdictText({ verdict: 'violation', violations: [violation('Charge')], depth: 5, reason: 'the state limit was reached', limit: 'states' })).toBe(
      'Violation: 1 shortest trace at depth 5; the state limit was reached at that depth, so the list may be partial.',
    );
  });

  it('says ok and incomplete once each, with why an incomplete search stopped', () => {
    expect(verdictText({ verdict: 'ok', violations: [], depth: 4, limit: null })).toBe('OK: every reachable configuration satisfies every check.');
    const stopped = { verdict: 'incomplete' as const, violations: [], depth: 2, reason: 'the time limit was reached', limit: 'time' as const };
    expect(verdictText(stopped)).toBe(
      'Incomplete: a limit stopped the search before it was exhaustive (this is not a pass). Stopped: the time limit was reached.',
    );
    expect(verdictText({ ...stopped, reason: 'the check was cancelled', limit: 'cancelled' })).toBe('Incomplete: you cancelled the search before it was exhaustive (this is not a pass).');
  });

  it('says a cancel the worker did not answer is still the person\'s, with the last progress', () => {
    expect(unansweredCancelText({ states: 2121, transitions: 9000, depth: 9, statesPerSecond: 1000, elapsedMs: 2000 })).toBe(
      'Incomplete: you cancelled the search before it was exhaustive; the worker was stopped before it reported, after 2,121 states to depth 9 (this is not a pass).',
    );
    expect(unansweredCancelText(null)).toMatch(/after 0 states to depth 0 \(this is not a pass\)\.$/);
  });
});
