import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import type { Review } from '../lint';
import type { RuleId } from '../rules';
import { withSilence } from '../silence';
import type { Design } from '../../model/schema';
import { reviewDesignV2 } from './lintV2';
import { leaseBroken, modelOfV2, twoPhaseBroken } from './testDesignsV2';

function review(design: unknown, withCheck = false): Review {
  const model = modelOfV2(design);
  return reviewDesignV2({ document: design, model, ...(withCheck ? { result: exploreV2(model) } : {}) });
}

const at = (r: Review, rule: RuleId) => r.findings.filter((f) => f.rule === rule).map((f) => f.path);

describe('the review checklist of a design of several participants', () => {
  it('flags a call with retries to a callee without idempotency, at the calling transition', () => {
    expect(at(review(leaseBroken()), 'retry-without-idempotency')).toEqual(['/roles/1/transitions/0']);
    const fixed = leaseBroken();
    fixed.roles[0]!.events![0]!.idempotency = 'durable';
    expect(at(review(fixed), 'retry-without-idempotency')).toEqual([]);
    const once = leaseBroken();
    delete once.roles[1]!.transitions[0]!.call!.retry;
    expect(at(review(once), 'retry-without-idempotency')).toEqual([]);
  });

  it('flags volatile idempotency guarding a durable effect', () => {
    const d = leaseBroken();
    d.roles[0]!.events![0]!.idempotency = 'volatile';
    expect(at(review(d), 'volatile-idempotency')).toEqual(['/roles/0/events/0']);
  });

  it('flags a durable ack whose effect writes only volatile vars, and an ack left at its default', () => {
    const d = leaseBroken();
    const lock = d.roles[0]!;
    lock.vars!.forEach((v) => (v.storage = 'volatile'));
    lock.states[1]!.storage = 'volatile';
    expect(at(review(d), 'durable-ack-volatile-effect')).toEqual(['/roles/0/transitions/0']);
    lock.transitions[0]!.ack = 'none';
    expect(at(review(d), 'durable-ack-volatile-effect')).toEqual([]);
    expect(at(review(leaseBroken()), 'ack-default')).toEqual([]);
    const unset = leaseBroken();
    delete unset.roles[0]!.transitions[1]!.ack;
    expect(at(review(unset), 'ack-default')).toEqual(['/roles/0/transitions/1']);
  });

  it('flags a message kind its receiver never handles', () => {
    const d = twoPhaseBroken();
    expect(at(review(d), 'unhandled-message')).toEqual([]);
    d.messages!.push({ name: 'Ping', from: 'TM', to: 'RM' });
    expect(at(review(d), 'unhandled-message')).toEqual(['/messages/3']);
  });

  it('flags a role with volatile data and no $restart transition', () => {
    // TM keeps volatile vars and has a $restart transition; RM keeps nothing volatile.
    expect(at(review(twoPhaseBroken()), 'volatile-without-recovery')).toEqual([]);
    const d = twoPhaseBroken();
    d.roles[0]!.transitions = d.roles[0]!.transitions.filter((t) => t.event !== '$restart');
    expect(at(review(d), 'volatile-without-recovery')).toEqual(['/roles/0']);
    // A role that never crashes loses nothing.
    d.roles[0]!.crashes = 0;
    expect(at(review(d), 'volatile-without-recovery')).toEqual([]);
  });

  it('flags invariants that never mention another instance, and a design with none', () => {
    expect(at(review(twoPhaseBroken()), 'local-invariants-only')).toEqual([]);
    const d = twoPhaseBroken();
    d.invariants = [{ name: 'local', expr: 'crashes <= 1' }];
    d.roles[1]!.invariants = [{ name: 'mine', expr: 'state != "working" || true' }];
    expect(at(review(d), 'local-invariants-only')).toEqual(['']);
    d.roles[1]!.invariants = [{ name: 'asks TM', expr: 'state == "committed" => TM.state != "collecting"' }];
    expect(at(review(d), 'local-invariants-only')).toEqual([]);
    const none = twoPhaseBroken();
    delete none.invariants;
    expect(at(review(none), 'no-invariants')).toEqual(['']);
  });

  it('reads reachability from an exhaustive check only, and budgets of 0', () => {
    const d = twoPhaseBroken();
    d.roles[1]!.states.push({ name: 'limbo' });
    // With the violation the search stopped early: nothing is called unreachable.
    expect(at(review(d, true), 'unreachable-state')).toEqual([]);
    d.invariants = [{ name: 'all or nothing', expr: 'true || exists r in RM: r.state == "committed"' }];
    expect(at(review(d, true), 'unreachable-state')).toEqual(['/roles/1/states/4']);
    const r = review(twoPhaseBroken());
    expect(at(r, 'drops-off')).toEqual(['/environment']);
    expect(at(r, 'crashes-off')).toEqual([]);
  });

  it('keeps a silence with its reason, written on the element a finding points at', () => {
    const d = withSilence(leaseBroken() as unknown as Design, '/roles/1/transitions/0', 'retry-without-idempotency', 'tested elsewhere');
    const f = review(d).findings.find((x) => x.rule === 'retry-without-idempotency')!;
    expect(f.silenced).toBe('tested elsewhere');
  });
});
