import { describe, expect, it } from 'vitest';
import { createSimulator } from './simulator';
import { simulatorView } from './simulatorView';
import { testModel } from './testDesign';

const model = testModel({
  vars: [{ name: 'charges', type: { int: [0, 3] }, initial: 0, storage: 'ghost' }],
  states: [{ name: 'Idle', initial: true }, { name: 'Charged' }],
  events: [{ name: 'Charge', source: 'client', retry: { maxAttempts: 2 }, idempotency: 'durable' }],
  transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', updates: { charges: 'charges + 1' } }],
  invariants: [{ name: 'once', expr: 'charges <= sent.Charge' }],
  environment: { requests: 1, network: { drop: 1 }, crashes: 1 },
});

describe('the simulator', () => {
  it('starts at the initial configuration with the enabled steps grouped by actor', () => {
    const sim = createSimulator(model);
    const view = sim.current();
    expect(view.state).toBe('Idle');
    expect(view.stepsByActor.client.map((s) => s.label)).toEqual(['send Charge#1']);
    expect(view.stepsByActor.fault.map((s) => s.label)).toEqual(['crash']);
    expect(view.invariants).toEqual([{ name: 'once', kind: 'state', value: true }]);
  });

  it('takes steps by label and marks changed vars', () => {
    const sim = createSimulator(model);
    expect(sim.take('send Charge#1').ok).toBe(true);
    expect(sim.take('deliver Charge#1').ok).toBe(true);
    const view = sim.current();
    expect(view.modeText).toBe('busy(Charge#1, ack, ok)');
    expect(view.vars).toEqual([{ name: 'charges', value: '1', changed: true, storage: 'ghost' }]);
    expect(sim.take('receive Charge#1 ok')).toMatchObject({ ok: false });
  });

  it('undoes, redoes, jumps, and forks when a step is taken behind the end', () => {
    const sim = createSimulator(model);
    sim.take('send Charge#1');
    sim.take('deliver Charge#1');
    sim.take('ack Charge#1');
    expect(sim.cursor()).toBe(3);
    expect(sim.undo()).toBe(true);
    expect(sim.current().modeText).toBe('busy(Charge#1, ack, ok)');
    expect(sim.redo()).toBe(true);
    expect(sim.redo()).toBe(false);
    sim.jump(1);
    expect(sim.history()).toHaveLength(4);
    sim.take('drop Charge#1');
    expect(sim.history().map((p) => p.step?.label ?? null)).toEqual([null, 'send Charge#1', 'drop Charge#1']);
    expect(sim.redo()).toBe(false);
  });

  it('replays a trace and reports the first label no longer enabled', () => {
    const sim = createSimulator(model);
    expect(sim.replay(['send Charge#1', 'deliver Charge#1', 'ack Charge#1'])).toEqual({ ok: true, steps: 3 });
    const stale = sim.replay(['send Charge#1', 'ack Charge#1']);
    expect(stale).toMatchObject({ ok: false, steps: 1, stale: 'ack Charge#1' });
  });

  it('exports a trace that imports back to the same history', () => {
    const sim = createSimulator(model);
    sim.happyPath(20);
    const file = sim.exportTrace();
    expect(file.steps).toEqual(['send Charge#1', 'deliver Charge#1', 'ack Charge#1', 'receive Charge#1 ok']);
    const other = createSimulator(model);
    expect(other.importTrace(JSON.stringify(file))).toEqual({ ok: true, steps: 4 });
    expect(other.current()).toEqual(sim.current());
    expect(other.importTrace('{')).toMatchObject({ ok: false });
  });

  it('runs the same random walk for the same seed', () => {
    const a = createSimulator(model);
    const b = createSimulator(model);
    a.randomRun(42, 30);
    b.randomRun(42, 30);
    expect(a.exportTrace().steps).toEqual(b.exportTrace().steps);
  });

  // A counter that only a timer moves: every run is the same walk, whatever the seed.
  const ticking = (max: number, invariants: unknown[] = []) =>
    testModel({
      vars: [{ name: 'n', type: { int: [0, max] }, initial: 0 }],
      states: [{ name: 'On', initial: true }],
      events: [{ name: 'Tick', source: 'internal' }],
      transitions: [{ id: 'tick', from: 'On', event: 'Tick', to: 'On', updates: { n: 'n + 1' } }],
      invariants,
    });

  it('ends a random run before a step that violates while computed and names that step', () => {
    const sim = createSimulator(ticking(2));
    expect(sim.randomRun(5, 10)).toBe(2);
    expect(sim.history()).toHaveLength(3);
    const refusal = sim.refusal();
    expect(refusal?.step.label).toBe('fire Tick');
    expect(refusal?.outcome.next).toBeNull();
    expect(refusal?.outcome.violations).toEqual([expect.objectContaining({ kind: 'out-of-range', name: 'n', step: true })]);
    expect(refusal?.outcome.violations[0]!.detail).toMatch(/\b3\b/);
    // The happy path meets the same step; any move away forgets it.
    sim.reset();
    expect(sim.refusal()).toBeNull();
    expect(sim.happyPath(10)).toBe(2);
    expect(sim.refusal()?.step.label).toBe('fire Tick');
    sim.undo();
    expect(sim.refusal()).toBeNull();
  });

  it('refuses a violating step taken by hand, ends the run on it, and forgets it once stepped back', () => {
    const sim = createSimulator(ticking(2));
    sim.take('fire Tick');
    sim.take('fire Tick');
    expect(sim.take('fire Tick')).toMatchObject({ ok: false, reason: expect.stringMatching(/^out-of-range n: /) });
    expect(sim.refusal()?.step.label).toBe('fire Tick');
    expect(sim.take('no such step')).toMatchObject({ ok: false });
    expect(sim.refusal()?.step.label).toBe('fire Tick');
    sim.undo();
    expect(sim.refusal()).toBeNull();
  });

  it('ends a random run on the first point whose invariant is false, kept as a history point', () => {
    const sim = createSimulator(ticking(5, [{ name: 'below two', expr: 'n < 2' }]));
    expect(sim.randomRun(5, 10)).toBe(2);
    expect(sim.cursor()).toBe(2);
    expect(sim.history().at(-1)!.violations).toEqual([expect.objectContaining({ kind: 'invariant', name: 'below two' })]);
    expect(sim.refusal()).toBeNull();
    // Nothing is expanded past a violation: a second run from here takes no step.
    expect(sim.randomRun(6, 10)).toBe(0);
  });

  it('marks a step invariant false by its own violation only, not by a step violation that shares its name', () => {
    const m = ticking(1, [{ name: 'n', expr: "n' >= n", kind: 'step' }]);
    const sim = createSimulator(m);
    sim.take('fire Tick');
    const refused = sim.take('fire Tick');
    expect(refused).toMatchObject({ ok: false });
    const violations = refused.ok ? [] : refused.outcome!.violations;
    expect(violations).toEqual([expect.objectContaining({ kind: 'out-of-range', name: 'n' })]);
    expect(simulatorView(m, sim.configuration(), null, violations).invariants).toEqual([{ name: 'n', kind: 'step', value: true }]);
    const own = [{ kind: 'invariant' as const, name: 'n', detail: "n' >= n is false", step: false }];
    expect(simulatorView(m, sim.configuration(), null, own).invariants).toEqual([{ name: 'n', kind: 'step', value: false, detail: "n' >= n is false" }]);
  });
});
