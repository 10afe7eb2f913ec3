import { nestedDesign } from '../../export/v2/testing/nestedDesign';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { exportDesignV2 } from '../../export/v2/index';
import { ExportRefusal } from '../../export/v2/refusal';
import { updateTarget } from './compileModel';
import { loadDesignValueV2 } from './load';
import type { ModelV2 } from './model';
import type { DesignV2 } from './schema';

/**
 * Nested maps (docs/format-v2.md §2, §4, §5): `{ "map": { "from": K1, "to": { "map": … } } }`,
 * read as `m[a][b]`, updated as `"m[a][b]": e`; the loading rules, refusals and what the entries hold.
 */

/** Two instances of P, each with a matrix `m[p][q]` over P and a three-level map `t[b][e][i]`. */
const design = nestedDesign;

function load(d: DesignV2): ModelV2 {
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}

function errors(d: DesignV2): [string, string, string][] {
  const r = loadDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.message]);
}

const setType = (d: DesignV2, k: number, t: unknown): void => {
  (d.roles[0]!.vars![k] as { type: unknown }).type = t;
};

describe('nested maps', () => {
  it('lay out one slot per entry, the first key major', () => {
    const model = load(design());
    const [m, t] = model.roles[0]!.vars;
    expect([m!.width, t!.width]).toEqual([4, 12]);
    expect(m!.keys).toEqual({ kind: 'id', role: 0 });
    expect(m!.inner).toEqual([{ kind: 'id', role: 0 }]);
    expect(t!.inner.map((k) => k.kind)).toEqual(['enum', 'int']);
    expect(t!.offset).toBe(m!.offset + 4);
  });

  it('explore every combination: each instance sets any of its 4 entries (2^4 × 2^4), and P[1] ticks t[true]["y"][1], [2] (× 4)', () => {
    const r = exploreV2(load(design()));
    expect(r.verdict).toBe('ok');
    expect(r.states).toBe(256 * 4);
    expect(r.depth).toBe(8 + 2);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('write the entry its keys name: m[P[2]][P[1]] is slot 2 of m, t[true]["y"][2] slot 6 + 2 + 1 of t', () => {
    const model = load(design((d) => {
      d.roles[0]!.transitions[0]!.guard = 'event.a == P[2] && event.b == P[1] && self == P[2]';
      d.roles[0]!.transitions[1]!.guard = 'event.i == 2 && self == P[1]';
    }));
    const r = exploreV2(model);
    expect(r.states).toBe(4);
    const [m, t] = model.roles[0]!.vars;
    const p2 = model.roles[0]!.bases[1]!;
    const p1 = model.roles[0]!.bases[0]!;
    // Walk: P[2] sets, P[1] ticks; read the slots directly.
    const after = model.initial.slice();
    after[p2 + m!.offset + 2] = 1;
    after[p1 + t!.offset + 6 + 2 + 1] = 1;
    const view = viewConfigurationV2(model, after);
    expect(view.instances[1]!.vars['m']).toEqual({ 'P[1]': '{P[1]: false, P[2]: false}', 'P[2]': '{P[1]: true, P[2]: false}' });
    expect(view.instances[0]!.vars['t']).toEqual({ false: '{x: {1: 0, 2: 0}, y: {1: 0, 2: 0}, z: {1: 0, 2: 0}}', true: '{x: {1: 0, 2: 0}, y: {1: 0, 2: 1}, z: {1: 0, 2: 0}}' });
  });

  it('read another instance\'s entry, quantify over the inner keys, and prime an entry in a step invariant', () => {
    const r = exploreV2(load(design((d) => {
      d.invariants = [{ name: 'Symmetric', expr: 'forall p, q in P: P[1].m[p][q] == P[2].m[q][p]' }];
    })));
    expect(r.verdict).toBe('violation');
    expect(r.violations[0]!.name).toBe('Symmetric');
    expect(r.violations[0]!.depth).toBe(1);
    const step = exploreV2(load(design((d) => {
      d.roles[0]!.transitions[0]!.invariants = [{ name: 'Unchanged', expr: "m'[event.a][event.b] == m[event.a][event.b]" }];
    })));
    expect(step.violations[0]!.name).toBe('Unchanged');
  });

  it('an int key outside its range is an evaluation error with the sentence of one-level maps', () => {
    const r = exploreV2(load(design((d) => {
      d.roles[0]!.events![1]!.payload![0]!.type = { int: [1, 3] };
      d.roles[0]!.transitions[1]!.guard = 'self == P[1]';
    })));
    expect(r.verdict).toBe('violation');
    const v = r.violations.find((x) => x.kind === 'eval-error')!;
    expect(v.name).toBe('tick');
    expect(v.detail).toMatch(/the key 3 of t is outside its keys 1\.\.2/);
  });

  it('two updates of one entry: the later key wins, as for one-level maps', () => {
    const model = load(design((d) => {
      d.roles[0]!.transitions[0]!.guard = 'self == P[1] && event.a == P[1] && event.b == P[1] && !m[event.a][event.b]';
      d.roles[0]!.transitions[0]!.updates = { 'm[event.a][event.b]': 'true', 'm[ P[1] ][ P[1] ]': 'false' };
      d.roles[0]!.transitions[0]!.invariants = [];
    }));
    const r = exploreV2(model);
    // The step changes nothing: the only configuration besides the ticks'.
    expect(r.states).toBe(4);
  });

  it('refuse a wrong number of keys, a whole inner map, a literal key outside its range, and mismatched key types, at their place', () => {
    const cases: [(d: DesignV2) => void, string, string, RegExp][] = [
      [(d) => (d.roles[0]!.transitions[0]!.guard = 'm[event.a]'), '/roles/0/transitions/0/guard', 'map-needs-index', /m is a nested map: read one entry, as in m\[P\[1\]\]\[P\[1\]\]/],
      [(d) => (d.roles[0]!.transitions[0]!.guard = 'm[event.a][event.b][event.a]'), '/roles/0/transitions/0/guard', 'map-needs-index', /m has 2 key levels.*this gives 3 keys/],
      [(d) => (d.roles[0]!.transitions[0]!.guard = 'P[1].m == P[2].m'), '/roles/0/transitions/0/guard', 'map-needs-index', /m is a map; read one entry, as in .*\.m\[P\[1\]\]\[P\[1\]\]/],
      [(d) => (d.roles[0]!.transitions[1]!.guard = 't[true]["y"][3] == 0'), '/roles/0/transitions/1/guard', 'bad-key', /t's key 3 is 1 to 2, not 3/],
      [(d) => (d.roles[0]!.transitions[1]!.guard = 't[true][1]["y"] == 0'), '/roles/0/transitions/1/guard', 'type-mismatch', /t's key 2 is a value of the enum/],
      [(d) => (d.roles[0]!.transitions[0]!.updates = { 'm[event.a]': 'true' }), '/roles/0/transitions/0/updates/m[event.a]', 'map-index', /m is a nested map: assign one entry, as in "m\[sender\]\[P\[1\]\]" \(2 keys, not 1\)/],
      [(d) => (d.roles[0]!.transitions[0]!.updates = { 'm[event.a][event.b': 'true' }), '/roles/0/transitions/0/updates/m[event.a][event.b', 'unknown-var', /is not a var or a map entry/],
    ];
    for (const [edit, path, code, message] of cases) {
      const found = errors(design(edit));
      expect(found.map(([p, c]) => [p, c])).toContainEqual([path, code]);
      expect(found.find(([p, c]) => p === path && c === code)![2]).toMatch(message);
    }
  });

  it('refuse more than 1,024 entries in all and more than three levels before sizing anything', () => {
    const wide = errors(design((d) => setType(d, 1, { map: { from: { int: [0, 63] }, to: { map: { from: { int: [0, 16] }, to: 'bool' } } } })));
    expect(wide).toContainEqual(['/roles/0/vars/1/type', 'map-too-large', 'A map has at most 1024 entries (one slot each; a nested map\'s are the product of its levels\' key counts); this type has 1088 or more.']);
    const huge = errors(design((d) => setType(d, 1, { map: { from: { int: [0, 1000] }, to: { map: { from: { int: [0, 1000] }, to: { map: { from: { int: [0, 1000] }, to: 'bool' } } } } } })));
    expect(huge.map(([p, c]) => [p, c])).toEqual([['/roles/0/vars/1/type', 'map-too-large']]);
    const deep = errors(design((d) => setType(d, 1, { map: { from: 'bool', to: { map: { from: 'bool', to: { map: { from: 'bool', to: { map: { from: 'bool', to: 'bool' } } } } } } } })));
    expect(deep).toContainEqual(['/roles/0/vars/1/type/map/to/map/to/map/to', 'map-too-deep', 'Maps nest at most 3 deep (m[a][b][c]); this one goes deeper.']);
    const badInner = errors(design((d) => setType(d, 1, { map: { from: 'bool', to: { map: { from: 'Nobody', to: 'bool' } } } })));
    expect(badInner.map(([p, c]) => [p, c])).toEqual([['/roles/0/vars/1/type/map/to/map/from', 'unknown-role']]);
    const badLeaf = errors(design((d) => setType(d, 1, { map: { from: 'bool', to: { map: { from: 'bool', to: { int: [0] } } } } })));
    expect(badLeaf[0]![0]).toBe('/roles/0/vars/1/type/map/to/map/to/int');
  });

  it('a nested map of sets starts with the listed set at every entry', () => {
    const model = load(design((d) => {
      setType(d, 1, { map: { from: 'bool', to: { map: { from: 'P', to: { set: { enum: ['v1', 'v2'] } } } } } });
      d.roles[0]!.vars![1]!.initial = ['v2'];
      d.roles[0]!.transitions[1]!.guard = 'event.i == 9';
      d.roles[0]!.transitions[1]!.updates = { 't[true][self]': 't[false][P[2]] + {"v1"}' };
      d.invariants = [];
    }));
    expect(viewConfigurationV2(model, model.initial).instances[0]!.vars['t']).toEqual({ false: '{P[1]: {v2}, P[2]: {v2}}', true: '{P[1]: {v2}, P[2]: {v2}}' });
  });

  it('Promela and the TypeScript targets translate a nested map (walked against the engine: system.property.test.ts; Spin: src/cli/spin/crossCheckV2.test.ts); SCXML refuses it by name; Mermaid and JSON export it', async () => {
    const model = load(design());
    // t, keyed by bool at its first level, is also a map keyed by values (§2).
    expect(model.exportFeatures).toEqual([{ kind: 'nestedMap', what: 'the var P.m (a nested map)' }, { kind: 'nestedMap', what: 'the var P.t (a nested map)' }, { kind: 'set', what: 'the var P.t (a map not keyed by a role)' }]);
    await expect(exportDesignV2(model, 'scxml')).rejects.toBeInstanceOf(ExportRefusal);
    await expect(exportDesignV2(model, 'scxml')).rejects.toThrow('this design uses the var P.m (a nested map), the var P.t (a nested map), the var P.t (a map not keyed by a role), which the SCXML export does not translate (docs/format-v2.md §15, §16: the ts, xstate, harness, monitor and promela exports do)');
    const role = (await exportDesignV2(model, 'ts')).find((f) => f.name === 'role-P.ts')!.text;
    expect(role).toMatch(/Record<"false" \| "true", Record<"x" \| "y" \| "z", Record<number, number>>>/);
    // Several initial values of a nested map: TypeScript refuses that one case by name.
    const listed = load(design((d) => (d.roles[0]!.vars![0]!.initial = [false, true])));
    await expect(exportDesignV2(listed, 'ts')).rejects.toThrow('this design uses the var P.m (a nested map with several initial values), which the TypeScript export does not translate (docs/format-v2.md §16: the promela export does)');
    await expect(exportDesignV2(listed, 'harness')).rejects.toThrow('which the harness export does not translate (docs/format-v2.md §16: the promela export does)');
    expect((await exportDesignV2(listed, 'promela'))[0]!.text).toContain('int r0_v1[24];');
    // t[false]["y"][1] of P[1] is entry (0 × 3 + 1) × 2 + 0 = 2 of its 12; P[2]'s entries follow.
    const pml = (await exportDesignV2(model, 'promela'))[0]!.text;
    expect(pml).toContain('int r0_v1[24];');
    expect(pml).toContain('assert(((((r0_v1[2] + r0_v1[7]) + r0_v1[10]) == 0) && (((r0_v1[14] + r0_v1[19]) + r0_v1[22]) == 0))); /* invariant TicksOnlyY */');
    const json = await exportDesignV2(model, 'json');
    expect(JSON.parse(json[0]!.text).roles[0].vars[0].type).toEqual({ map: { from: 'P', to: { map: { from: 'P', to: 'bool' } } } });
    expect((await exportDesignV2(model, 'mermaid')).length).toBeGreaterThan(0);
  });

  it('split an update\'s key into the var and its keys (brackets and quoted text inside a key)', () => {
    expect(updateTarget('x')).toEqual({ name: 'x', keys: [] });
    expect(updateTarget(' m [a] [ b ] ')).toEqual({ name: 'm', keys: ['a', ' b '] });
    expect(updateTarget('m[RM[1]]["a]"]')).toEqual({ name: 'm', keys: ['RM[1]', '"a]"'] });
    expect(updateTarget('m[a]x')).toBeNull();
    expect(updateTarget('m[a')).toBeNull();
    expect(updateTarget('1m')).toBeNull();
  });
});
