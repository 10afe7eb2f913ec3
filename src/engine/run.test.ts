import { describe, expect, it } from 'vitest';
import * as R from './run';
import { runEvents } from './runEvent';
import { lastTransition, runView } from './runView';
import { testModel } from './testDesign';

// A counter that only a timer moves; its third tick leaves the range (a step that violates while computed).
const ticking = testModel({
  vars: [{ name: 'n', type: { int: [0, 2] }, initial: 0 }],
  states: [{ name: 'On', initial: true }],
  events: [{ name: 'Tick', source: 'internal' }],
  transitions: [{ id: 'tick', from: 'On', event: 'Tick', to: 'On', updates: { n: 'n + 1' } }],
});

const paying = testModel({
  vars: [{ name: 'charges', type: { int: [0, 3] }, initial: 0, storage: 'ghost' }],
  states: [{ name: 'Idle', initial: true }, { name: 'Charged' }],
  events: [{ name: 'Charge', source: 'client', retry: { maxAttempts: 2 }, idempotency: 'durable' }],
  transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', updates: { charges: 'charges + 1' } }],
  environment: { requests: 1, network: { drop: 1, duplicate: 1 }, crashes: 1 },
});

const takeAll = (run: R.Run, labels: readonly string[]) => labels.reduce((r, l) => R.take(r, l).run, run);

describe('a run is one value and every move a pure function', () => {
  it('never changes the run it is given', () => {
    const start = R.startRun(ticking);
    const t = R.take(start, 'fire Tick');
    expect(t.ok).toBe(true);
    expect(start.points).toHaveLength(1);
    expect(t.run.points).toHaveLength(2);
    expect(R.undo(t.run).cursor).toBe(0);
    expect(t.run.cursor).toBe(1);
  });

  it('ends on a step that violates while computed: its last row, on the configuration it started from', () => {
    const r = R.take(takeAll(R.startRun(ticking), ['fire Tick', 'fire Tick']), 'fire Tick');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^out-of-range n: /) });
    expect(r.run.points).toHaveLength(3);
    expect(R.runLength(r.run)).toBe(3);
    expect(R.standingOnRefused(r.run)?.step.label).toBe('fire Tick');
    expect(runView(r.run)).toMatchObject({ steps: [], violatingStep: { index: 3, label: 'fire Tick' } });
    expect(runView(r.run).vars[0]).toMatchObject({ value: '2' });
    expect(lastTransition(r.run)).toBe(0);
    expect(runEvents(r.run).at(-1)).toMatchObject({ index: 3, label: 'fire Tick', violations: [expect.objectContaining({ kind: 'out-of-range', step: true })] });
    // Nothing can be taken after it; undo steps back to the point, redo onto the row again.
    expect(R.take(r.run, 'fire Tick')).toMatchObject({ ok: false, reason: expect.stringMatching(/step back first/) });
    const back = R.undo(r.run);
    expect(back.cursor).toBe(2);
    expect(R.standingOnRefused(back)).toBeNull();
    expect(R.redo(back).cursor).toBe(3);
    expect(R.jump(back, 99).cursor).toBe(3);
  });

  it('forks when a step is taken behind the end, dropping the later rows and the refused one', () => {
    const ended = R.take(takeAll(R.startRun(ticking), ['fire Tick', 'fire Tick']), 'fire Tick').run;
    const forked = R.take(R.jump(ended, 1), 'fire Tick').run;
    expect(forked.refused).toBeNull();
    expect(R.runLength(forked)).toBe(2);
    const paid = takeAll(R.startRun(paying), ['send Charge#1', 'deliver Charge#1', 'ack Charge#1']);
    expect(runEvents(R.take(R.jump(paid, 1), 'drop Charge#1').run).map((e) => e.label)).toEqual(['send Charge#1', 'drop Charge#1']);
  });

  it('replays a trace that ends on a step violation onto that step, and names a stale label', () => {
    const r = R.replay(R.startRun(ticking), ['fire Tick', 'fire Tick', 'fire Tick']);
    expect(r).toMatchObject({ ok: true, steps: 3 });
    expect(R.standingOnRefused(r.run)?.step.label).toBe('fire Tick');
    expect(R.replay(R.startRun(ticking), ['fire Tick', 'nope'])).toMatchObject({ ok: false, steps: 1, stale: 'nope' });
  });

  it('exports the run up to its cursor, the refused step included, and imports it back', () => {
    const ended = R.replay(R.startRun(ticking), ['fire Tick', 'fire Tick', 'fire Tick']).run;
    const file = R.exportTrace(ended);
    expect(file.steps).toEqual(['fire Tick', 'fire Tick', 'fire Tick']);
    expect(R.exportTrace(R.jump(ended, 1)).steps).toEqual(['fire Tick']);
    const back = R.importTrace(R.startRun(ticking), JSON.stringify(file));
    expect(back).toMatchObject({ ok: true, steps: 3 });
    expect(back).not.toHaveProperty('warning');
    const other = R.importTrace(R.startRun(ticking), JSON.stringify({ ...file, hash: '0123456789abcdef' }));
    expect(other).toMatchObject({ ok: true, warning: expect.stringMatching(/another version of the design/) });
  });

  it('ends happy paths and random runs at the first violation, and repeats a seed', () => {
    const h = R.happyPath(R.startRun(ticking), 10);
    expect(h.taken).toBe(2);
    expect(R.standingOnRefused(h.run)?.step.label).toBe('fire Tick');
    const a = R.randomRun(R.startRun(paying), 7, 30).run;
    const b = R.randomRun(R.startRun(paying), 7, 30).run;
    expect(R.exportTrace(a).steps).toEqual(R.exportTrace(b).steps);
  });

  it('takes actors and dedupe hits from the engine', () => {
    const run = takeAll(R.startRun(paying), ['send Charge#1', 'duplicate Charge#1', 'deliver Charge#1', 'ack Charge#1', 'deliver Charge#1']);
    expect(runEvents(run).at(-1)).toMatchObject({ label: 'deliver Charge#1', note: 'dedupe hit' });
    expect(runEvents(run).at(2)).not.toHaveProperty('note');
    const steps = runView(R.take(R.startRun(paying), 'send Charge#1').run).steps;
    expect(steps.find((s) => s.label === 'drop Charge#1')?.actor).toBe('fault');
    expect(steps.find((s) => s.label === 'deliver Charge#1')).toMatchObject({ actor: 'network', transition: 0 });
  });
});
