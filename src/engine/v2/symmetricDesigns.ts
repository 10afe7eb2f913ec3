import fc from 'fast-check';
import type { DesignV2 } from '../../model/v2/schema';

/** Test helper: small designs symmetric by construction (N's instances and the values a/b interchangeable), for `symmetry.test.ts`. */

export interface Shape {
  readonly n: number;
  readonly transitions: readonly number[];
  readonly invariants: readonly number[];
  readonly network: 'pool' | 'channels';
  readonly crashes: number;
  readonly values: boolean;
  readonly befriend: boolean;
}

const N_TRANSITIONS = [
  { id: 'bump', from: 'idle', event: 'Bump', guard: 'x < 2', updates: { x: 'x + 1' } },
  { id: 'choose', from: 'idle', event: 'Choose', guard: 'pick == "none"', updates: { pick: 'event.v == "a" ? "a" : "b"' } },
  { id: 'copy', from: 'idle', event: 'Copy', guard: 'event.p != self && event.p.pick != "none" && pick == "none"', updates: { pick: 'event.p.pick' } },
  { id: 'tell', from: 'idle', event: 'Tell', guard: '!seen[event.p] && event.p != self', updates: { 'seen[event.p]': 'true' }, send: [{ message: 'Ping', to: 'event.p', payload: { v: 'pick' } }] },
  { id: 'ping', from: 'idle', receive: 'Ping', updates: { x: 'x < 2 ? x + 1 : x', 'seen[sender]': 'true', pick: 'pick == "none" ? event.v : pick' } },
  { id: 'finish', from: 'idle', event: 'Finish', guard: 'pick != "none"', to: 'done', send: [{ message: 'Hello', to: 'C', payload: { v: 'pick == "a" ? "a" : "b"' } }] },
  { id: 'befriend', from: 'idle', event: 'Befriend', guard: 'event.p != friend && event.p != self', updates: { friend: 'event.p' } },
];

const INVARIANTS = [
  { name: 'Agreement', expr: 'forall a, b in N: a.pick == "none" || b.pick == "none" || a.pick == b.pick' },
  { name: 'NotTwoFull', expr: '(count a in N: a.x == 2) < 2' },
  { name: 'TallyDone', expr: 'forall a in N: C.tally[a] == "none" || a.state == "done"' },
  { name: 'FriendsDiffer', expr: 'forall a in N: a.friend != a || a.x == 0' },
  { name: 'FirstStable', kind: 'step' as const, expr: 'C.first == "none" || C.first\' == C.first' },
];

/** A small design symmetric by construction: N's instances and the values a/b are interchangeable. */
export function designOf(s: Shape): DesignV2 {
  const vars = [
    { name: 'x', type: { int: [0, 2] }, initial: 0 },
    { name: 'pick', type: { enum: ['a', 'b', 'none'] }, initial: 'none' },
    { name: 'seen', type: { map: { from: 'N', to: 'bool' } }, initial: false },
    ...(s.befriend ? [{ name: 'friend', type: { id: 'N' }, initial: Array.from({ length: s.n }, (_, i) => `N[${i + 1}]`) }] : []),
  ];
  const transitions = s.transitions.map((k) => N_TRANSITIONS[k]!).filter((t) => s.befriend || t.id !== 'befriend');
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'symmetric',
    messages: [
      { name: 'Ping', from: 'N', to: 'N', payload: [{ name: 'v', type: { enum: ['a', 'b', 'none'] } }] },
      { name: 'Hello', from: 'N', to: 'C', payload: [{ name: 'v', type: { enum: ['a', 'b'] } }] },
    ],
    roles: [
      {
        name: 'N',
        instances: s.n,
        vars,
        states: [{ name: 'idle', initial: true }, { name: 'done', final: true }],
        events: [
          { name: 'Bump', source: 'internal' },
          { name: 'Choose', source: 'internal', payload: [{ name: 'v', type: { enum: ['a', 'b'] } }] },
          { name: 'Copy', source: 'internal', payload: [{ name: 'p', type: { id: 'N' } }] },
          { name: 'Tell', source: 'internal', payload: [{ name: 'p', type: { id: 'N' } }] },
          { name: 'Finish', source: 'internal' },
          { name: 'Befriend', source: 'internal', payload: [{ name: 'p', type: { id: 'N' } }] },
        ],
        transitions: transitions.length ? transitions : [N_TRANSITIONS[0]!],
      },
      {
        name: 'C',
        vars: [
          { name: 'tally', type: { map: { from: 'N', to: { enum: ['a', 'b', 'none'] } } }, initial: 'none' },
          { name: 'first', type: { enum: ['a', 'b', 'none'] }, initial: 'none' },
        ],
        states: [{ name: 'up', initial: true }],
        transitions: [{ from: 'up', receive: 'Hello', updates: { 'tally[sender]': 'event.v == "a" ? "a" : "b"', first: 'first == "none" ? (event.v == "a" ? "a" : "b") : first' } }],
      },
    ],
    invariants: s.invariants.map((k) => INVARIANTS[k]!).filter((i) => s.befriend || i.name !== 'FriendsDiffer'),
    symmetry: { roles: ['N'], ...(s.values ? { values: [['a', 'b']] } : {}) },
    environment: { network: { model: s.network, ...(s.network === 'channels' ? { capacity: 1 } : {}) }, crashes: s.crashes, checks: { deadlock: false } },
  } as DesignV2;
}

/** With three instances at most four kinds of transition, so the full search stays small (under ~30,000 configurations). */
export const shapes = fc.integer({ min: 2, max: 3 }).chain((n) => fc.record({
  n: fc.constant(n),
  transitions: fc.uniqueArray(fc.integer({ min: 0, max: N_TRANSITIONS.length - 1 }), { minLength: 1, maxLength: n === 3 ? 4 : N_TRANSITIONS.length }),
  invariants: fc.uniqueArray(fc.integer({ min: 0, max: INVARIANTS.length - 1 }), { maxLength: 3 }),
  network: fc.constantFrom<'pool' | 'channels'>('pool', 'channels'),
  crashes: fc.integer({ min: 0, max: 1 }),
  values: fc.boolean(),
  befriend: fc.boolean(),
}));
