import { describe, expect, it } from 'vitest';
import { varsDesign } from '../../bench/shapeDesigns';
import type { Model } from '../model/model';
import { explore } from './explorer';
import { createFlatCodec } from './flatCodec';
import { flatLayout } from './flatLayout';
import { guardTables, TransitionTables } from './flatMemo';
import { naiveExplore } from './naiveExplorer';
import { createSimulator } from './simulator';
import { testModel } from './testDesign';

/** The explorer's figures that the naive explorer also gives. */
function figures(m: Model) {
  const r = explore(m);
  return { verdict: r.verdict, states: r.states, transitions: r.transitions, depth: r.depth, found: r.violations.map((v) => `${v.kind}:${v.name}`).sort() };
}

function naive(m: Model) {
  const r = naiveExplore(m);
  return { ...r, found: [...r.found].sort() };
}

/** A counter that ticks round and a second var the tick sets from it: updates that read vars only, met again and again. */
function ticking(update: string, range: [number, number] = [0, 9]): Model {
  return testModel({
    vars: [
      { name: 'x', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
      { name: 'y', type: { int: range }, initial: 0, storage: 'volatile' },
    ],
    states: [{ name: 'A', initial: true }, { name: 'B' }],
    events: [
      { name: 'Tick', source: 'internal' },
      { name: 'Flip', source: 'timer' },
    ],
    transitions: [
      { from: 'A', event: 'Tick', to: 'A', guard: 'x < 3', updates: { x: 'x + 1', y: update } },
      { from: 'A', event: 'Tick', to: 'B', updates: { x: '0' } },
      { from: 'B', event: 'Flip', to: 'A', guard: 'y != 1 || x == 0' },
    ],
    environment: { requests: 0, crashes: 1 },
  });
}

describe('tabulated transitions and guards (flatMemo.ts)', () => {
  it('gives tables exactly to fired transitions whose updates and guards read vars only, within the key limit', () => {
    const m = testModel({
      vars: [
        { name: 'x', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
        { name: 'big', type: { int: [0, 100_000] }, initial: 0, storage: 'volatile' },
      ],
      states: [{ name: 'A', initial: true }],
      events: [
        { name: 'Tick', source: 'internal' },
        { name: 'Put', source: 'client' },
      ],
      transitions: [
        { from: 'A', event: 'Tick', to: 'A', guard: 'x < 3', updates: { x: 'x + 1' } },
        { from: 'A', event: 'Tick', to: 'A', guard: 'big > 2', updates: { x: 'big % 4' } },
        { from: 'A', event: 'Put', to: 'A', updates: { x: '0' } },
        { from: 'A', event: '$restart', to: 'A', updates: { x: '0' } },
      ],
    });
    const L = flatLayout(m);
    const tables = new TransitionTables(m, L, createFlatCodec(m, L));
    expect([0, 1, 2, 3].map((t) => tables.of(t) !== null)).toEqual([true, false, false, false]); // reads big (too many keys), a client event, a restart
    // Tick's guards read x and big: 4 × 100,001 keys, too many.
    expect(guardTables(m, L)[0]![0]).toBeNull();
  });

  it('explores exactly what the naive explorer does, through keys met many times', () => {
    for (const m of [ticking('min(y + x, 9)'), ticking('x * 2 % 5'), testModel(varsDesign({ pairs: 2, crashes: 1 }))]) {
      const want = naive(m);
      expect(want.verdict).toBe('ok');
      expect(figures(m)).toEqual(want);
    }
  });

  it('never tabulates a step that violated: an eval-error or an out-of-range value is reported at its shallowest depth, with a trace that replays', () => {
    // x reaches 2 after two ticks: 6 / (2 - x) divides by zero there, and x + 8 leaves y's range.
    for (const [m, kind] of [
      [ticking('6 / (2 - x)'), 'eval-error'],
      [ticking('x + 8'), 'out-of-range'],
    ] as const) {
      const want = naive(m);
      expect(want.verdict).toBe('violation');
      expect(want.found[0]).toContain(kind);
      expect(figures(m)).toEqual(want);
      const v = explore(m).violations[0]!;
      const labels = v.trace.map((t) => t.label);
      const sim = createSimulator(m);
      expect(sim.replay(labels.slice(0, -1))).toEqual({ ok: true, steps: labels.length - 1 });
      const last = sim.take(labels.at(-1)!);
      expect((last.ok ? sim.history().at(-1)!.violations : (last.outcome?.violations ?? [])).map((x) => x.kind)).toContain(kind);
    }
  });
});
