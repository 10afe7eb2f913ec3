import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/** The design key `symmetry` (docs/format-v2.md §18): what is accepted, and each refusal at its place. */

function design(edit: (d: DesignV2) => void = () => {}): DesignV2 {
  const d = {
    format: 'protocol-studio',
    version: 2,
    name: 'sym',
    messages: [{ name: 'Vote', from: 'N', to: 'C', payload: [{ name: 'v', type: { enum: ['a', 'b'] } }] }],
    roles: [
      {
        name: 'N',
        instances: 3,
        vars: [
          { name: 'pick', type: { enum: ['a', 'b', 'none'] }, initial: 'none' },
          { name: 'heard', type: { map: { from: 'N', to: 'bool' } }, initial: false },
        ],
        states: [{ name: 'idle', initial: true }],
        events: [{ name: 'Choose', source: 'internal', payload: [{ name: 'v', type: { enum: ['a', 'b'] } }] }],
        transitions: [{ from: 'idle', event: 'Choose', guard: 'pick == "none"', updates: { pick: 'event.v == "a" ? "a" : "b"' }, send: [{ message: 'Vote', to: 'C', payload: { v: 'event.v' } }] }],
      },
      { name: 'C', states: [{ name: 'up', initial: true }], transitions: [{ from: 'up', receive: 'Vote' }] },
    ],
    invariants: [{ name: 'Agree', expr: 'forall x, y in N: x.pick == "none" || y.pick == "none" || x.pick == y.pick' }],
    symmetry: { roles: ['N'], values: [['a', 'b']] },
    environment: { network: { model: 'pool' } },
  } as DesignV2;
  edit(d);
  return d;
}

function errorsOf(d: DesignV2): { path: string; code: string; message: string }[] {
  const r = loadDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => ({ path: e.path, code: e.code, message: e.message }));
}

const role = (d: DesignV2) => d.roles[0]! as { transitions: { guard?: string }[]; vars: { initial: unknown; type: unknown }[] };

describe('symmetry: the design key', () => {
  it('a design whose roles and values are used alike loads, with the roles and sets resolved', () => {
    const r = loadDesignValueV2(design());
    expect(r.ok && r.model.symmetry).toEqual({ roles: [0], values: [['a', 'b']] });
  });

  it('without the key the model has no symmetry', () => {
    const r = loadDesignValueV2(design((d) => delete d.symmetry));
    expect(r.ok && r.model.symmetry).toBeUndefined();
  });

  it('refuses an expression that numbers a symmetric role\'s instances: N[1], index(i), N[e]', () => {
    for (const guard of ['self != N[1]', 'index(self) == 2', 'N[index(self) % 3 + 1].pick == "none"']) {
      const errors = errorsOf(design((d) => (role(d).transitions[0]!.guard = guard)));
      expect(errors.map((e) => [e.path, e.code])).toEqual([['/symmetry/roles/0', 'symmetry-unsound']]);
      expect(errors[0]!.message).toContain('/roles/0/transitions/0/guard');
    }
    // The same expressions are fine when N is not declared symmetric.
    expect(errorsOf(design((d) => ((role(d).transitions[0]!.guard = 'self != N[1]'), (d.symmetry = { values: [['a', 'b']] }))))).toEqual([]);
  });

  it('refuses an invariant that names an instance', () => {
    const errors = errorsOf(design((d) => d.invariants!.push({ name: 'First', expr: 'N[1].pick != "b"' })));
    expect(errors.map((e) => e.code)).toEqual(['symmetry-unsound']);
    expect(errors[0]!.message).toContain('/invariants/1/expr');
  });

  it('refuses an enum type holding part of a symmetric set, naming the type', () => {
    const errors = errorsOf(design((d) => (d.symmetry = { values: [['a', 'b', 'none']] })));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['/symmetry/values/0', 'symmetry-unsound']]);
    expect(errors[0]!.message).toMatch(/\/messages\/0\/payload\/0\/type|\/roles\/0\/events\/0\/payload\/0\/type/);
  });

  it('refuses initial values that single out an instance or a value; a list of them all is fine', () => {
    expect(errorsOf(design((d) => (role(d).vars[0]!.initial = 'a'))).map((e) => [e.path, e.code])).toEqual([['/roles/0/vars/0/initial', 'symmetry-unsound']]);
    expect(errorsOf(design((d) => (role(d).vars[0]!.initial = ['a', 'b'])))).toEqual([]);
    const withId = (initial: unknown) => design((d) => role(d).vars.push({ type: { id: 'N' }, initial, name: 'leader' } as never));
    expect(errorsOf(withId('N[1]')).map((e) => [e.path, e.code])).toEqual([['/roles/0/vars/2/initial', 'symmetry-unsound']]);
    expect(errorsOf(withId(['N[1]', 'N[2]', 'N[3]']))).toEqual([]);
  });

  it('refuses unknown or repeated names, too small sets, values no type holds, an empty key, and too many permutations', () => {
    const codes = (edit: (d: DesignV2) => void) => errorsOf(design(edit)).map((e) => [e.path, e.code]);
    expect(codes((d) => (d.symmetry = { roles: ['M'] }))).toEqual([['/symmetry/roles/0', 'unknown-role']]);
    expect(codes((d) => (d.symmetry = { roles: ['N', 'N'] }))).toEqual([['/symmetry/roles/1', 'duplicate-name']]);
    expect(codes((d) => (d.symmetry = { values: [['a']] }))).toEqual([['/symmetry/values/0', 'symmetry-too-small']]);
    expect(codes((d) => (d.symmetry = { values: [['x', 'y']] }))).toEqual([['/symmetry/values/0', 'unknown-value']]);
    expect(codes((d) => (d.symmetry = {}))).toEqual([['/symmetry', 'symmetry-empty']]);
    expect(codes((d) => (d.roles[0]!.instances = 8))).toEqual([['/symmetry', 'too-many']]);
    expect(codes((d) => (d.symmetry = { roles: ['N'], values: [['a', 'b']], extra: 1 } as never)).map(([p]) => p)).toEqual(['/symmetry/extra']);
  });
});
