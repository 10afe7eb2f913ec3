import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { exportDesignV2 } from '../../export/v2/index';
import { ExportRefusal } from '../../export/v2/refusal';
import { featureTexts } from './exportFeatures';
import { loadDesignValueV2 } from './load';
import type { ModelV2 } from './model';
import type { DesignV2 } from './schema';

/**
 * Maps keyed by bool, enums and int ranges, and set-typed vars (docs/format-v2.md §2, §5): loading,
 * refusals at their place, what the expressions compute, the initial-value notation.
 */

/** One role with a set, maps keyed by an enum, an int range and bool, and events that use them. */
function design(edit: (d: DesignV2) => void = () => {}): DesignV2 {
  const d: DesignV2 = {
    format: 'protocol-studio',
    version: 2,
    name: 'sets',
    roles: [
      {
        name: 'P',
        instances: 1,
        vars: [
          { name: 'seen', type: { set: { enum: ['a', 'b', 'c'] } }, initial: [] },
          { name: 'tally', type: { map: { from: { enum: ['a', 'b', 'c'] }, to: { int: [0, 1] } } }, initial: 0 },
          { name: 'slot', type: { map: { from: { int: [1, 3] }, to: 'bool' } }, initial: false },
          { name: 'flag', type: { map: { from: 'bool', to: { set: { int: [0, 2] } } } }, initial: [] },
        ],
        states: [{ name: 'on', initial: true }],
        events: [
          { name: 'Add', source: 'internal', payload: [{ name: 'x', type: { enum: ['a', 'b', 'c'] } }] },
          { name: 'Mark', source: 'internal', payload: [{ name: 'k', type: { int: [1, 3] } }] },
        ],
        transitions: [
          { id: 'add', from: 'on', event: 'Add', guard: '!(event.x in seen)', updates: { seen: 'seen + {event.x}', 'tally[event.x]': '1' } },
          { id: 'mark', from: 'on', event: 'Mark', guard: '!slot[event.k]', updates: { 'slot[event.k]': 'true', 'flag[event.k == 2]': 'flag[event.k == 2] + {event.k - 1}' } },
        ],
      },
    ],
    invariants: [
      { name: 'Tallied', expr: 'forall x in P.seen: P.tally[x] == 1' },
      { name: 'Counted', expr: 'card(P.seen) == P.tally["a"] + P.tally["b"] + P.tally["c"]' },
      { name: 'Within', expr: 'P.seen <= {"a", "b", "c"} && P.seen - {"a", "b", "c"} == {} && P.seen * {} == {}' },
      { name: 'Flags', expr: 'P.flag[true] == (P.slot[2] ? {1} : {}) && P.flag[false] <= {0, 2} && (P.slot[1] == (0 in P.flag[false]))' },
    ],
  };
  edit(d);
  return d;
}

function load(d: DesignV2): ModelV2 {
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}

function errors(d: DesignV2): [string, string][] {
  const r = loadDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

const type = (d: DesignV2, k: number, t: unknown): void => {
  (d.roles[0]!.vars![k] as { type: unknown }).type = t;
};

describe('maps keyed by values and set-typed vars', () => {
  it('lay out one slot per key and one slot per set (a mask)', () => {
    const m = load(design());
    const [seen, tally, slot, flag] = m.roles[0]!.vars;
    expect([seen!.width, tally!.width, slot!.width, flag!.width]).toEqual([1, 3, 3, 2]);
    expect(m.slotBits[m.roles[0]!.bases[0]! + seen!.offset]).toBe(3);
    expect(m.slotBits[m.roles[0]!.bases[0]! + flag!.offset]).toBe(3);
  });

  it('explore every reachable combination with the invariants holding', () => {
    const r = exploreV2(load(design()));
    expect(r.verdict).toBe('ok');
    // 8 subsets of {a, b, c} (tally follows seen) × 8 subsets of the slots marked (flags follow slots).
    expect(r.states).toBe(64);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('a false invariant over a set is found', () => {
    const r = exploreV2(load(design((d) => (d.invariants![0]!.expr = 'card(P.seen) < 3'))));
    expect(r.verdict).toBe('violation');
    expect(r.violations[0]!.name).toBe('Tallied');
    expect(r.violations[0]!.depth).toBe(3);
  });

  it('show a set as its elements in order, and map entries by their keys', () => {
    const m = load(design((d) => (d.roles[0]!.vars![0]!.initial = ['c', 'a'])));
    const view = viewConfigurationV2(m, m.initial).instances[0]!.vars;
    expect(view['seen']).toBe('{a, c}');
    expect(view['tally']).toEqual({ a: 0, b: 0, c: 0 });
    expect(view['slot']).toEqual({ 1: false, 2: false, 3: false });
    expect(view['flag']).toEqual({ false: '{}', true: '{}' });
  });

  it('an int key outside the map\'s keys is an evaluation error of the step, like other range errors', () => {
    const m = load(design((d) => {
      d.roles[0]!.events![1]!.payload![0]!.type = { int: [1, 4] };
    }));
    const r = exploreV2(m);
    expect(r.verdict).toBe('violation');
    const v = r.violations.find((x) => x.kind === 'eval-error')!;
    expect(v.name).toBe('mark');
    expect(v.detail).toMatch(/the key 4 of slot is outside its keys 1\.\.3/);
  });

  it('adding an int outside a set\'s elements is an evaluation error too; asking whether it is in is false', () => {
    const bad = exploreV2(load(design((d) => (d.roles[0]!.transitions[1]!.updates!['flag[event.k == 2]'] = 'flag[event.k == 2] + {event.k}'))));
    expect(bad.violations.map((v) => v.detail).join()).toMatch(/the element 3 is outside the set's elements 0\.\.2/);
    const fine = exploreV2(load(design((d) => (d.roles[0]!.transitions[1]!.guard = '!slot[event.k] && !(event.k + 5 in flag[false])'))));
    expect(fine.verdict).toBe('ok');
  });

  it('a set\'s initial value is a list of its elements; several are a list of lists', () => {
    const one = load(design((d) => (d.roles[0]!.vars![0]!.initial = ['b'])));
    expect(one.initials).toHaveLength(1);
    const several = load(design((d) => (d.roles[0]!.vars![0]!.initial = [[], ['a', 'b']])));
    expect(several.initials).toHaveLength(2);
    expect(several.initials.map((v) => viewConfigurationV2(several, v).instances[0]!.vars['seen'])).toEqual(['{}', '{a, b}']);
    expect(errors(design((d) => (d.roles[0]!.vars![0]!.initial = 'a')))).toEqual([['/roles/0/vars/0/initial', 'bad-initial']]);
    expect(errors(design((d) => (d.roles[0]!.vars![0]!.initial = ['a', 'a'])))).toEqual([['/roles/0/vars/0/initial', 'bad-initial']]);
    expect(errors(design((d) => (d.roles[0]!.vars![0]!.initial = [['a'], ['a']])))).toEqual([['/roles/0/vars/0/initial/1', 'bad-initial']]);
    expect(errors(design((d) => (d.roles[0]!.vars![0]!.initial = ['d'])))).toEqual([['/roles/0/vars/0/initial', 'bad-initial']]);
  });

  it('refuse types beyond the limits, and unknown keys, at their place', () => {
    expect(errors(design((d) => type(d, 0, { set: { int: [0, 31] } })))).toEqual([['/roles/0/vars/0/type/set', 'set-too-large']]);
    expect(errors(design((d) => type(d, 1, { map: { from: { int: [0, 1024] }, to: { int: [0, 1] } } })))).toEqual([['/roles/0/vars/1/type/map/from', 'map-too-large']]);
    expect(errors(design((d) => type(d, 1, { map: { from: 'Q', to: { int: [0, 1] } } })))).toEqual([['/roles/0/vars/1/type/map/from', 'unknown-role']]);
    expect(errors(design((d) => type(d, 1, { map: { from: { int: [2, 1] }, to: { int: [0, 1] } } })))[0]![0]).toBe('/roles/0/vars/1/type/map/from/int');
    expect(errors(design((d) => type(d, 0, { set: { set: 'bool' } })))[0]![0]).toBe('/roles/0/vars/0/type/set');
  });

  it('type-check keys, elements and set operations', () => {
    const guard = (g: string): [string, string][] => errors(design((d) => (d.roles[0]!.transitions[0]!.guard = g)));
    expect(guard('tally[1] == 0')).toEqual([['/roles/0/transitions/0/guard', 'type-mismatch']]);
    expect(guard('slot["a"]')).toEqual([['/roles/0/transitions/0/guard', 'type-mismatch']]);
    expect(guard('slot[4]')).toEqual([['/roles/0/transitions/0/guard', 'bad-key']]);
    expect(guard('card({}) == 0')).toEqual([['/roles/0/transitions/0/guard', 'untyped-set']]);
    expect(guard('event.x in 3')).toEqual([['/roles/0/transitions/0/guard', 'not-a-set']]);
    expect(guard('1 in seen')).toEqual([['/roles/0/transitions/0/guard', 'type-mismatch']]);
    expect(guard('seen + flag[true] == {}')).toEqual([['/roles/0/transitions/0/guard', 'type-mismatch']]);
    expect(guard('seen')).toEqual([['/roles/0/transitions/0/guard', 'not-bool']]);
    expect(guard('tally == 0')).toEqual([['/roles/0/transitions/0/guard', 'map-needs-index']]);
    expect(guard('event.x in {"a", "b"} && exists y in {1, 2}: y + 1 == 3')).toEqual([]);
    expect(guard('forall y in seen: forall z in seen: y == z || card(seen) > 1')).toEqual([]);
    expect(guard('flag[true] < {0, 1} && flag[false] >= {} && {2} > flag[true]')).toEqual([]);
  });

  it('a ? : or + - * made only of literals is typed by the other side, as a literal is (a subset chosen by a bool per element)', () => {
    const chosen = '((event.x == "a" ? {"a"} : {}) + (slot[1] ? {"b", "c"} : {"c"}))';
    const guard = (g: string): [string, string][] => errors(design((d) => (d.roles[0]!.transitions[0]!.guard = g)));
    expect(guard(`${chosen} <= seen`)).toEqual([]);
    expect(guard(`seen * ${chosen} == {}`)).toEqual([]);
    expect(guard(`${chosen} - {"c"} == seen`)).toEqual([]);
    expect(guard(`(slot[1] ? {"a"} : {}) == seen`)).toEqual([]);
    // Alone it still has no type; with ints the range comes from the other side.
    const alone = guard(`card(${chosen}) == 1`);
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.every(([, code]) => code === 'untyped-set' || code === 'untyped-string')).toBe(true);
    expect(guard('(slot[2] ? {0} : {1}) + {2} <= flag[true]')).toEqual([]);
    // As an update, typed by the var it is written to: seen + {event.x}, the set written first.
    const m = load(design((d) => (d.roles[0]!.transitions[0]!.updates!.seen = '(event.x == "a" ? {"a"} : {}) + (event.x == "b" ? {"b"} : {}) + (event.x == "c" ? {"c"} : {}) + seen')));
    const r = exploreV2(m);
    expect(r.verdict).toBe('ok');
    expect(r.states).toBe(64);
  });

  it('parse sets: braces, "in" at the level of "<", a quantifier over any set expression', () => {
    const guard = (g: string): [string, string][] => errors(design((d) => (d.roles[0]!.transitions[0]!.guard = g)));
    expect(guard('seen == {"a"')).toEqual([['/roles/0/transitions/0/guard', 'syntax']]);
    expect(guard('forall x in : true')).toEqual([['/roles/0/transitions/0/guard', 'syntax']]);
    expect(guard('card(seen) + 1 > 1 == event.x in seen')).toEqual([]);
    expect(guard('forall x in seen + {event.x}: x in seen || x == event.x')).toEqual([]);
    expect(guard('count k in {1, 2, 3}: slot[k]) >= 0')).toEqual([['/roles/0/transitions/0/guard', 'syntax']]);
    expect(guard('(count k in {1, 2, 3}: slot[k]) >= 0')).toEqual([]);
  });

  it('the model names these vars (exportFeatures of kind set); SCXML refuses them by name, TypeScript translates them, the JSON export keeps them', async () => {
    const m = load(design());
    expect(featureTexts(m, 'set')).toEqual(['the var P.seen (a set)', 'the var P.tally (a map not keyed by a role)', 'the var P.slot (a map not keyed by a role)', 'the var P.flag (a map not keyed by a role)', 'set expressions ({…}, in, card)']);
    expect(featureTexts(m, 'tla')).toEqual([]);
    await expect(exportDesignV2(m, 'scxml')).rejects.toBeInstanceOf(ExportRefusal);
    await expect(exportDesignV2(m, 'scxml')).rejects.toThrow(/the var P\.seen \(a set\).*SCXML export does not translate/);
    expect((await exportDesignV2(m, 'ts')).map((f) => f.name)).toContain('role-P.ts');
    const json = await exportDesignV2(m, 'json');
    expect(JSON.parse(json[0]!.text)).toEqual(m.design);
  });
});

describe('symmetry over sets and enum-keyed maps', () => {
  const symmetric = (edit: (d: DesignV2) => void = () => {}): DesignV2 =>
    design((d) => {
      d.roles[0]!.vars = d.roles[0]!.vars!.slice(0, 2);
      d.roles[0]!.events = d.roles[0]!.events!.slice(0, 1);
      d.roles[0]!.transitions = d.roles[0]!.transitions.slice(0, 1);
      d.invariants = d.invariants!.slice(0, 1);
      d.symmetry = { values: [['a', 'b', 'c']] };
      edit(d);
    });

  it('a set of symmetric values and a map keyed by them: one class per number of elements', () => {
    const full = exploreV2(load(symmetric((d) => delete d.symmetry)));
    const reduced = exploreV2(load(symmetric()));
    expect(full.states).toBe(8);
    expect(reduced.states).toBe(4);
    expect(reduced.depth).toBe(full.depth);
  });

  it('sets of a symmetric role\'s ids: 3 nodes each acking any of them are the 104 relations on 3 unlabeled points (OEIS A000595)', () => {
    const acks: DesignV2 = {
      format: 'protocol-studio',
      version: 2,
      name: 'acks',
      roles: [
        {
          name: 'Node',
          instances: 3,
          vars: [{ name: 'got', type: { set: { id: 'Node' } }, initial: [] }],
          states: [{ name: 'on', initial: true }],
          events: [{ name: 'Ack', source: 'internal', payload: [{ name: 'n', type: { id: 'Node' } }] }],
          transitions: [{ id: 'ack', from: 'on', event: 'Ack', guard: '!(event.n in got)', updates: { got: 'got + {event.n}' } }],
        },
      ],
      invariants: [{ name: 'Bounded', expr: 'forall a in Node: card(a.got) <= 3 && (forall b in a.got: b.got <= {a, b} + b.got)' }],
      symmetry: { roles: ['Node'] },
    };
    const full = exploreV2(load({ ...acks, symmetry: undefined } as DesignV2));
    const reduced = exploreV2(load(acks));
    expect(full.states).toBe(512);
    expect(reduced.states).toBe(104);
    expect([reduced.verdict, reduced.depth]).toEqual(['ok', full.depth]);
    expect(errors({ ...acks, roles: [{ ...acks.roles[0]!, vars: [{ name: 'got', type: { set: { id: 'Node' } }, initial: ['Node[1]'] }] }] })).toEqual([['/roles/0/vars/0/initial', 'symmetry-unsound']]);
  });

  it('an initial set that singles out a symmetric value is refused', () => {
    expect(errors(symmetric((d) => (d.roles[0]!.vars![0]!.initial = ['a'])))).toEqual([['/roles/0/vars/0/initial', 'symmetry-unsound']]);
    expect(errors(symmetric((d) => (d.roles[0]!.vars![0]!.initial = ['a', 'b', 'c'])))).toEqual([]);
  });
});
