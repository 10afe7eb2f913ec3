import type { DesignV2 } from '../../../model/v2/schema';

/**
 * Test support: a design with nested maps (docs/format-v2.md §2): `m` keyed by instances at two
 * levels, `t` three levels deep (bool, an enum, an int range), read of another instance
 * (`p.t[…][…][…]`), written as `m[a][b]` and checked by a step invariant over primes.
 */
export function nestedDesign(edit: (d: DesignV2) => void = () => {}): DesignV2 {
  const d: DesignV2 = {
    format: 'protocol-studio',
    version: 2,
    name: 'nested',
    roles: [
      {
        name: 'P',
        instances: 2,
        vars: [
          { name: 'm', type: { map: { from: 'P', to: { map: { from: 'P', to: 'bool' } } } }, initial: false },
          { name: 't', type: { map: { from: 'bool', to: { map: { from: { enum: ['x', 'y', 'z'] }, to: { map: { from: { int: [1, 2] }, to: { int: [0, 1] } } } } } } }, initial: 0 },
        ],
        states: [{ name: 'on', initial: true }],
        events: [
          { name: 'Set', source: 'internal', payload: [{ name: 'a', type: { id: 'P' } }, { name: 'b', type: { id: 'P' } }] },
          { name: 'Tick', source: 'internal', payload: [{ name: 'i', type: { int: [1, 2] } }] },
        ],
        transitions: [
          { id: 'set', from: 'on', event: 'Set', guard: '!m[event.a][event.b]', updates: { 'm[event.a][event.b]': 'true' }, invariants: [{ name: 'OneEntry', expr: "m'[event.a][event.b] && (forall q in P: q == event.b || m'[event.a][q] == m[event.a][q])" }] },
          { id: 'tick', from: 'on', event: 'Tick', guard: 't[true]["y"][event.i] == 0 && self == P[1]', updates: { 't[true]["y"][event.i]': '1' } },
        ],
      },
    ],
    invariants: [{ name: 'TicksOnlyY', expr: 'forall p in P: p.t[false]["y"][1] + p.t[true]["x"][2] + p.t[true]["z"][1] == 0' }],
  };
  edit(d);
  return d;
}


/** The same with `t` a nested map of sets (bool, then instances, to sets of an enum), written from another entry. */
export function nestedSetsDesign(): DesignV2 {
  return nestedDesign((d) => {
    (d.roles[0]!.vars![1] as { type: unknown }).type = { map: { from: 'bool', to: { map: { from: 'P', to: { set: { enum: ['v1', 'v2'] } } } } } };
    d.roles[0]!.vars![1]!.initial = ['v2'];
    d.roles[0]!.transitions[1]!.guard = 'card(t[true][self]) < 2';
    d.roles[0]!.transitions[1]!.updates = { 't[true][self]': 't[false][P[2]] + {"v1"}' };
    d.invariants = [{ name: 'KeepsV2', expr: 'forall p in P: "v2" in p.t[true][p]' }];
  });
}
