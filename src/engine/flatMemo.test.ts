import { describe, expect, it } from 'vitest';
import type { Model } from '../model/model';
import { explore } from './explorer';
import { createFlatCodec } from './flatCodec';
import { flatLayout } from './flatLayout';
import fc from 'fast-check';
import { channelsDesign, varsDesign } from '../../bench/shapeDesigns';
import { firedTables, markKeptInvariants } from './flatMemo';
import { stateInvariants } from './checks';
import { smallDesign } from './smallDesigns';
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
function ticking(update: string, range: [number, number] = [0, 9], guard = 'x < 3'): Model {
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
      { from: 'A', event: 'Tick', to: 'A', guard, updates: { x: 'x + 1', y: update } },
      { from: 'A', event: 'Tick', to: 'B', updates: { x: '0' } },
      { from: 'B', event: 'Flip', to: 'A', guard: 'y != 1 || x == 0' },
    ],
    environment: { requests: 0, crashes: 1 },
  });
}

describe('tabulated transitions and guards (flatMemo.ts)', () => {
  it('tabulates an event in a state exactly when its guards and updates read vars only, the writes only within the key limit', () => {
    const m = testModel({
      vars: [
        { name: 'x', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
        { name: 'big', type: { int: [0, 100_000] }, initial: 0, storage: 'volatile' },
      ],
      states: [{ name: 'A', initial: true }, { name: 'B' }],
      events: [
        { name: 'Tick', source: 'internal' },
        { name: 'Tock', source: 'timer' },
        { name: 'Put', source: 'client' },
      ],
      transitions: [
        { from: 'A', event: 'Tick', to: 'A', guard: 'x < 3', updates: { x: 'x + 1' } },
        { from: 'A', event: 'Tick', to: 'B', updates: { x: '0' } },
        { from: 'A', event: 'Tick', to: 'A', guard: 'big > 2' }, // never reached: the one before has no guard
        { from: 'B', event: 'Tick', to: 'A', guard: 'x > 0', updates: { big: 'big + 1' } },
        { from: 'A', event: 'Tock', to: 'A', guard: 'big > 2' },
        { from: 'A', event: 'Put', to: 'A', updates: { x: '0' } },
        { from: 'A', event: '$restart', to: 'A', updates: { x: '0' } },
      ],
    });
    const L = flatLayout(m);
    const tables = firedTables(m, L, createFlatCodec(m, L));
    const [tickA, tockA] = tables[0]!, [tickB] = tables[1]!;
    // In A, Tick reads x (4 keys) and both its reachable transitions' writes are tabulated.
    expect([tickA!.vars.keys, tickA!.bits.length > 0]).toEqual([4, true]);
    // Tock's guard reads big: 100,001 keys, too many for any table.
    expect(tockA).toBeNull();
    // In B, Tick's update reads big: its selection alone is tabulated, by x.
    expect([tickB!.vars.keys, tickB!.bits.length]).toEqual([4, 0]);
    // Without a codec (step invariants) nothing's writes are.
    expect(firedTables(m, L, null)[0]![0]!.bits.length).toBe(0);
  });

  it('explores exactly what the naive explorer does, through keys met many times', () => {
    for (const m of [ticking('min(y + x, 9)'), ticking('x * 2 % 5'), testModel(varsDesign({ pairs: 2, crashes: 1 }))]) {
      const want = naive(m);
      expect(want.verdict).toBe('ok');
      expect(figures(m)).toEqual(want);
    }
  });

  it('never tabulates a step that violated: an eval-error (of an update or a guard) or an out-of-range value is reported at its shallowest depth, with a trace that replays', () => {
    // x reaches 2 after two ticks: 6 / (2 - x) divides by zero there, and x + 8 leaves y's range.
    for (const [m, kind] of [
      [ticking('6 / (2 - x)'), 'eval-error'],
      [ticking('0', [0, 9], 'x < 3 && 6 / (2 - x) > 0'), 'eval-error'],
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

  it('tabulates a crash by the persisted state and the crash count: crashes in every mode, durable and volatile vars and states, as the naive explorer counts', () => {
    const crashing = (crashes: number, reorder: boolean) =>
      testModel({
        vars: [
          { name: 'x', type: { int: [0, 3] }, initial: 0, storage: 'durable' },
          { name: 'y', type: { int: [0, 3] }, initial: 1, storage: 'volatile' },
        ],
        states: [{ name: 'A', initial: true }, { name: 'B' }, { name: 'C', storage: 'volatile' }],
        events: [
          { name: 'Tick', source: 'internal' },
          { name: 'Put', source: 'client', idempotency: 'volatile', retry: { maxAttempts: 2 } },
        ],
        transitions: [
          { from: 'A', event: 'Tick', to: 'B', guard: 'x < 3', updates: { x: 'x + 1', y: 'min(y + 1, 3)' } },
          { from: 'B', event: 'Tick', to: 'C', updates: { y: '0' } },
          { from: 'C', event: 'Tick', to: 'A', guard: 'y == 0' },
          { from: 'A', event: 'Put', to: 'A', updates: { y: '2' } },
          { from: 'B', event: '$restart', to: 'A', updates: { y: 'x' } },
        ],
        environment: { requests: 2, crashes, network: { drop: 1, duplicate: 1, reorder } },
      });
    for (const crashes of [0, 1, 3])
      for (const reorder of [true, false]) {
        const m = crashing(crashes, reorder);
        expect(figures(m)).toEqual(naive(m));
        // Every step taken from a table agrees with taking it (else explore throws).
        expect(explore(m, { verifyTables: true }).states).toBe(figures(m).states);
      }
  });

  it('lets a successor from a table skip the state invariants only when the table writes no var they read', () => {
    // vars p2: `d0 <= 2` reads d0; Step0 writes d0 (and v0), Step1 writes d1 and v1, Sync writes v0 and v1, Pause v0.
    const tablesOf = (design: Record<string, unknown>) => {
      const m = testModel(design), L = flatLayout(m);
      const tables = firedTables(m, L, createFlatCodec(m, L));
      markKeptInvariants(tables.flat(), stateInvariants(m), L);
      // Per fired event from the state Run (index 0): whether its table keeps the invariants.
      return Object.fromEntries(m.firedEvents.map((e, k) => [m.events[e]!.name, tables[0]![k]?.keepsInvariants ?? null]));
    };
    const design = varsDesign({ pairs: 2, crashes: 1 });
    expect(tablesOf(design)).toEqual({ Step0: false, Step1: true, Sync: true, Pause: true });
    // An invariant that reads the state: no table keeps it.
    expect(tablesOf({ ...design, invariants: [{ name: 'in run', expr: 'd1 <= 2' }, { name: 'state', expr: 'state != "Paused" || d0 <= 2' }] })).toEqual({ Step0: false, Step1: false, Sync: false, Pause: false });
    // No invariant: every table keeps them.
    expect(tablesOf({ ...design, invariants: [] })).toEqual({ Step0: true, Step1: true, Sync: true, Pause: true });
  });

  it('gives every tabulated step (transitions, crashes, drops, duplicates, receives, timeouts) the record taking it gives, on random designs and every bench shape', () => {
    for (const design of [channelsDesign({ requests: 2, drop: 1, duplicate: 1, crashes: 1 }), channelsDesign({ requests: 2, drop: 2, duplicate: 1, crashes: 2 }), varsDesign({ pairs: 2, crashes: 2 })]) {
      const m = testModel(design);
      // Everything but the time taken.
      const { seconds: _s, statesPerSecond: _r, ...verified } = explore(m, { verifyTables: true });
      const { seconds: _t, statesPerSecond: _q, ...plain } = explore(m);
      expect(verified).toEqual(plain);
    }
    fc.assert(
      fc.property(smallDesign, (d) => {
        const m = testModel(d);
        const plain = explore(m, { maxStates: 20_000 });
        const verified = explore(m, { maxStates: 20_000, verifyTables: true });
        expect([verified.verdict, verified.states, verified.transitions]).toEqual([plain.verdict, plain.states, plain.transitions]);
      }),
      { numRuns: 150 },
    );
  });
});
