import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvV2, ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { InvariantMemo } from './invariantMemo';
import { Packing } from './packing';
import type { CheckResultV2 } from './result';
import { StepRules } from './stepRules';
import { loadExampleV2, loadPublishedV2, modelOfV2, participantExamplesV2 } from './testDesigns';

/**
 * State invariants remembered by the values they read (`invariantMemo.ts`) rest on one claim of
 * the expression compiler: an expression reads no slot outside `CompiledExprV2.reads`. Held here
 * by evaluating every state invariant, on every configuration a search reaches, over a vector
 * that records each slot read; then a search with the memo gives exactly the result of one without.
 */

const published = readdirSync(join(__dirname, '../../../test-fixtures/published')).filter((f) => f.endsWith('.protocol.json'));
const corpus = (): [string, ModelV2][] => [
  ...participantExamplesV2('all').map((f): [string, ModelV2] => [f, loadExampleV2(f)]),
  ...published.map((f): [string, ModelV2] => [f, loadPublishedV2(f)]),
  ...forms.map((d): [string, ModelV2] => [d.name, modelOfV2(d)]),
];

/** Reads outside what the compiler names, per state invariant, over the first `cap` configurations of a search. */
function strayReads(model: ModelV2, cap: number): string[] {
  const invariants = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)].filter((i) => i.kind === 'state');
  const exploration = createExplorationV2(model, { maxStates: cap });
  while (!exploration.run(1000));
  const count = Math.min(exploration.result().states, cap);
  const stray: string[] = [];
  for (let r = 0; r < count; r++) {
    const vec = exploration.stored(r).configuration;
    for (const inv of invariants) {
      const declared = inv.expr.reads;
      if (declared === null || declared === undefined) continue;
      const read = new Set<number>();
      const recording = new Proxy(vec, {
        get(target, p) {
          if (typeof p === 'string' && /^\d+$/.test(p)) read.add(Number(p));
          const v = Reflect.get(target, p) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      const env: EnvV2 = { pre: recording, post: recording, self: 0, sender: 0, payload: new Float64Array(Math.max(1, model.payloadSlots)), bound: new Float64Array(Math.max(1, model.bound)) };
      const count = inv.role < 0 ? 1 : model.roles[inv.role]!.instances;
      for (let self = 0; self < count; self++) {
        env.self = self;
        try {
          inv.expr.evaluate(env);
        } catch {
          // An evaluation error is a violation the explorer reports; what it read until then still counts.
        }
      }
      const allowed = new Set(declared);
      for (const slot of read) if (!allowed.has(slot)) stray.push(`${inv.name} reads slot ${slot}`);
    }
  }
  return [...new Set(stray)];
}

const comparable = (r: CheckResultV2) => ({ ...r, seconds: 0, statesPerSecond: 0, bytesPerState: 0 });

describe('version 2: state invariants remembered by what they read', () => {
  it('no state invariant reads a slot outside the ones its compiled expression names', () => {
    let checked = 0;
    for (const [name, model] of corpus()) {
      expect(strayReads(model, 3000), name).toEqual([]);
      if ([...model.invariants, ...model.roles.flatMap((r) => r.invariants)].some((i) => i.kind === 'state' && i.expr.reads)) checked++;
    }
    expect(checked).toBeGreaterThan(30);
  }, 120_000);

  it('the memo and the rules agree on every configuration, reached or random, in any order', () => {
    let compared = 0;
    for (const [name, model] of corpus()) {
      const packing = new Packing(model);
      const memo = InvariantMemo.of(model, packing);
      if (memo === null) continue;
      const rules = new StepRules(model);
      const exploration = createExplorationV2(model, { maxStates: 2000 });
      while (!exploration.run(1000));
      const reached = Math.min(exploration.result().states, 2000);
      const key = new Int32Array(packing.words);
      const vec = new Float64Array(model.size);
      let x = 7;
      for (let i = 0; i < 3 * reached + 2000; i++) {
        // Reached configurations and random packed words (every field within its bits), interleaved.
        if (i % 3 === 0 && i / 3 < reached) packing.pack(exploration.stored(i / 3).configuration, key, 0);
        else
          for (let w = 0; w < key.length; w++) {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            key[w] = x ^ (x >>> 13);
          }
        packing.unpack(key, 0, vec);
        packing.pack(vec, key, 0);
        const names = (vs: readonly { kind: string; name: string }[]) => vs.map((v) => `${v.kind} ${v.name}`);
        expect(names(memo.check(rules, vec, key)), `${name}, configuration ${i}`).toEqual(names(rules.checkState(vec)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  }, 120_000);

  it('a pool quantifier, or a read of more than 256 slots, names no slots: the memo is not used', () => {
    const d = forms.find((f) => f.name === 'pool reads')!;
    const model = modelOfV2(d);
    expect(model.invariants[0]!.expr.reads).toBeNull();
    expect(InvariantMemo.of(model, new Packing(model))).toBeNull();
    // A map of 100 entries in each of three instances: 300 slots.
    const wide = (invariant: string) =>
      modelOfV2({
        format: 'protocol-studio',
        version: 2,
        name: 'wide map',
        messages: [],
        roles: [{ name: 'W', instances: 3, vars: [{ name: 'm', type: { map: { from: { int: [0, 99] }, to: 'bool' } }, initial: false }], states: [{ name: 's', initial: true }], transitions: [] }],
        invariants: [{ name: 'inv', expr: invariant }],
        environment: { network: { model: 'pool' } },
      } as unknown as DesignV2).invariants[0]!.expr.reads;
    expect(wide('forall w in W: !w.m[3]')).toBeNull();
    expect(wide('W[1].state == "s"')?.length).toBe(3);
  });

  it('TwoPhase: its invariants have a key (15 bits with 5 resource managers, 18 with 6), and none with 7 (21 bits)', () => {
    const bits = (rms: number) => {
      const model = loadExampleV2('tla-two-phase.protocol.json', rms);
      const memo = InvariantMemo.of(model, new Packing(model));
      return memo === null ? null : Math.log2(memo.bytes() * 8);
    };
    expect([5, 6, 7].map(bits)).toEqual([15, 18, null]);
  });

  it('every example, published design and form: the same search with and without the memo', () => {
    let used = 0;
    for (const [name, model] of corpus()) {
      if (InvariantMemo.of(model, new Packing(model)) !== null) used++;
      const a = comparable(exploreV2(model, { maxStates: 20_000 }));
      const b = comparable(exploreV2(model, { maxStates: 20_000, invariantMemo: false }));
      expect(a, name).toEqual(b);
    }
    expect(used).toBeGreaterThan(20);
  }, 120_000);
});

/**
 * Forms of reads the examples use little: maps keyed by instances, enums and ints, a nested map,
 * a set var, `crashes`, `down(i)`, a role invariant reading its own and a neighbour's vars, and a
 * pool quantifier. Each design breaks an invariant somewhere, so violations are found through the memo too.
 */
const forms: DesignV2[] = [
  {
    format: 'protocol-studio',
    version: 2,
    name: 'maps and neighbours',
    messages: [{ name: 'Tok', from: 'N', to: 'N' }],
    roles: [
      {
        name: 'N',
        instances: 3,
        crashes: 1,
        vars: [
          { name: 'seen', type: { map: { from: 'N', to: 'bool' } }, initial: false },
          { name: 'level', type: { map: { from: { enum: ['lo', 'hi'] }, to: { int: [0, 2] } } }, initial: 0 },
          { name: 'grid', type: { map: { from: { int: [0, 1] }, to: { map: { from: 'bool', to: { int: [0, 1] } } } } }, initial: 0 },
          { name: 'k', type: { int: [0, 2] }, initial: 0 },
        ],
        states: [{ name: 'idle', initial: true }, { name: 'busy' }],
        events: [{ name: 'Go', source: 'internal' }],
        transitions: [
          { id: 'go', from: 'idle', event: 'Go', guard: 'k < 2', updates: { k: 'k + 1', 'level["hi"]': 'k', 'grid[k % 2][true]': '1' }, send: [{ message: 'Tok', toAll: true }], to: 'busy' },
          { id: 'tok', from: 'busy', receive: 'Tok', updates: { 'seen[sender]': 'true' }, to: 'idle' },
        ],
        invariants: [
          { name: 'neighbour', expr: 'N[index(self) % 3 + 1].k <= k + 2' },
          { name: 'levels', expr: 'level["hi"] <= 1 || !seen[self]' },
        ],
      },
    ],
    invariants: [
      { name: 'grid', expr: 'forall n in N: n.grid[0][true] + n.grid[1][true] < 2 || crashes > 0' },
      { name: 'notAllDown', expr: '!(down(N[1]) && down(N[2]) && down(N[3]))' },
    ],
    environment: { network: { model: 'pool' }, crashes: 2 },
  },
  {
    format: 'protocol-studio',
    version: 2,
    name: 'sets',
    messages: [],
    roles: [
      {
        name: 'S',
        vars: [{ name: 'got', type: { set: { int: [0, 3] } }, initial: [] }],
        states: [{ name: 's', initial: true }],
        events: [{ name: 'Add', source: 'internal', payload: [{ name: 'v', type: { int: [0, 3] } }] }],
        transitions: [{ id: 'add', from: 's', event: 'Add', updates: { got: 'got + {event.v}' } }],
      },
    ],
    invariants: [{ name: 'small', expr: 'card(S.got) < 3 || 0 in S.got' }],
    environment: { network: { model: 'pool' } },
  },
  {
    format: 'protocol-studio',
    version: 2,
    name: 'pool reads',
    messages: [{ name: 'M', from: 'A', to: 'B' }],
    roles: [
      { name: 'A', states: [{ name: 'a', initial: true }], events: [{ name: 'E', source: 'internal' }], transitions: [{ id: 'e', from: 'a', event: 'E', send: [{ message: 'M' }] }] },
      { name: 'B', states: [{ name: 'b', initial: true }], transitions: [] },
    ],
    invariants: [{ name: 'none', expr: '!(exists m in M: m.sender == A)' }],
    environment: { network: { model: 'pool' } },
  },
] as unknown as DesignV2[];
