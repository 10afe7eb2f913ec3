import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import type { Review } from '../lint';
import type { RuleId } from '../rules';
import { withSilence } from '../silence';
import type { Design } from '../../model/schema';
import type { DesignV2 } from '../../model/v2/schema';
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

  describe('a callee that dedupes on an id the request carries', () => {
    const walk = (name: string) =>
      JSON.parse(readFileSync(join(__dirname, `../../../test-fixtures/walk-v2/${name}.protocol.json`), 'utf8')) as DesignV2 & Record<string, unknown>;
    const why = (d: unknown) => review(d).findings.find((f) => f.rule === 'retry-without-idempotency')?.why;

    it('is not flagged: a set of applied ids checked in the guard, written with the effect, a known id acked without effect', () => {
      expect(at(review(walk('queue-calls-message-id')), 'retry-without-idempotency')).toEqual([]);
      // Its neighbour applies every delivery: still flagged.
      expect(at(review(walk('queue-calls-no-dedupe')), 'retry-without-idempotency')).toEqual(['/roles/0/transitions/0']);
    });

    it('is flagged when the record does not survive a crash, or is only a ghost', () => {
      for (const storage of ['volatile', 'ghost'] as const) {
        const d = walk('queue-calls-message-id');
        d.roles[1]!.vars!.find((v) => v.name === 'seen')!.storage = storage;
        expect(why(d)).toContain(`dedupes on \`seen\`, which is ${storage}`);
      }
    });

    it('is flagged when the check is not recorded, records another id, or a transition with an effect does not check', () => {
      const unrecorded = walk('queue-calls-message-id');
      delete unrecorded.roles[1]!.transitions[0]!.updates!.seen;
      expect(why(unrecorded)).toBe('It calls Consumer.Deliver up to 2 times, and Deliver has no idempotency: a retry of a request already served is served again.');
      const other = walk('queue-calls-message-id');
      other.roles[1]!.transitions[0]!.updates!.seen = 'seen + {1}';
      expect(why(other)).toContain('served again');
      const effectful = walk('queue-calls-message-id');
      effectful.roles[1]!.transitions[1]!.updates = { total: 'total + 1' };
      expect(why(effectful)).toContain('served again');
    });

    it('is flagged when a known id is refused or has no transition: the caller of a retry hears a failure', () => {
      const refused = walk('queue-calls-message-id');
      refused.roles[1]!.transitions[1]!.reply = 'error';
      expect(why(refused)).toContain('in state up no transition without effect answers a known id with ok');
      const missing = walk('queue-calls-message-id');
      missing.roles[1]!.transitions.splice(1, 1);
      expect(why(missing)).toContain('in state up no transition without effect');
    });

    it('recognises a map of flags and a high-water mark, keyed by a payload field', () => {
      const flags = walk('queue-calls-message-id');
      const consumer = flags.roles[1]!;
      consumer.vars = consumer.vars!.filter((v) => v.name !== 'seen');
      consumer.vars.push({ name: 'done', type: { map: { from: { int: [1, 2] }, to: 'bool' } }, initial: false });
      consumer.transitions[0]!.guard = '!done[event.id]';
      const { seen: _, ...updates } = consumer.transitions[0]!.updates!;
      consumer.transitions[0]!.updates = { ...updates, 'done[event.id]': 'true' };
      expect(at(review(flags), 'retry-without-idempotency')).toEqual([]);
      consumer.transitions[0]!.updates['done[event.id]'] = 'false';
      expect(why(flags)).toContain('served again');

      const mark = walk('queue-calls-message-id');
      const c = mark.roles[1]!;
      c.vars = c.vars!.filter((v) => v.name !== 'seen');
      c.vars.push({ name: 'lastId', type: { int: [0, 2] }, initial: 0 });
      c.transitions[0]!.guard = 'event.id > lastId';
      const { seen: __, ...rest } = c.transitions[0]!.updates!;
      c.transitions[0]!.updates = { ...rest, lastId: 'event.id' };
      expect(at(review(mark), 'retry-without-idempotency')).toEqual([]);
      // `>=` lets the same id through again.
      c.transitions[0]!.guard = 'event.id >= lastId';
      expect(why(mark)).toContain('served again');
    });
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
    // A kind an expression reads off the pool (exists m in Ping: …) is handled without a receive.
    d.environment!.network!.links = [{ message: 'Ping', model: 'pool' }];
    d.invariants = [...(d.invariants ?? []), { name: 'PingRead', expr: 'forall m in Ping: m.sender == TM' }];
    expect(at(review(d), 'unhandled-message')).toEqual([]);
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

  it('asks for no drop or duplicate budget on a pool network, where the budgets are errors', () => {
    const pool = twoPhaseBroken();
    pool.environment = { ...pool.environment, network: { model: 'pool' } };
    const r = review(pool);
    expect(at(r, 'drops-off')).toEqual([]);
    expect(at(r, 'duplicates-off')).toEqual([]);
    // One kind on faulty channels beside the pool: its budgets are asked for again.
    pool.environment.network = { model: 'pool', links: [{ message: pool.messages![0]!.name, model: 'channels' }] };
    expect(at(review(pool), 'drops-off')).toEqual(['/environment']);
  });

  it('says a duplicate budget duplicates nothing when every channel holds one message', () => {
    const d = twoPhaseBroken();
    d.environment = { ...d.environment, network: { model: 'channels', capacity: 1, drop: 1, duplicate: 1 } };
    const r = review(d);
    expect(at(r, 'duplicates-off')).toEqual(['/environment/network/capacity']);
    expect(r.findings.find((f) => f.rule === 'duplicates-off')!.why).toContain('a copy needs a free slot behind its original');
    // Room for a copy: the budget is used, and nothing is said.
    d.environment.network = { model: 'channels', capacity: 2, drop: 1, duplicate: 1 };
    expect(at(review(d), 'duplicates-off')).toEqual([]);
  });

  it('writes the step invariant of a counter map keyed by values so that it loads (it said forall k in [object Object])', () => {
    const d = JSON.parse(readFileSync(join(__dirname, '../../../test-fixtures/walk-v2/queue-calls-message-id.protocol.json'), 'utf8')) as DesignV2;
    const consumer = d.roles[1]!;
    consumer.vars!.push({ name: 'byDir', type: { map: { from: { enum: ['E', 'W'] }, to: { int: [0, 3] } } }, initial: 0 });
    consumer.transitions[0]!.updates!['byDir["E"]'] = 'byDir["E"] + 1';
    const fixes = (r: Review) => r.findings.filter((f) => f.rule === 'counter-may-decrease' && f.path.startsWith('/roles/1/')).map((f) => f.fix);
    const said = fixes(review(d));
    expect(said).toEqual([
      "Add a step invariant `forall k in {1, 2}: applied'[k] >= applied[k]` to Consumer.",
      'Add a step invariant `byDir\'["E"] >= byDir["E"] && byDir\'["W"] >= byDir["W"]` to Consumer.',
    ]);
    // Written as suggested, each loads and settles its finding.
    consumer.invariants = said.map((fix, k) => ({ name: `grows ${k}`, kind: 'step' as const, expr: /`(.*)`/.exec(fix)![1]! }));
    expect(fixes(review(d))).toEqual([]);
  });

  it('flags a counter without a step invariant, per role, and an epoch adopted from a message unguarded', () => {
    expect(at(review(leaseBroken()), 'counter-may-decrease')).toEqual(['/roles/0/vars/0']);
    const stated = leaseBroken();
    stated.roles[0]!.invariants = [{ name: 'tokens grow', expr: "token' >= token", kind: 'step' }];
    expect(at(review(stated), 'counter-may-decrease')).toEqual([]);
    const byDesign = leaseBroken();
    byDesign.invariants!.push({ name: 'tokens grow', expr: "Lock.token' >= Lock.token", kind: 'step' });
    expect(at(review(byDesign), 'counter-may-decrease')).toEqual([]);
    // Said of another role's var of the same name, it proves nothing about Lock's.
    const elsewhere = leaseBroken();
    elsewhere.roles[1]!.vars!.push({ name: 'token', type: { int: [0, 3] }, initial: 0 });
    elsewhere.roles[1]!.invariants = [{ name: 'mine grows', expr: "token' >= token", kind: 'step' }];
    expect(at(review(elsewhere), 'counter-may-decrease')).toEqual(['/roles/0/vars/0']);

    // Client.lease is set from a reply only: not a counter. Incremented too, the reply may lower it.
    const epoch = leaseBroken();
    const client = epoch.roles[1]!;
    client.transitions[2]!.updates = { lease: 'lease + 1' };
    const adopted = review(epoch).findings.filter((f) => f.rule === 'counter-may-decrease');
    expect(adopted.map((f) => f.path)).toEqual(['/roles/0/vars/0', '/roles/1/vars/0']);
    expect(adopted[1]!.why).toContain('`event.token`');
    client.transitions[1]!.guard = 'event.token > lease';
    const guarded = review(epoch).findings.filter((f) => f.rule === 'counter-may-decrease');
    expect(guarded.map((f) => f.path)).toEqual(['/roles/0/vars/0', '/roles/1/vars/0']);
    expect(guarded[1]!.why).not.toContain('`event.token`');
    // A reset to a literal: a var that goes back on purpose, not a counter (version 1's rule).
    client.transitions[1]!.updates = { lease: '0' };
    expect(at(review(epoch), 'counter-may-decrease')).toEqual(['/roles/0/vars/0']);
  });

  it('flags a guard that orders by a clock-like var or message field, also of another instance', () => {
    const d = leaseBroken();
    d.roles[1]!.vars!.push({ name: 'lastSeenAt', type: { int: [0, 3] }, initial: 0 });
    expect(at(review(d), 'clock-ordering')).toEqual([]);
    d.roles[1]!.transitions[0]!.guard = 'lastSeenAt == 0';
    expect(at(review(d), 'clock-ordering')).toEqual([]);
    d.roles[0]!.transitions[0]!.guard = 'forall c in Client: c.lastSeenAt <= 2';
    const across = review(d).findings.filter((f) => f.rule === 'clock-ordering');
    expect(across.map((f) => f.path)).toEqual(['/roles/1/vars/1']);
    expect(across[0]!.element).toBe('var Client.lastSeenAt');

    const m = twoPhaseBroken();
    m.messages![0]!.payload!.push({ name: 'sentAt', type: { int: [0, 2] } });
    m.roles[1]!.transitions[0]!.send = [{ message: 'Vote', payload: { value: '"yes"', sentAt: '0' } }];
    m.roles[1]!.transitions[1]!.send = [{ message: 'Vote', payload: { value: '"no"', sentAt: '0' } }];
    expect(at(review(m), 'clock-ordering')).toEqual([]);
    m.roles[0]!.transitions[0]!.guard = 'event.value == "yes" && event.sentAt < 2';
    expect(at(review(m), 'clock-ordering')).toEqual(['/messages/0/payload/1']);
  });

  it('flags a call site whose timeout no invariant reads, at the calling transition', () => {
    // "the holder is not told no" reads `unsure`, where Acquire.timeout leads.
    expect(at(review(leaseBroken()), 'timeout-unmentioned')).toEqual([]);
    const d = leaseBroken();
    d.invariants = d.invariants!.slice(0, 1);
    expect(at(review(d), 'timeout-unmentioned')).toEqual(['/roles/1/transitions/0']);
    d.roles[1]!.transitions.splice(3, 1);
    expect(at(review(d), 'timeout-unmentioned')).toEqual(['/roles/1/transitions/0']);
    d.invariants.push({ name: 'unsure holds nothing', expr: 'forall c in Client: c.Acquire_outcome == "timeout" => c.lease == 0' });
    expect(at(review(d), 'timeout-unmentioned')).toEqual([]);
  });

  it("flags a transition whose written vars no invariant of that role's reads", () => {
    expect(at(review(twoPhaseBroken()), 'transition-without-invariant')).toEqual(['/roles/0/transitions/0', '/roles/0/transitions/3']);
    const d = twoPhaseBroken();
    d.invariants!.push({ name: 'yes only from voters', expr: 'forall r in RM: TM.yes[r] => r.state != "working"' });
    expect(at(review(d), 'transition-without-invariant')).toEqual(['/roles/0/transitions/3']);
    // RM's own `told`, read by RM, is not TM's.
    d.roles[1]!.vars = [{ name: 'told', type: 'bool', initial: false }];
    d.roles[1]!.invariants = [{ name: 'told', expr: 'told || !told' }];
    expect(at(review(d), 'transition-without-invariant')).toEqual(['/roles/0/transitions/3']);
    d.roles[0]!.invariants = [{ name: 'told only when committed', expr: 'forall r in RM: told[r] => state == "committed"' }];
    expect(at(review(d), 'transition-without-invariant')).toEqual([]);
    // With no invariant at all, `no-invariants` says it once.
    const none = twoPhaseBroken();
    delete none.invariants;
    expect(at(review(none), 'transition-without-invariant')).toEqual([]);
  });

  it('keeps a silence with its reason, written on the element a finding points at', () => {
    const d = withSilence(leaseBroken() as unknown as Design, '/roles/1/transitions/0', 'retry-without-idempotency', 'tested elsewhere');
    const f = review(d).findings.find((x) => x.rule === 'retry-without-idempotency')!;
    expect(f.silenced).toBe('tested elsewhere');
  });
});
