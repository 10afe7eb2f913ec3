import type { DesignV2 } from '../../../model/v2/schema';

/**
 * Test support: a design with sets of every element type (an enum with a value called
 * `__proto__`, ints, bools, instances), maps keyed by an enum, an int range and bool (one to
 * sets), every set form of docs/format-v2.md §5, listed initial sets, reads of another instance's
 * set, and the evaluation errors: a map key outside its ints (`Mark`'s 0 and 4) and an int added
 * outside a set's elements (`Push`'s 3).
 */
export function setsDesign(): DesignV2 {
  const people = ['a', 'b', '__proto__'];
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'sets everywhere',
    environment: { network: { model: 'pool' }, crashes: 1 },
    messages: [{ name: 'Hi', from: 'P', to: 'P', payload: [{ name: 'n', type: { int: [0, 3] } }] }],
    roles: [
      {
        name: 'P',
        instances: 2,
        vars: [
          { name: 'seen', type: { set: { enum: people } }, initial: [] },
          { name: 'tally', type: { map: { from: { enum: people }, to: { int: [0, 1] } } }, initial: 0 },
          { name: 'slot', type: { map: { from: { int: [1, 3] }, to: 'bool' } }, initial: false, storage: 'volatile' },
          { name: 'flag', type: { map: { from: 'bool', to: { set: { int: [0, 2] } } } }, initial: [] },
          { name: 'peers', type: { set: { id: 'P' } }, initial: [[], ['P[2]']] },
          { name: 'bits', type: { set: 'bool' }, initial: [true], storage: 'ghost' },
        ],
        states: [{ name: 'on', initial: true }, { name: 'off' }],
        events: [
          { name: 'Add', source: 'internal', payload: [{ name: 'x', type: { enum: people } }] },
          { name: 'Mark', source: 'internal', payload: [{ name: 'k', type: { int: [0, 4] } }] },
          { name: 'Push', source: 'internal', payload: [{ name: 'k', type: { int: [0, 3] } }] },
          { name: 'Hello', source: 'internal' },
          { name: 'Clear', source: 'internal' },
        ],
        transitions: [
          { id: 'add', from: 'on', event: 'Add', guard: '!(event.x in seen) && seen < {"a", "b", "__proto__"}', updates: { seen: 'seen + {event.x}', 'tally[event.x]': '1' } },
          { id: 'mark', from: 'on', event: 'Mark', guard: '!slot[event.k]', updates: { 'slot[event.k]': 'true', 'flag[event.k == 2]': 'flag[event.k == 2] + {event.k - 1}' } },
          { id: 'push', from: ['on', 'off'], event: 'Push', guard: '!(event.k in flag[true]) && card(flag[true]) < 2', updates: { 'flag[true]': 'flag[true] + {event.k}' } },
          { id: 'hello', from: 'on', event: 'Hello', guard: 'card(peers) < 2 && (forall q in P: q == self || !(self in q.peers))', send: [{ message: 'Hi', toAll: true, payload: { n: 'card(seen)' } }] },
          { id: 'hi', from: ['on', 'off'], receive: 'Hi', guard: '!(sender in peers)', updates: { peers: 'peers + {sender}', bits: 'event.n > 0 ? bits - {true} + {false} : bits' } },
          { id: 'clear', from: 'on', event: 'Clear', guard: 'seen >= {"a"} && (exists x in seen: x != "b") && (count y in {1, 2, 2}: y > 0) == 2', to: 'off', updates: { seen: '{}', 'tally["a"]': '0', peers: 'card(peers) > 1 ? {} : peers - {self}' } },
          { id: 'again', from: 'off', event: 'Clear', guard: 'seen == {} && {false} <= bits', to: 'on' },
        ],
        invariants: [
          { name: 'Bits', expr: 'bits != {} && (true in bits || false in bits) && !(bits > {true, false})' },
          { name: 'Ints', expr: 'forall i in flag[false]: i >= 0 && i <= 2 && !(5 in flag[false])' },
        ],
      },
    ],
    invariants: [
      { name: 'Tallied', expr: 'forall p in P: forall x in p.seen: p.tally[x] == 1' },
      { name: 'Peers', expr: 'forall p in P: p.peers <= {P[1], P[2]} && (forall q, r in p.peers: q == r || card(p.peers) == 2)' },
      { name: 'FewSeen', expr: '(count x in P[1].seen: x != "b") <= 1 || P[1].seen * {"b"} == {}' },
    ],
  };
}
