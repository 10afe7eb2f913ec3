import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { LocalTables } from './localTables';
import { Packing } from './packing';
import type { CheckResultV2 } from './result';
import { StepRules } from './stepRules';
import { loadExampleV2, loadPublishedV2, participantExamplesV2 } from './testDesigns';

/**
 * Steps from instance tables (`localTables.ts`) are the step rules' steps: a search with tables
 * gives exactly the result of one without (configurations, transitions, depth, coverage, every
 * violation with its trace, outcomes), on every example, every published design, and random
 * pool designs that mix states a table gives with states it cannot (guards, updates, sends to
 * the sender, payloads, crashes, fail-stop, final states).
 */

const comparable = (r: CheckResultV2) => ({ ...r, seconds: 0, statesPerSecond: 0, bytesPerState: 0 });
const both = (model: ModelV2, maxStates = 200_000) => [
  comparable(exploreV2(model, { maxStates })),
  comparable(exploreV2(model, { maxStates, localTables: false })),
];
const tabled = (model: ModelV2) => LocalTables.of(model, new StepRules(model), new Packing(model)) !== null;

describe('version 2: steps from instance tables', () => {
  it('TwoPhase with 3 to 5 resource managers: the same search, and it uses tables', () => {
    for (const n of [3, 4, 5]) {
      const model = loadExampleV2('tla-two-phase.protocol.json', n);
      expect(tabled(model)).toBe(true);
      const [a, b] = both(model);
      expect(a).toEqual(b);
      expect(a!.verdict).toBe('ok');
    }
  });

  it('every example and published design: the same search', () => {
    const published = readdirSync(join(__dirname, '../../../test-fixtures/published')).filter((f) => f.endsWith('.protocol.json'));
    const models: [string, ModelV2][] = [
      ...participantExamplesV2('all').map((f): [string, ModelV2] => [f, loadExampleV2(f)]),
      ...published.map((f): [string, ModelV2] => [f, loadPublishedV2(f)]),
    ];
    let used = 0;
    for (const [name, model] of models) {
      if (tabled(model)) used++;
      const [a, b] = both(model, 20_000);
      expect(a, name).toEqual(b);
    }
    expect(used).toBeGreaterThan(2);
  }, 120_000);

  it('random pool designs and TwoPhase: the same steps from every configuration, visited in any order', () => {
    expect(sameStepsInAnyOrder(loadExampleV2('tla-two-phase.protocol.json', 4), 7)).toBe(1568);
    let used = 0;
    fc.assert(
      fc.property(designArb, fc.nat(), (design, seed) => {
        const loaded = loadDesignValueV2(design);
        if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
        if (sameStepsInAnyOrder(loaded.model, seed) > 0) used++;
      }),
      { numRuns: 150, seed: 61 },
    );
    expect(used).toBeGreaterThan(50);
  }, 120_000);

  it('random pool designs: the same search', () => {
    let used = 0;
    fc.assert(
      fc.property(designArb, (design) => {
        const loaded = loadDesignValueV2(design);
        if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
        const model = loaded.model;
        if (tabled(model)) used++;
        const [a, b] = both(model, 5_000);
        expect(a).toEqual(b);
      }),
      { numRuns: 150, seed: 16 },
    );
    expect(used).toBeGreaterThan(50);
  }, 120_000);
});

/**
 * The steps of each of `model`'s first `cap` configurations, visited in a shuffled order (so a
 * table learns where it happens to first meet a state, and serves every other configuration from
 * that): the tables' expansion against the step rules', step by step (transition; successor's packing, or none).
 */
function sameStepsInAnyOrder(model: ModelV2, seed: number, cap = 3000): number {
  const exploration = createExplorationV2(model, { maxStates: cap });
  while (!exploration.run(1000));
  const count = Math.min(exploration.result().states, cap);
  const order = [...Array(count).keys()];
  let x = seed;
  for (let i = order.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const packing = new Packing(model);
  const W = packing.words;
  const general = new StepRules(model);
  const rules = new StepRules(model);
  const tables = LocalTables.of(model, rules, packing);
  if (tables === null) return 0;
  const curKey = new Int32Array(W);
  const key = new Int32Array(W);
  const none = new Int32Array(0);
  const patched = (from: Float64Array, next: Float64Array | null, r: StepRules) => {
    if (next === null) return 'none';
    const k = curKey.slice();
    packing.patch(k, from, next, r.written, r.writtenCount);
    return k.join(',');
  };
  for (const r of order) {
    const vec = exploration.stored(r).configuration;
    packing.pack(vec, curKey, 0);
    const want: string[] = [];
    general.forEachStep(vec, (step, next) => want.push(`${step.transition} ${patched(vec, next, general)}`));
    const got: string[] = [];
    tables.expand(vec, none, 0, curKey, key, (step, next) => got.push(`${step.transition} ${patched(vec, next, rules)}`), (t) => got.push(`${t} ${key.join(',')}`));
    expect(got, `configuration ${r}`).toEqual(want);
  }
  return count;
}

/** One transition of a random design: role 0 (`A`, one instance) or 1 (`B`), from a state, on an event or a message. */
const transitionArb = fc.record({
  role: fc.integer({ min: 0, max: 1 }),
  from: fc.nat(3),
  to: fc.integer({ min: -1, max: 3 }),
  receive: fc.boolean(),
  event: fc.nat(1),
  guard: fc.nat(4),
  update: fc.nat(3),
  send: fc.nat(4),
});

type TransitionDraw = typeof transitionArb extends fc.Arbitrary<infer T> ? T : never;

const designArb = fc
  .record({
    bInstances: fc.integer({ min: 1, max: 3 }),
    states: fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 })),
    transitions: fc.array(transitionArb, { minLength: 1, maxLength: 7 }),
    crashes: fc.nat(2),
    roleCrash: fc.nat(3),
    final: fc.boolean(),
    invariant: fc.nat(3),
  })
  .map(build);

/**
 * A pool design of a coordinator `A` and `B[1..n]`: `Ping` A → B (to all, or to the sender of a
 * message received), `Pong` B → A, `Val` B → A with a payload, `A.n` and `B.m` small ints.
 */
function build(p: {
  bInstances: number;
  states: [number, number];
  transitions: TransitionDraw[];
  crashes: number;
  roleCrash: number;
  final: boolean;
  invariant: number;
}): DesignV2 {
  const names = ['A', 'B'] as const;
  const stateNames = (r: number) => [...Array(p.states[r]).keys()].map((i) => `${names[r].toLowerCase()}${i}`);
  const roles = [0, 1].map((r) => {
    const states = stateNames(r);
    const own = r === 0 ? 'n' : 'm';
    const transitions = p.transitions
      .filter((t) => t.role === r)
      .map((t, i) => {
        const from = states[t.from % states.length]!;
        const receive = t.receive ? (r === 1 ? 'Ping' : t.event === 0 ? 'Pong' : 'Val') : null;
        const guard = [null, null, `${own} < 2`, `${own} == 0`, r === 0 ? 'forall b in B: b.m < 2' : 'A.n > 0'][t.guard];
        const updates = [null, null, { [own]: `${own} + 1` }, { [own]: '0' }][t.update];
        const send =
          r === 0
            ? [null, null, { message: 'Ping', toAll: true }, receive !== null ? { message: 'Ping', to: 'sender' } : { message: 'Ping', toAll: true }, { message: 'Ping', toAll: true, except: ['B[1]'] }][t.send]
            : [null, null, { message: 'Pong' }, { message: 'Val', payload: { v: 'm' } }, { message: 'Pong' }][t.send];
        return {
          id: `t${r}_${i}`,
          from,
          ...(receive !== null ? { receive } : { event: `E${t.event}` }),
          ...(guard ? { guard } : {}),
          ...(updates ? { updates } : {}),
          ...(send ? { send: [send] } : {}),
          ...(t.to >= 0 ? { to: states[t.to % states.length]! } : {}),
        };
      });
    return {
      name: names[r],
      ...(r === 1 ? { instances: p.bInstances } : {}),
      ...(p.crashes > 0 && r === 1 && p.roleCrash === 1 ? { crashes: 1 } : {}),
      ...(p.crashes > 0 && r === 1 && p.roleCrash === 2 ? { afterCrash: 'stop' } : {}),
      ...(p.crashes > 0 && r === 0 && p.roleCrash === 3 ? { crashes: 0 } : {}),
      vars: [{ name: own, type: { int: [0, 2] }, initial: 0 }],
      states: states.map((name, i) => ({ name, ...(i === 0 ? { initial: true } : {}), ...(p.final && i === states.length - 1 ? { final: true } : {}) })),
      events: [
        { name: 'E0', source: 'internal' },
        { name: 'E1', source: 'internal', payload: [{ name: 'x', type: { int: [0, 1] } }] },
      ],
      transitions,
    };
  });
  const invariant = [null, 'A.n < 2', 'forall b in B: b.state != "b1" || A.state != "a1"', '(count b in B: b.state == "b1") < 2'][p.invariant];
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'random pool design',
    messages: [
      { name: 'Ping', from: 'A', to: 'B' },
      { name: 'Pong', from: 'B', to: 'A' },
      { name: 'Val', from: 'B', to: 'A', payload: [{ name: 'v', type: { int: [0, 2] } }] },
    ],
    roles,
    ...(invariant ? { invariants: [{ name: 'inv', expr: invariant }] } : {}),
    environment: { network: { model: 'pool' }, crashes: p.crashes, checks: { deadlock: p.final } },
  } as unknown as DesignV2;
}
