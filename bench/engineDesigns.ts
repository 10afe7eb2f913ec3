/**
 * The scalable family of the engine benchmark: a key-value register whose size grows with the
 * number of requests, the fault budgets and the payload domain.
 */
export interface FamilyParams {
  readonly requests: number;
  readonly budget: number;
  readonly values: number;
  readonly reorder?: boolean;
}

export function registerDesign(p: FamilyParams): Record<string, unknown> {
  return {
    format: 'protocol-studio',
    version: 1,
    name: `register r${p.requests} b${p.budget} v${p.values}${p.reorder ? ' reorder' : ''}`,
    vars: [
      { name: 'value', type: { int: [0, p.values] }, initial: 0, storage: 'durable' },
      { name: 'writes', type: { int: [0, 8] }, initial: 0, storage: 'ghost' },
    ],
    states: [{ name: 'Serving', initial: true }],
    events: [
      {
        name: 'Put',
        source: 'client',
        payload: [{ name: 'value', type: { int: [1, p.values] } }],
        retry: { maxAttempts: 2 },
        idempotency: 'durable',
      },
    ],
    transitions: [{ from: 'Serving', event: 'Put', to: 'Serving', updates: { value: 'event.value', writes: 'writes + 1' } }],
    invariants: [
      { name: 'one write per request', expr: 'writes <= sent.Put' },
      { name: 'acked writes are visible', expr: 'acked.Put > 0 => value != 0' },
    ],
    environment: {
      requests: p.requests,
      network: { drop: p.budget, duplicate: p.budget, reorder: p.reorder ?? false },
      crashes: Math.min(p.budget, 1),
    },
  };
}
