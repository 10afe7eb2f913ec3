import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { Symmetry } from './symmetry';
import { modelOfV2 } from './testDesigns';

/**
 * Nested maps in the engine (docs/format-v2.md §2, §18): counts computed by hand, agreement with
 * the same design flattened by hand into one-level maps, and symmetry permuting both key levels
 * against an independent brute-force count of the classes.
 */

/** P instances, each with `m[p][q]` over P; Set(a, b) sets one entry (only its own row when `ownRow`). */
function grid(instances: number, ownRow: boolean, symmetric: boolean): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'grid',
    roles: [
      {
        name: 'P',
        instances,
        vars: [{ name: 'm', type: { map: { from: 'P', to: { map: { from: 'P', to: 'bool' } } } }, initial: false }],
        states: [{ name: 'on', initial: true }],
        events: [{ name: 'Set', source: 'internal', payload: [{ name: 'a', type: { id: 'P' } }, { name: 'b', type: { id: 'P' } }] }],
        transitions: [{ id: 'set', from: 'on', event: 'Set', guard: `!m[event.a][event.b]${ownRow ? ' && event.a == self' : ''}`, updates: { 'm[event.a][event.b]': 'true' } }],
      },
    ],
    ...(symmetric ? { symmetry: { roles: ['P'] } } : {}),
  };
}

/** `grid(2, false, false)` written by hand with one map per row: m1 is m[P[1]], m2 is m[P[2]]. */
function flattened(): DesignV2 {
  const d = grid(2, false, false);
  const role = d.roles[0]!;
  role.vars = [
    { name: 'm1', type: { map: { from: 'P', to: 'bool' } }, initial: false },
    { name: 'm2', type: { map: { from: 'P', to: 'bool' } }, initial: false },
  ];
  role.transitions = [
    {
      id: 'set',
      from: 'on',
      event: 'Set',
      guard: '!(event.a == P[1] ? m1[event.b] : m2[event.b])',
      updates: { 'm1[event.b]': 'event.a == P[1] ? true : m1[event.b]', 'm2[event.b]': 'event.a == P[2] ? true : m2[event.b]' },
    },
  ];
  return d;
}

/** Every configuration of a full search. */
function fullStates(model: ModelV2): Float64Array[] {
  const e = createExplorationV2(model);
  while (!e.run(1000));
  return Array.from({ length: e.result().states }, (_, r) => e.stored(r).configuration);
}

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]));
}

/**
 * The classes of the full search's configurations under every permutation σ of P, computed here
 * without `symmetry.ts`: instance σ(i)'s entry [σ(a)][σ(b)] is instance i's entry [a][b].
 */
function bruteForceClasses(model: ModelV2): number {
  const role = model.roles[0]!;
  const n = role.instances;
  const m = role.vars[0]!;
  const perms = permutations(n);
  const classes = new Set<string>();
  for (const c of fullStates(model)) {
    const forms = perms.map((s) => {
      const out = c.slice();
      for (let i = 0; i < n; i++) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[role.bases[s[i]!]! + m.offset + s[a]! * n + s[b]!] = c[role.bases[i]! + m.offset + a * n + b]!;
      return out.join();
    });
    classes.add(forms.sort()[0]!);
  }
  return classes.size;
}

describe('nested maps in the engine', () => {
  it('two instances, any entry: 2^4 × 2^4 configurations, 8 steps deep (by hand)', () => {
    const r = exploreV2(modelOfV2(grid(2, false, false)));
    expect(r.verdict).toBe('ok');
    expect(r.states).toBe(256);
    expect(r.depth).toBe(8);
  });

  it('agree with the design flattened by hand into one map per row: configurations, steps, depth', () => {
    const nested = exploreV2(modelOfV2(grid(2, false, false)));
    const flat = exploreV2(modelOfV2(flattened()));
    expect([flat.states, flat.transitions, flat.depth]).toEqual([nested.states, nested.transitions, nested.depth]);
    // Same slots in the same order: m[P[i]][q] is m_i[q], so the configurations are the same vectors.
    const a = fullStates(modelOfV2(grid(2, false, false))).map((c) => c.join()).sort();
    const b = fullStates(modelOfV2(flattened())).map((c) => c.join()).sort();
    expect(a).toEqual(b);
  });

  it('symmetry permutes both key levels: 2 instances, (256 + 16) / 2 = 136 classes (Burnside, by hand), as the brute force finds', () => {
    const reduced = exploreV2(modelOfV2(grid(2, false, true)));
    expect(reduced.states).toBe(136);
    expect(bruteForceClasses(modelOfV2(grid(2, false, false)))).toBe(136);
    expect(reduced.depth).toBe(8);
  });

  it('symmetric enum values as inner keys: m[i][v] over {a, b} swapped, (16 + 4) / 2 = 10 classes (Burnside, by hand)', () => {
    const design = (symmetric: boolean): DesignV2 => ({
      format: 'protocol-studio',
      version: 2,
      name: 'enum keys',
      roles: [
        {
          name: 'P',
          vars: [{ name: 'm', type: { map: { from: { int: [0, 1] }, to: { map: { from: { enum: ['a', 'b'] }, to: 'bool' } } } }, initial: false }],
          states: [{ name: 'on', initial: true }],
          events: [{ name: 'Set', source: 'internal', payload: [{ name: 'i', type: { int: [0, 1] } }, { name: 'v', type: { enum: ['a', 'b'] } }] }],
          transitions: [{ id: 'set', from: 'on', event: 'Set', guard: '!m[event.i][event.v]', updates: { 'm[event.i][event.v]': 'true' } }],
        },
      ],
      ...(symmetric ? { symmetry: { values: [['a', 'b']] } } : {}),
    });
    expect(exploreV2(modelOfV2(design(false))).states).toBe(16);
    const reducedModel = modelOfV2(design(true));
    expect(exploreV2(reducedModel).states).toBe(10);
    const sym = new Symmetry(reducedModel);
    expect(new Set(fullStates(modelOfV2(design(false))).map((c) => sym.canonical(c).join())).size).toBe(10);
  });

  it('three instances, own row only: 2^9 configurations; the reduced search finds the brute-force classes, the canonical forms agree', () => {
    const fullModel = modelOfV2(grid(3, true, false));
    const full = exploreV2(fullModel);
    expect(full.states).toBe(512);
    const reducedModel = modelOfV2(grid(3, true, true));
    const reduced = exploreV2(reducedModel);
    const classes = bruteForceClasses(fullModel);
    expect(reduced.states).toBe(classes);
    const sym = new Symmetry(reducedModel);
    expect(new Set(fullStates(fullModel).map((c) => sym.canonical(c).join())).size).toBe(classes);
    expect(reduced.depth).toBe(full.depth);
  });
});
