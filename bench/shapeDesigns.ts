/**
 * The shapes of design the engine benchmark covers beyond kv-register, each scalable, each with a
 * hand-specialized explorer in bench/specialized/ to compare against.
 */
export interface ChannelsParams {
  readonly requests: number;
  readonly drop: number;
  readonly duplicate: number;
  readonly crashes: number;
}

/**
 * Channel-heavy: a counter behind a reordering network with drop, duplicate and crash budgets,
 * three small vars (durable, volatile, ghost), two states, four transitions. Its configurations
 * are dominated by the channels' contents and the clients.
 */
export function channelsDesign(p: ChannelsParams): Record<string, unknown> {
  return {
    format: 'protocol-studio',
    version: 1,
    name: `channels r${p.requests} d${p.drop} u${p.duplicate} c${p.crashes}`,
    vars: [
      { name: 'total', type: { int: [0, 2] }, initial: 0, storage: 'durable' },
      { name: 'cache', type: { int: [0, 2] }, initial: 0, storage: 'volatile' },
      { name: 'moved', type: { int: [0, 3] }, initial: 0, storage: 'ghost' },
    ],
    states: [{ name: 'Open', initial: true }, { name: 'Full' }],
    events: [{ name: 'Add', source: 'client', retry: { maxAttempts: 2 } }],
    transitions: [
      { from: 'Open', event: 'Add', to: 'Open', guard: 'total < 1', updates: { total: 'total + 1', cache: 'min(cache + 1, 2)', moved: 'min(moved + 1, 3)' } },
      { from: 'Open', event: 'Add', to: 'Full', updates: { total: '2', moved: 'min(moved + 1, 3)' } },
      { from: 'Full', event: 'Add', to: 'Full', reply: 'error' },
      { from: 'Open', event: '$restart', to: 'Open', updates: { cache: 'total' } },
    ],
    invariants: [{ name: 'bounded', expr: 'total <= 2' }],
    environment: {
      requests: p.requests,
      network: { drop: p.drop, duplicate: p.duplicate, reorder: true },
      crashes: p.crashes,
      checks: { replay: false, deadlock: true },
    },
  };
}

export interface VarsParams {
  /** Pairs of vars: each pair is one durable and one volatile counter, 0..2. */
  readonly pairs: number;
  readonly crashes: number;
}

/**
 * Var-heavy: many small vars moved by internal and timer events, one client request, one crash
 * budget; configurations are dominated by the vars and the persisted record.
 */
export function varsDesign(p: VarsParams): Record<string, unknown> {
  const vars: Record<string, unknown>[] = [];
  const transitions: Record<string, unknown>[] = [];
  for (let i = 0; i < p.pairs; i++) {
    vars.push(
      { name: `d${i}`, type: { int: [0, 2] }, initial: 0, storage: 'durable' },
      { name: `v${i}`, type: { int: [0, 2] }, initial: 0, storage: 'volatile' },
    );
    const next = (i + 1) % p.pairs;
    // Step i moves pair i forward while the next pair lags, Sync copies a durable into its volatile.
    transitions.push(
      { from: 'Run', event: `Step${i}`, to: 'Run', guard: `d${i} <= d${next} || d${i} == 0`, updates: { [`d${i}`]: `(d${i} + 1) % 3`, [`v${i}`]: `min(v${i} + 1, 2)` } },
    );
  }
  transitions.push(
    { from: 'Run', event: 'Sync', to: 'Run', guard: 'v0 != d0', updates: { v0: 'd0', [`v${p.pairs - 1}`]: `d${p.pairs - 1}` } },
    { from: 'Run', event: 'Pause', to: 'Paused', updates: { v0: '0' } },
    { from: 'Paused', event: 'Pause', to: 'Run' },
    { from: 'Run', event: 'Poke', to: 'Run', updates: { d0: '0' } },
    { from: 'Paused', event: 'Poke', to: 'Paused', reply: 'error' },
    { from: 'Run', event: '$restart', to: 'Run', updates: { v0: 'd0' } },
  );
  return {
    format: 'protocol-studio',
    version: 1,
    name: `vars p${p.pairs} c${p.crashes}`,
    vars,
    states: [{ name: 'Run', initial: true }, { name: 'Paused', storage: 'volatile' }],
    events: [
      ...Array.from({ length: p.pairs }, (_, i) => ({ name: `Step${i}`, source: 'internal' })),
      { name: 'Sync', source: 'timer' },
      { name: 'Pause', source: 'internal' },
      { name: 'Poke', source: 'client' },
    ],
    transitions,
    invariants: [{ name: 'in range', expr: 'd0 <= 2' }],
    environment: { requests: 1, crashes: p.crashes, checks: { replay: false, deadlock: true } },
  };
}
