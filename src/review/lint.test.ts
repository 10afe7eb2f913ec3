import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explorer';
import type { Design } from '../model/schema';
import { openFindings } from './finding';
import { reviewDesign, type Review } from './lint';
import { RULE_IDS, RULES, type RuleId } from './rules';
import { withSilence } from './silence';
import { idempotent, modelOf, retried } from './testDesigns';

function review(design: unknown, withCheck = false): Review {
  const model = modelOf(design);
  return reviewDesign({ document: design, model, ...(withCheck ? { result: explore(model) } : {}) });
}

const at = (r: Review, rule: RuleId) => r.findings.filter((f) => f.rule === rule).map((f) => f.path);

type Mutable = Design & Record<string, unknown>;

describe('the review checklist', () => {
  it('documents every rule with its reasoning', () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].id).toBe(id);
      expect(RULES[id].reasoning.length).toBeGreaterThan(40);
    }
  });

  it('flags the retried payment for retries without idempotency, and not the fixed one', () => {
    expect(at(review(retried()), 'retry-without-idempotency')).toEqual(['/events/0']);
    expect(at(review(idempotent()), 'retry-without-idempotency')).toEqual([]);
  });

  it('does not flag retries to a handler that dedupes on a payload id (a durable high-water mark), and the check agrees', () => {
    const d = retried() as Mutable;
    d.events[0]!.payload = [{ name: 'id', type: { int: [1, 2] } }];
    d.vars.push({ name: 'lastId', type: { int: [0, 2] }, initial: 0 });
    d.transitions[0]!.guard = 'event.id > lastId';
    d.transitions[0]!.updates = { charges: 'charges + 1', lastId: 'event.id' };
    d.transitions.push({ id: 'known', from: 'Charged', event: 'Charge', to: 'Charged', ack: 'durable' });
    expect(at(review(d), 'retry-without-idempotency')).toEqual([]);
    expect(explore(modelOf(d)).verdict).toBe('ok');
    // A mark that lets the same id through again, or one a crash resets, is no dedupe.
    d.transitions[0]!.guard = 'event.id >= lastId';
    expect(at(review(d), 'retry-without-idempotency')).toEqual(['/events/0']);
    d.transitions[0]!.guard = 'event.id > lastId';
    d.vars[1]!.storage = 'volatile';
    expect(review(d).findings.find((f) => f.rule === 'retry-without-idempotency')!.why).toBe(
      'Charge is sent up to 2 times with no idempotency key: its handler dedupes on `lastId`, which is volatile: a crash forgets it, and a retry of a request already processed is processed again.',
    );
  });

  it('flags a client transition whose ack is left at its default, and only that one', () => {
    const d = retried() as Mutable;
    delete (d.transitions[0] as { ack?: string }).ack;
    expect(at(review(d), 'ack-default')).toEqual(['/transitions/0']);
    expect(at(review(retried()), 'ack-default')).toEqual([]);
  });

  it('flags volatile idempotency guarding a durable effect', () => {
    const d = idempotent() as Mutable;
    d.vars[0]!.storage = 'durable';
    d.events[0]!.idempotency = 'volatile';
    expect(at(review(d), 'volatile-idempotency')).toEqual(['/events/0']);
    d.vars[0]!.storage = 'volatile';
    d.states[1]!.storage = 'volatile';
    expect(at(review(d), 'volatile-idempotency')).toEqual([]);
  });

  it('flags a durable state entered with volatile data and no $restart transition', () => {
    const d = idempotent() as Mutable;
    d.vars.push({ name: 'cache', type: { int: [0, 1] }, initial: 0, storage: 'volatile' });
    d.transitions[0]!.updates = { charges: 'charges + 1', cache: '1' };
    d.transitions.splice(1, 1);
    expect(at(review(d), 'volatile-without-recovery')).toEqual(['/states/1']);
    d.transitions.push({ from: 'Charged', event: '$restart', to: 'Charged', updates: { cache: '1' } });
    expect(at(review(d), 'volatile-without-recovery')).toEqual([]);
  });

  it('flags a client event whose ambiguous outcome no invariant reads', () => {
    const d = idempotent() as Mutable;
    expect(at(review(d), 'timeout-unmentioned')).toEqual(['/events/0']);
    d.invariants.push({
      name: 'ambiguous charges at most once',
      expr: 'ambiguous.Charge > 0 => charges <= sent.Charge',
    });
    expect(at(review(d), 'timeout-unmentioned')).toEqual([]);
  });

  it('flags a var that is only incremented until a step invariant says it never decreases', () => {
    const d = idempotent() as Mutable;
    expect(at(review(d), 'counter-may-decrease')).toEqual(['/vars/0']);
    d.invariants.push({ name: 'charges never go back', expr: "charges' >= charges", kind: 'step' });
    expect(at(review(d), 'counter-may-decrease')).toEqual([]);
    const lowered = idempotent() as Mutable;
    lowered.transitions[1]!.updates = { charges: 'charges - 1' };
    expect(at(review(lowered), 'counter-may-decrease')).toEqual([]);
  });

  it('flags a guard that orders by a clock-like var', () => {
    const d = idempotent() as Mutable;
    d.vars.push({ name: 'lastSeenAt', type: { int: [0, 3] }, initial: 0 });
    d.transitions[0]!.guard = 'lastSeenAt < 2';
    expect(at(review(d), 'clock-ordering')).toEqual(['/vars/1']);
    d.vars[1]!.name = 'epoch';
    d.transitions[0]!.guard = 'epoch < 2';
    expect(at(review(d), 'clock-ordering')).toEqual([]);
  });

  it('flags a design with no invariants, and transitions without one where others have them', () => {
    const d = idempotent() as Mutable;
    d.invariants = [];
    expect(at(review(d), 'no-invariants')).toEqual(['']);
    d.transitions[0]!.invariants = [{ name: 'one more charge', expr: "charges' == charges + 1" }];
    expect(at(review(d), 'no-invariants')).toEqual([]);
    expect(at(review(d), 'transition-without-invariant')).toEqual(['/transitions/1']);
  });

  it('reports unreachable states and transitions only from an exhaustive check', () => {
    const d = idempotent() as Mutable;
    d.states.push({ name: 'Refunded' });
    d.transitions.push({ id: 'refund', from: 'Refunded', event: 'Charge', to: 'Idle', ack: 'durable' });
    expect(at(review(d), 'unreachable-state')).toEqual([]);
    const r = review(d, true);
    expect(at(r, 'unreachable-state')).toEqual(['/states/2']);
    expect(at(r, 'unreachable-transition')).toEqual(['/transitions/2']);
  });

  it('flags the hostile world switched off, at the environment or the whole design when it has none', () => {
    const d = idempotent() as Mutable;
    d.environment = { requests: 1, network: { drop: 0, duplicate: 1 }, crashes: 0 };
    expect(at(review(d), 'drops-off')).toEqual(['/environment']);
    expect(at(review(d), 'crashes-off')).toEqual(['/environment']);
    expect(at(review(d), 'duplicates-off')).toEqual([]);
    delete d.environment;
    expect(at(review(d), 'duplicates-off')).toEqual(['']);
  });

  it('flags a check that hit its limits', () => {
    const model = modelOf(idempotent());
    const result = explore(model, { maxStates: 5 });
    expect(result.verdict).toBe('incomplete');
    const r = reviewDesign({ document: idempotent(), model, result });
    expect(at(r, 'check-incomplete')).toEqual(['']);
  });

  it('gives every finding an element, a one-line why and a fix', () => {
    for (const f of review(retried(), true).findings) {
      expect(f.element).not.toBe('');
      expect(f.why).not.toMatch(/\n/);
      expect(f.fix).not.toMatch(/\n/);
    }
  });
});

describe('silencing a rule on an element', () => {
  it('keeps the finding with its recorded reason and leaves it out of the open ones', () => {
    const d = withSilence(
      retried(),
      '/events/0',
      'timeout-unmentioned',
      'clients reconcile ambiguous charges by hand',
    );
    expect((d.events[0] as Record<string, unknown>)['x-review']).toEqual({
      silence: { 'timeout-unmentioned': 'clients reconcile ambiguous charges by hand' },
    });
    const r = review(d);
    const f = r.findings.find((x) => x.rule === 'timeout-unmentioned')!;
    expect(f.silenced).toBe('clients reconcile ambiguous charges by hand');
    expect(openFindings(r.findings).some((x) => x.rule === 'timeout-unmentioned')).toBe(false);
    expect(openFindings(r.findings).some((x) => x.rule === 'retry-without-idempotency')).toBe(true);
  });

  it('does not count a blank reason, and names silences of unknown rules', () => {
    const d = retried() as Mutable;
    (d.events[0] as Record<string, unknown>)['x-review'] = {
      silence: { 'timeout-unmentioned': '  ', 'retry-without-idempotence': 'typo' },
    };
    const r = review(d);
    expect(r.findings.find((x) => x.rule === 'timeout-unmentioned')!.silenced).toBeUndefined();
    expect(r.unknownSilences).toEqual([{ path: '/events/0', rule: 'retry-without-idempotence' }]);
  });

  it('silences design-wide findings at the top level, and can be withdrawn', () => {
    const d = withSilence(retried(), '', 'check-incomplete', 'not relevant');
    expect(d['x-review' as keyof Design]).toEqual({ silence: { 'check-incomplete': 'not relevant' } });
    const back = withSilence(d, '', 'check-incomplete', null);
    expect('x-review' in back).toBe(false);
    expect(retried()).not.toHaveProperty('x-review');
  });
});
