import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';

/** Calls between participants (docs/format-v2.md §14), on the lease service examples. */
const read = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/v2', f), 'utf8')) as DesignV2;

function load(design: DesignV2): ModelV2 {
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

/** One client, no faults but the ones a test asks for: small enough to walk by hand. */
function oneClient(edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const d = read('lease-calls-fixed.protocol.json');
  d.roles[1]!.instances = 1;
  d.environment = { network: { model: 'channels', capacity: 2 }, crashes: 0 };
  d.invariants = [];
  edit(d);
  return load(d);
}

function walk(model: ModelV2, labels: readonly string[]): SimulationV2 {
  const sim = new SimulationV2(model);
  for (const label of labels) {
    const i = sim.enabled().findIndex((s) => s.label.startsWith(label));
    if (i < 0) throw new Error(`"${label}" is not enabled after ${JSON.stringify(sim.taken)}: ${JSON.stringify(sim.enabled().map((s) => s.label))}`);
    expect(sim.take(i)).toBe(true);
  }
  return sim;
}

/** The engine's own transitions of the call that never had to act in the fixed lease: every request finds a transition, and the client's outcome transitions end every call. */
const MACHINERY_UNREACHED = ['Acquire_gave_up', 'Acquire_answered', 'Acquire_rejected'];

const client = (sim: SimulationV2) => sim.view().instances.find((i) => i.name === 'Client')!;
const lock = (sim: SimulationV2) => sim.view().instances.find((i) => i.name === 'Lock')!;

describe('calls between participants', () => {
  it('the broken lease: a retry without idempotency key is processed again and refused (version 1\'s replay check)', () => {
    const r = exploreV2(load(read('lease-calls-broken.protocol.json')));
    expect(r).toMatchObject({ verdict: 'violation', states: 396, depth: 5 });
    expect(r.violations.map((v) => [v.kind, v.name])).toEqual([['replay', 'Acquire']]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual([
      'Client[1] Want',
      'Lock receive Acquire #1 from Client[1]',
      'Lock ack Acquire #1 to Client[1]: ok(token=1)',
      'Client[1] Acquire timed out (retry 2 of 2)',
      'Lock receive Acquire #1 from Client[1]',
    ]);
  });

  it('the broken lease without the replay check: the lost grant and the refused retry tell the holder no', () => {
    const d = read('lease-calls-broken.protocol.json');
    d.environment = { ...d.environment, checks: { replay: false } };
    const r = exploreV2(load(d));
    expect(r).toMatchObject({ verdict: 'violation', states: 3912, depth: 8 });
    expect(r.violations.map((v) => [v.kind, v.name])).toEqual([['invariant', 'the holder is not told no']]);
    expect(r.violations[0]!.trace.map((s) => s.label).slice(5)).toEqual(['Lock ack Acquire #1 to Client[1]: error(token=0)', 'drop reply to Acquire #1: ok(token=1) Lock→Client[1]', 'Client[1] receive reply to Acquire #1: error(token=0)']);
  });

  it('the fixed lease holds, crashes, drops and timeouts included', () => {
    const r = exploreV2(load(read('lease-calls-fixed.protocol.json')));
    expect(r).toMatchObject({ verdict: 'ok', states: 41418, transitions: 188486, depth: 20 });
    // Coverage names the user's transitions; the call's machinery is reported per call site apart.
    expect(r.coverage.transitions.unreached).toEqual([]);
    expect(r.coverage.transitions.reached).toEqual(['grant', 'busy', 'expire', 'ask', 'granted', 'refused', 'timed out']);
    expect(r.coverage.calls!.map((c) => c.site)).toEqual(['Client → Lock.Acquire']);
    expect(r.coverage.calls![0]!.machinery.filter((m) => !m.reached).map((m) => m.transition)).toEqual(MACHINERY_UNREACHED);
    expect(r.coverage.calls![0]!.machinery.find((m) => m.part === 'retry')).toMatchObject({ reached: true, means: 'a timed-out call was retried' });
  });

  it('in the message pool a request stays, so the callee takes it again without any retry', () => {
    const d = read('lease-calls-broken.protocol.json');
    d.environment = { network: { model: 'pool' }, crashes: 0 };
    const r = exploreV2(load(d));
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['replay', 'Acquire', 4]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual(['Client[1] Want', 'Lock receive Acquire #1 from Client[1]', 'Lock ack Acquire #1 to Client[1]: ok(token=1)', 'Lock receive Acquire #1 from Client[1]']);
  });

  it('the reply carries data the caller stores, and ends the call', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire #1', 'Lock ack Acquire #1 to Client: ok(token=1)', 'Client receive reply to Acquire #1: ok(token=1)']);
    expect(client(sim).state).toBe('holding');
    expect(client(sim).vars).toMatchObject({ lease: 1, Acquire_pending: false, Acquire_outcome: 'ok' });
  });

  it('"ack": "durable": the effect is persisted first, the reply leaves in a later ack step, and a crash between loses only the reply', () => {
    const model = oneClient((d) => {
      d.environment = { network: { model: 'channels', capacity: 2 }, crashes: 1 };
    });
    const sim = walk(model, ['Client Want', 'Lock receive Acquire #1']);
    expect(lock(sim)).toMatchObject({ state: 'held', vars: { token: 1, Acquire_due: { Client: 'ok' }, Acquire_due_call: { Client: 1 } } });
    expect(sim.view().network).toEqual([]);
    walk2(sim, ['crash Lock', 'restart Lock']);
    // The grant and the table survive; the reply due was volatile and is gone.
    expect(lock(sim)).toMatchObject({ state: 'held', vars: { token: 1, Acquire_seen: { Client: 1 }, Acquire_answer: { Client: 'ok' }, Acquire_due: { Client: 'none' } } });
    expect(sim.enabled().some((s) => s.label.includes(' ack '))).toBe(false);
    // The retry is answered from the table with the grant's token.
    walk2(sim, ['Client Acquire timed out (retry 2 of 2)', 'Lock receive Acquire #1 (seen before: answered from the table)', 'Client receive reply to Acquire #1: ok(token=1)']);
    expect(client(sim)).toMatchObject({ state: 'holding', vars: { lease: 1 } });
  });

  it('a request of a caller whose reply is still due is not taken: on channels it is ignored, and the ack step comes first otherwise', () => {
    const sim = walk(oneClient((d) => {
      (d.roles[0]!.events![0] as { idempotency: string }).idempotency = 'none';
    }), ['Client Want', 'Lock receive Acquire #1', 'Client Acquire timed out (retry 2 of 2)']);
    const labels = sim.enabled().map((s) => s.label);
    expect(labels).toContain('Lock receive Acquire #1 (ignored)');
    expect(labels).toContain('Lock ack Acquire #1 to Client: ok(token=1)');
  });

  it('a retry resends the same request id and payload; the callee answers it from its table', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire #1', 'Lock ack Acquire #1', 'Client Acquire timed out (retry 2 of 2)']);
    expect(client(sim).vars).toMatchObject({ Acquire_attempts: 2, Acquire_call: 1 });
    expect(sim.view().network.join(' ')).toContain('Client→Lock: Acquire #1');
    walk2(sim, ['Lock receive Acquire #1 (seen before: answered from the table)']);
    // The dedupe hit changed nothing at the lock but sent the first reply again: two equal replies in flight.
    expect(lock(sim).vars).toMatchObject({ token: 1 });
    expect(sim.view().network).toEqual(['Lock→Client: reply to Acquire #1: ok(token=1), reply to Acquire #1: ok(token=1)']);
  });

  it('a retry sends the payload of the first attempt, whatever changed since', () => {
    const model = oneClient((d) => {
      (d.roles[0]!.events![0] as { payload: unknown }).payload = [{ name: 'ttl', type: { int: [1, 3] } }];
      d.roles[1]!.transitions[0]!.call!.payload = { ttl: 'lease + 1' };
      d.roles[1]!.transitions[0]!.updates = { lease: '2' };
    });
    const sim = walk(model, ['Client Want', 'Client Acquire timed out (retry 2 of 2)']);
    expect(client(sim).vars).toMatchObject({ lease: 2, Acquire_arg_ttl: 1 });
    expect(sim.view().network).toEqual(['Client→Lock: Acquire(ttl=1) #1, Acquire(ttl=1) #1']);
  });

  it('after the last attempt the timeout is the third outcome, and a late reply changes nothing', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire', 'Lock ack Acquire', 'Client Acquire timed out (retry 2 of 2)', 'Client Acquire timed out (ambiguous)']);
    expect(client(sim).state).toBe('unsure');
    expect(client(sim).vars).toMatchObject({ Acquire_pending: false, Acquire_outcome: 'timeout' });
    walk2(sim, ['Client receive reply to Acquire #1']);
    expect(sim.taken.at(-1)).toBe('Client receive reply to Acquire #1: ok(token=1) (ignored)');
    expect(client(sim).state).toBe('unsure');
    expect(client(sim).vars).toMatchObject({ Acquire_outcome: 'timeout' });
  });

  it('a caller instance makes at most "calls" calls (request ids are bounded like version 1\'s requests)', () => {
    const model = oneClient((d) => d.roles[1]!.transitions.push({ from: ['unsure', 'holding', 'idle'], event: 'Want', to: 'waiting', call: { event: 'Acquire', retry: { maxAttempts: 2 } } }));
    const sim = walk(model, ['Client Want', 'Client Acquire timed out (retry 2 of 2)', 'Client Acquire timed out (ambiguous)']);
    expect(client(sim).state).toBe('unsure');
    expect(sim.enabled().some((s) => s.label === 'Client Want')).toBe(false);
  });

  it('a volatile table is lost in a crash: the retry is processed again, and the replay check reports it', () => {
    const model = oneClient((d) => {
      (d.roles[0]!.events![0] as { idempotency: string }).idempotency = 'volatile';
      d.environment = { network: { model: 'channels', capacity: 2 }, crashes: 1 };
    });
    const sim = walk(model, ['Client Want', 'Lock receive Acquire', 'Lock ack Acquire', 'Client Acquire timed out', 'crash Lock', 'restart Lock', 'Lock Expire']);
    const again = sim.enabled().find((s) => s.label === 'Lock receive Acquire #1')!;
    expect(again.violations.map((v) => [v.kind, v.name])).toEqual([['replay', 'Acquire']]);
    expect(lock(sim).vars).toMatchObject({ token: 1 });
    const r = exploreV2(model);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['replay', 'Acquire', 6]]);
  });

  it('"ack": "best-effort": a crash before the flush loses the grant the client was told of, and the lease is granted twice (shortest trace)', () => {
    const r = exploreV2(load(read('lease-calls-best-effort.protocol.json')));
    expect([r.verdict, r.states, r.transitions, r.depth]).toEqual(['violation', 899, 2154, 8]);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['invariant', 'one holder', 8]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual([
      'Client[1] Want',
      'Lock receive Acquire #1 from Client[1]',
      'Client[1] receive reply to Acquire #1: ok(token=1)',
      'Client[2] Want',
      'crash Lock',
      'restart Lock',
      'Lock receive Acquire #1 from Client[2]',
      'Client[2] receive reply to Acquire #1: ok(token=1)',
    ]);
    expect(r.coverage.calls![0]!.machinery.find((m) => m.part === 'flushed')).toMatchObject({ transition: 'Lock_flushed', reached: true });
  });

  it('the same design with "ack": "durable" holds: the reply waits until the grant is on disk', () => {
    const d = read('lease-calls-best-effort.protocol.json');
    for (const t of d.roles[0]!.transitions) t.ack = 'durable';
    const r = exploreV2(load(d));
    expect([r.verdict, r.states]).toEqual(['ok', 831]);
  });

  it('the crash rule reads the shadow: before the flush it restores the record from before the reply, after it keeps the effect', () => {
    const model = load(read('lease-calls-best-effort.protocol.json'));
    const lockOf = (sim: SimulationV2) => sim.view().instances[0]!;
    const before = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]']);
    expect(lockOf(before)).toMatchObject({ state: 'held', vars: { token: 1, holder: 'Client[1]', unflushed: true, unflushed_state: 'free', unflushed_token: 0 } });
    walk2(before, ['crash Lock']);
    expect(lockOf(before)).toMatchObject({ state: 'free', vars: { token: 0, unflushed: false, unflushed_state: 'free' } });
    const after = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]', 'Lock flush', 'crash Lock']);
    expect(lockOf(after)).toMatchObject({ state: 'held', vars: { token: 1, holder: 'Client[1]', unflushed: false } });
  });

  it('with best-effort and durable replies at one callee, a durable reply never leaves before the flush', () => {
    const d = read('lease-calls-fixed.protocol.json');
    d.roles[0]!.transitions[0]!.ack = 'best-effort';
    const model = load(d);
    // The grant raised the flag; Client[2]'s refusal (durable) is due, but its ack step waits for the flush.
    const sim = walk(model, ['Client[1] Want', 'Lock receive Acquire #1 from Client[1]', 'Client[2] Want', 'Lock receive Acquire #1 from Client[2]']);
    expect(sim.enabled().some((s) => s.label.startsWith('Lock ack Acquire'))).toBe(false);
    walk2(sim, ['Lock flush']);
    expect(sim.enabled().some((s) => s.label.startsWith('Lock ack Acquire #1 to Client[2]: error'))).toBe(true);
  });
});

function walk2(sim: SimulationV2, labels: readonly string[]): void {
  for (const label of labels) {
    const i = sim.enabled().findIndex((s) => s.label.startsWith(label));
    if (i < 0) throw new Error(`"${label}" is not enabled: ${JSON.stringify(sim.enabled().map((s) => s.label))}`);
    expect(sim.take(i)).toBe(true);
  }
}
