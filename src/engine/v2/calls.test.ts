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

/** Every request finds a transition (no rejection), and the client's own outcome transitions end every call. */
const UNREACHED = ['Acquire_rejected', 'Acquire_gave_up', 'Acquire_answered'];

const client = (sim: SimulationV2) => sim.view().instances.find((i) => i.name === 'Client')!;

describe('calls between participants', () => {
  it('the broken lease: a lost reply and a retry without idempotency key tell the holder no', () => {
    const r = exploreV2(load(read('lease-calls-broken.protocol.json')));
    expect(r).toMatchObject({ verdict: 'violation', states: 926, depth: 6 });
    expect(r.violations.map((v) => [v.kind, v.name])).toEqual([['invariant', 'the holder is not told no']]);
    expect(r.violations[0]!.trace.map((s) => s.label.replace(/\(.*$/, ''))).toEqual([
      'Client[1] Want',
      'Lock receive Acquire',
      'Client[1] Acquire_timeout',
      'Lock receive Acquire',
      'drop Acquire_reply',
      'Client[1] receive Acquire_reply',
    ]);
  });

  it('the fixed lease holds, crashes, drops and timeouts included', () => {
    const r = exploreV2(load(read('lease-calls-fixed.protocol.json')));
    expect(r).toMatchObject({ verdict: 'ok', states: 19614, transitions: 80702, depth: 18 });
    // The transitions a call stands for are covered like any other; these never had to act here.
    expect(r.coverage.transitions.unreached).toEqual(UNREACHED);
  });

  it('in the message pool a request stays, so the callee takes it again without any retry', () => {
    const d = read('lease-calls-broken.protocol.json');
    d.environment = { network: { model: 'pool' }, crashes: 0 };
    const r = exploreV2(load(d));
    expect(r.violations.map((v) => [v.name, v.depth])).toEqual([['the holder is not told no', 4]]);
    expect(r.violations[0]!.trace.map((s) => s.label.replace(/\(.*$/, ''))).toEqual(['Client[1] Want', 'Lock receive Acquire', 'Lock receive Acquire', 'Client[1] receive Acquire_reply']);
  });

  it('the reply carries data the caller stores, and ends the call', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire', 'Client receive Acquire_reply(outcome=ok, token=1, call=1)']);
    expect(client(sim).state).toBe('holding');
    expect(client(sim).vars).toMatchObject({ lease: 1, Acquire_pending: false, Acquire_outcome: 'ok' });
  });

  it('a retry resends the same request id and payload; the callee answers it from its table', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire(call=1)', 'Client Acquire_timeout']);
    expect(client(sim).vars).toMatchObject({ Acquire_attempts: 2, Acquire_call: 1 });
    expect(sim.view().network.join(' ')).toContain('Client→Lock: Acquire(call=1)');
    walk2(sim, ['Lock receive Acquire(call=1)']);
    // The dedupe hit changed nothing at the lock but sent the first reply again: two equal replies in flight.
    expect(sim.view().instances[0]!.vars).toMatchObject({ token: 1 });
    expect(sim.view().network.join(' ')).toMatch(/Acquire_reply\(outcome=ok, token=1, call=1\), Acquire_reply\(outcome=ok, token=1, call=1\)/);
  });

  it('a retry sends the payload of the first attempt, whatever changed since', () => {
    const model = oneClient((d) => {
      (d.roles[0]!.events![0] as { payload: unknown }).payload = [{ name: 'ttl', type: { int: [1, 3] } }];
      d.roles[1]!.transitions[0]!.call!.payload = { ttl: 'lease + 1' };
      d.roles[1]!.transitions[0]!.updates = { lease: '2' };
    });
    const sim = walk(model, ['Client Want', 'Client Acquire_timeout']);
    expect(client(sim).vars).toMatchObject({ lease: 2, Acquire_arg_ttl: 1 });
    expect(sim.view().network).toEqual(['Client→Lock: Acquire(ttl=1, call=1), Acquire(ttl=1, call=1)']);
  });

  it('after the last attempt the timeout is the third outcome, and a late reply changes nothing', () => {
    const sim = walk(oneClient(), ['Client Want', 'Lock receive Acquire', 'Client Acquire_timeout', 'Client Acquire_timeout']);
    expect(client(sim).state).toBe('unsure');
    expect(client(sim).vars).toMatchObject({ Acquire_pending: false, Acquire_outcome: 'timeout' });
    walk2(sim, ['Client receive Acquire_reply']);
    expect(sim.taken.at(-1)).toMatch(/\(ignored\)$/);
    expect(client(sim).state).toBe('unsure');
    expect(client(sim).vars).toMatchObject({ Acquire_outcome: 'timeout' });
  });

  it('a caller instance makes at most "calls" calls (request ids are bounded like version 1\'s requests)', () => {
    const model = oneClient((d) => d.roles[1]!.transitions.push({ from: ['unsure', 'holding', 'idle'], event: 'Want', to: 'waiting', call: { event: 'Acquire', retry: { maxAttempts: 2 } } }));
    const sim = walk(model, ['Client Want', 'Client Acquire_timeout', 'Client Acquire_timeout']);
    expect(client(sim).state).toBe('unsure');
    expect(sim.enabled().some((s) => s.label === 'Client Want')).toBe(false);
  });

  it('a volatile table is lost in a crash: the retry is processed again', () => {
    const model = oneClient((d) => {
      (d.roles[0]!.events![0] as { idempotency: string }).idempotency = 'volatile';
      d.environment = { network: { model: 'channels', capacity: 2 }, crashes: 1 };
    });
    const sim = walk(model, ['Client Want', 'Lock receive Acquire', 'Client Acquire_timeout', 'crash Lock', 'restart Lock', 'Lock Expire', 'Lock receive Acquire']);
    expect(sim.view().instances[0]!.vars).toMatchObject({ token: 2 });
  });
});

function walk2(sim: SimulationV2, labels: readonly string[]): void {
  for (const label of labels) {
    const i = sim.enabled().findIndex((s) => s.label.startsWith(label));
    if (i < 0) throw new Error(`"${label}" is not enabled: ${JSON.stringify(sim.enabled().map((s) => s.label))}`);
    expect(sim.take(i)).toBe(true);
  }
}
