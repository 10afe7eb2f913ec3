import type { DesignV2 } from '../../../model/v2/schema';

/**
 * Test support: a design whose instances choose how they start (docs/format-v2.md §2), for the
 * exporters' tests. `Voter` has two initial states and a ghost var listing two values; `Tally`
 * holds a map whose entries each choose; `initially` keeps 48 of the 64 combinations, so the
 * first combination is not always the first configuration's. The listed map is called
 * `__proto__`, so a key written carelessly in an object literal would set a prototype instead. A crash lets an instance restart in the initial state it chose.
 */
export function startsDesign(): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'initial choices',
    messages: [{ name: 'Vote', from: 'Voter', to: 'Tally', payload: [{ name: 'value', type: { enum: ['yes', 'no'] } }] }],
    roles: [
      {
        name: 'Voter',
        instances: 2,
        vars: [{ name: 'ballots', type: { int: [0, 3] }, initial: [0, 1], storage: 'ghost' }],
        states: [{ name: 'yes', initial: true }, { name: 'no', initial: true }, { name: 'voted' }],
        events: [{ name: 'Cast', source: 'internal' }],
        transitions: [
          { id: 'vote yes', from: 'yes', event: 'Cast', to: 'voted', send: [{ message: 'Vote', to: 'Tally', payload: { value: '"yes"' } }], updates: { ballots: 'ballots + 1' } },
          { id: 'vote no', from: 'no', event: 'Cast', to: 'voted', send: [{ message: 'Vote', to: 'Tally', payload: { value: '"no"' } }], updates: { ballots: 'ballots + 1' } },
        ],
      },
      {
        name: 'Tally',
        vars: [
          { name: '__proto__', type: { map: { from: 'Voter', to: 'bool' } }, initial: [false, true] },
          { name: 'yeses', type: { int: [0, 2] }, initial: 0 },
        ],
        states: [{ name: 'open', initial: true }],
        transitions: [{ id: 'count', from: 'open', receive: 'Vote', guard: 'event.value == "yes"', updates: { yeses: 'yeses + 1', '__proto__[sender]': 'true' } }],
        invariants: [{ name: 'at most two', expr: 'yeses <= 2' }],
      },
    ],
    initially: 'Voter[1].state == "yes" || Tally.__proto__[Voter[1]]',
    environment: { crashes: 1 },
  } as DesignV2;
}
