import type { DesignV2 } from '../../../model/v2/schema';

/**
 * Test support: three nodes passing a token round a ring by instance number (`index(self)`,
 * `Node[index(self) % 3 + 1]`, docs/format-v2.md §5) on faulty channels with a crash. With
 * `overrun` the pass names `Node[index(self) + 1]` also from Node[3], which is no instance; with
 * `zero` its guard divides by `3 - index(self)`, zero at Node[3]: each an eval-error.
 */
export function ringDesign(variant: 'ok' | 'overrun' | 'zero' = 'ok'): DesignV2 {
  const overrun = variant === 'overrun';
  const next = 'Node[index(self) % 3 + 1]';
  return {
    format: 'protocol-studio',
    version: 2,
    name: variant === 'ok' ? 'ring by instance numbers' : variant === 'overrun' ? 'ring past its last node' : 'ring dividing by zero',
    messages: [{ name: 'Token', from: 'Node', to: 'Node', payload: [{ name: 'hops', type: { int: [0, 4] } }] }],
    roles: [
      {
        name: 'Node',
        instances: 3,
        vars: [{ name: 'seen', type: { int: [0, 3] }, initial: 0 }],
        states: [{ name: 'idle', initial: true }],
        events: [{ name: 'Start', source: 'internal' }],
        transitions: [
          { id: 'start', from: 'idle', event: 'Start', guard: 'index(self) == 1 && seen == 0', updates: { seen: '1' }, send: [{ message: 'Token', to: next, payload: { hops: '0' } }] },
          { id: 'pass', from: 'idle', receive: 'Token', guard: `event.hops < 4 && index(sender) != index(self)${variant === 'zero' ? ' && event.hops / (3 - index(self)) >= 0' : ''}`, updates: { seen: 'min(seen + 1, 3)' }, send: [{ message: 'Token', to: overrun ? 'Node[index(self) + 1]' : next, payload: { hops: 'event.hops + 1' } }] },
        ],
        invariants: [{ name: 'from the previous node', expr: 'seen <= 3' }],
      },
    ],
    environment: { crashes: 1, network: { model: 'channels', capacity: 2, drop: 1, duplicate: 1 } },
  } as DesignV2;
}
