import { describe, expect, it } from 'vitest';
import { applyStep } from './apply';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import type { Model } from '../model/model';
import { testModel } from './testDesign';

/** Takes the steps with these labels in order, failing loudly when one is not enabled or violates. */
function run(model: Model, labels: string[], from: Configuration = initialConfiguration(model)): Configuration {
  let c = from;
  for (const label of labels) {
    const step = enabledSteps(model, c).find((s) => s.label === label);
    if (!step) throw new Error(`${label} not enabled; enabled: ${enabledSteps(model, c).map((s) => s.label).join(', ')}`);
    const out = applyStep(model, c, step);
    if (!out.next) throw new Error(`${label} violated: ${JSON.stringify(out.violations)}`);
    c = out.next;
  }
  return c;
}
const labels = (model: Model, c: Configuration) => enabledSteps(model, c).map((s) => s.label);

const payment = (event: Record<string, unknown>, transition: Record<string, unknown> = {}, env: Record<string, unknown> = {}) =>
  testModel({
    vars: [{ name: 'charges', type: { int: [0, 3] }, initial: 0, storage: 'ghost' }],
    states: [{ name: 'Idle', initial: true }, { name: 'Charged' }],
    events: [{ name: 'Charge', source: 'client', ...event }],
    transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', updates: { charges: 'charges + 1' }, ...transition }],
    environment: { requests: 1, ...env },
  });

describe('steps of MODEL.md §4', () => {
  it('sends with the lowest unsent id, one step per payload value', () => {
    const m = testModel({
      states: [{ name: 'A', initial: true }],
      events: [{ name: 'Put', source: 'client', payload: [{ name: 'v', type: { int: [1, 2] } }] }],
      transitions: [],
      environment: { requests: 2 },
    });
    expect(labels(m, initialConfiguration(m))).toEqual(['send Put#1 v=1', 'send Put#1 v=2']);
    const c = run(m, ['send Put#1 v=2']);
    expect(labels(m, c)).toContain('send Put#2 v=1');
    expect(c.clients[0]).toEqual({ status: 'pending', event: 0, payload: [2], attempts: 1 });
  });

  it('a durable ack persists, waits in busy, then replies on ack', () => {
    const m = payment({});
    const c = run(m, ['send Charge#1', 'deliver Charge#1']);
    expect(c.mode).toEqual({ kind: 'busy', request: 1, phase: 'ack', reply: 'ok' });
    expect(c.persisted.state).toBe(1);
    expect(labels(m, c)).toEqual(['ack Charge#1', 'timeout Charge#1 (gives up: ambiguous)']);
    const d = run(m, ['ack Charge#1', 'receive Charge#1 ok'], c);
    expect(d.clients[0]!.status).toBe('ok');
    expect(d.mode.kind).toBe('up');
  });

  it('a best-effort ack replies at once and persists later; a crash in between loses the effect', () => {
    const m = payment({ idempotency: 'durable' }, { ack: 'best-effort' }, { crashes: 1 });
    const c = run(m, ['send Charge#1', 'deliver Charge#1']);
    expect(c.mode).toEqual({ kind: 'busy', request: 1, phase: 'persist', reply: 'ok' });
    expect(c.toClient).toEqual([{ request: 1, reply: 'ok' }]);
    expect(c.persisted.state).toBe(0);
    expect(c.persisted.dedupe).toEqual([null]);
    const crashed = run(m, ['crash'], c);
    expect(crashed.mode.kind).toBe('recovering');
    expect(crashed.state).toBe(0);
    expect(crashed.vars).toEqual([1]); // ghost vars survive
    const persisted = run(m, ['persist Charge#1'], c);
    expect(persisted.persisted.state).toBe(1);
    expect(persisted.persisted.dedupe).toEqual(['ok']);
  });

  it('ack none persists at once, records noreply and never replies', () => {
    const m = payment({ idempotency: 'durable', retry: { maxAttempts: 2 } }, { ack: 'none' });
    const c = run(m, ['send Charge#1', 'deliver Charge#1']);
    expect(c.mode.kind).toBe('up');
    expect(c.toClient).toEqual([]);
    expect(c.persisted.dedupe).toEqual(['noreply']);
    const again = run(m, ['timeout Charge#1 (retry 2 of 2)', 'deliver Charge#1'], c);
    expect(again.vars).toEqual([1]); // a dedupe hit changes nothing
    expect(again.toClient).toEqual([]);
  });

  it('a dedupe hit replays the cached reply without taking a transition', () => {
    const m = payment({ idempotency: 'volatile' }, {}, { network: { duplicate: 1 } });
    const c = run(m, ['send Charge#1', 'duplicate Charge#1', 'deliver Charge#1', 'ack Charge#1']);
    const step = enabledSteps(m, c).find((s) => s.label === 'deliver Charge#1')!;
    const out = applyStep(m, c, step);
    expect(out.transition).toBeNull();
    expect(out.next!.toClient).toEqual([{ request: 1, reply: 'ok' }, { request: 1, reply: 'ok' }]);
    expect(out.next!.vars).toEqual([1]);
  });

  it('an unhandled request is rejected with error, or ignored, leaving no dedupe entry', () => {
    const reject = payment({ idempotency: 'durable' }, { guard: 'false' });
    const r = run(reject, ['send Charge#1', 'deliver Charge#1']);
    expect(r.toClient).toEqual([{ request: 1, reply: 'error' }]);
    expect(r.persisted.dedupe).toEqual([null]);
    const ignore = payment({ idempotency: 'durable', unhandled: 'ignore' }, { guard: 'false' });
    const i = run(ignore, ['send Charge#1', 'deliver Charge#1']);
    expect(i.toClient).toEqual([]);
    expect(i.firstOutcome).toEqual(['noreply']);
  });

  it('a replayed request that is processed again differently is a replay violation', () => {
    const m = payment({ retry: { maxAttempts: 2 } });
    const c = run(m, ['send Charge#1', 'deliver Charge#1', 'ack Charge#1', 'timeout Charge#1 (retry 2 of 2)']);
    const out = applyStep(m, c, enabledSteps(m, c).find((s) => s.label === 'deliver Charge#1')!);
    expect(out.next).toBeNull();
    expect(out.violations.map((v) => [v.kind, v.name])).toEqual([['replay', 'Charge']]);
  });

  it('a crash while busy restores the persisted record, and restart takes the $restart transition', () => {
    const m = testModel({
      vars: [
        { name: 'd', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
        { name: 'v', type: { int: [0, 3] }, initial: 0, storage: 'volatile' },
      ],
      states: [{ name: 'A', initial: true }, { name: 'B', storage: 'volatile' }, { name: 'C' }],
      events: [{ name: 'Go', source: 'client' }],
      transitions: [
        { from: 'A', event: 'Go', to: 'B', updates: { d: '2', v: '3' } },
        { from: 'A', event: '$restart', to: 'C', updates: { v: 'd' } },
      ],
      environment: { requests: 1, crashes: 1 },
    });
    const busy = run(m, ['send Go#1', 'deliver Go#1']);
    expect(busy.persisted.state).toBe(0); // B is volatile: not persisted
    expect(busy.persisted.vars[0]).toBe(2);
    const crashed = run(m, ['crash'], busy);
    expect(crashed).toMatchObject({ mode: { kind: 'recovering' }, state: 0, vars: [2, 0] });
    expect(labels(m, crashed)).toContain('restart');
    expect(labels(m, crashed)).not.toContain('crash');
    const restarted = run(m, ['restart'], crashed);
    expect(restarted).toMatchObject({ mode: { kind: 'up' }, state: 2, vars: [2, 2] });
    expect(restarted.persisted.state).toBe(2);
  });

  it('a timeout retries until maxAttempts, then gives up; a late reply leaves ambiguous', () => {
    const m = payment({ retry: { maxAttempts: 2 } });
    const c = run(m, ['send Charge#1', 'timeout Charge#1 (retry 2 of 2)']);
    expect(c.toMachine).toEqual([1, 1]);
    const d = run(m, ['deliver Charge#1', 'ack Charge#1', 'timeout Charge#1 (gives up: ambiguous)', 'receive Charge#1 ok'], c);
    expect(d.clients[0]!.status).toBe('ambiguous');
  });

  it('on a FIFO link a drop removes any copy, one step per distinct result', () => {
    const m = testModel({
      states: [{ name: 'A', initial: true }],
      events: [{ name: 'P', source: 'client', retry: { maxAttempts: 3 } }],
      transitions: [{ from: 'A', event: 'P', to: 'A' }],
      environment: { requests: 2, network: { drop: 1 } },
    });
    const c = run(m, ['send P#1', 'timeout P#1 (retry 2 of 3)', 'send P#2', 'timeout P#1 (retry 3 of 3)']);
    expect(c.toMachine).toEqual([1, 1, 2, 1]);
    const drops = labels(m, c).filter((l) => l.startsWith('drop'));
    expect(drops).toEqual(['drop P#1 (at 1)', 'drop P#2', 'drop P#1 (at 4)']);
    expect(labels(m, c).filter((l) => l.startsWith('deliver'))).toEqual(['deliver P#1']);
  });

  it('with reorder the channels are multisets: any request may be delivered', () => {
    const m = testModel({
      states: [{ name: 'A', initial: true }],
      events: [{ name: 'P', source: 'client' }],
      transitions: [{ from: 'A', event: 'P', to: 'A' }],
      environment: { requests: 2, network: { reorder: true } },
    });
    const c = run(m, ['send P#1', 'send P#2']);
    expect(labels(m, c).filter((l) => l.startsWith('deliver'))).toEqual(['deliver P#1', 'deliver P#2']);
  });

  it('fire is enabled only when a guard is true, and an erroring guard still counts as enabled', () => {
    const m = testModel({
      vars: [{ name: 'd', type: { int: [0, 1] }, initial: 0 }],
      states: [{ name: 'A', initial: true }],
      events: [{ name: 'T', source: 'timer' }, { name: 'U', source: 'internal' }],
      transitions: [
        { from: 'A', event: 'T', to: 'A', guard: '1 / d == 1' },
        { from: 'A', event: 'U', to: 'A', guard: 'd == 1' },
      ],
      environment: { requests: 0 },
    });
    const c = initialConfiguration(m);
    expect(labels(m, c)).toEqual(['fire T']);
    const out = applyStep(m, c, enabledSteps(m, c)[0]!);
    expect(out.next).toBeNull();
    expect(out.violations.map((v) => [v.kind, v.name])).toEqual([['eval-error', '#0']]);
  });
});
