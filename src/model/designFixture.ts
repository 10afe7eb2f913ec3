/**
 * A small valid design for loader tests (imported by *.test.ts only); each test changes a copy.
 * Kept as plain data so a test can break it in any way JSON allows.
 */
export function paymentDesign(): Record<string, unknown> {
  return {
    format: 'protocol-studio',
    version: 1,
    name: 'Payment',
    description: 'A charge with a payload.',
    vars: [
      { name: 'charges', type: { int: [0, 3] }, initial: 0, storage: 'ghost' },
      { name: 'mode', type: { enum: ['slow', 'fast'] }, initial: 'slow', storage: 'volatile' },
      { name: 'paid', type: 'bool', initial: false },
    ],
    states: [{ name: 'Idle', initial: true }, { name: 'Charged', final: true, storage: 'volatile' }],
    events: [
      { name: 'Charge', source: 'client', payload: [{ name: 'amount', type: { int: [1, 2] } }, { name: 'fast', type: 'bool' }], retry: { maxAttempts: 2 }, idempotency: 'durable' },
      { name: 'Tick', source: 'timer', afterMs: 100 },
    ],
    transitions: [
      {
        id: 'charge',
        from: 'Idle',
        event: 'Charge',
        to: 'Charged',
        guard: 'event.amount <= 2',
        updates: { charges: 'charges + 1', paid: 'true', mode: 'event.fast ? "fast" : "slow"' },
        ack: 'best-effort',
        invariants: [{ name: 'adds one', expr: "charges' == charges + 1" }],
      },
      { from: 'Charged', event: 'Tick', to: 'Charged', guard: 'charges > 0' },
      { from: 'Charged', event: '$restart', to: 'Idle' },
    ],
    invariants: [
      { name: 'at most once', expr: 'charges <= sent.Charge' },
      { name: 'never undone', expr: "paid => paid'", kind: 'step' },
    ],
    environment: { requests: 2, network: { drop: 1, duplicate: 0, reorder: true }, crashes: 1, checks: { deadlock: false } },
    layout: { Idle: { x: 0, y: 0 }, anything: ['goes', { 'x-here': 1 }] },
  };
}
