import fc from 'fast-check';

/**
 * Small random designs for differential tests: a few typed vars of every storage, states,
 * events of every source, transitions with typed guards and updates (division, modulo and
 * out-of-range results included, so faults are exercised too). The replay check is off: it is
 * a check, not behaviour, and would cut runs short.
 */

const intLeaf = (hasField: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('n', 'm', '0', '1', '2', '-1', '3'),
    ...(hasField ? [fc.constant('event.k')] : []),
  );

function intExpr(hasField: boolean, depth: number): fc.Arbitrary<string> {
  if (depth === 0) return intLeaf(hasField);
  const sub = intExpr(hasField, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: intLeaf(hasField) },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '*', '/', '%'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('min', 'max'), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
    { weight: 1, arbitrary: sub.map((a) => `abs(${a})`) },
    { weight: 1, arbitrary: sub.map((a) => `-${a}`) },
    { weight: 1, arbitrary: fc.tuple(boolExpr(hasField, depth - 1), sub, sub).map(([c, a, b]) => `(${c} ? ${a} : ${b})`) },
  );
}

function boolExpr(hasField: boolean, depth: number, states: readonly string[] = ['S0']): fc.Arbitrary<string> {
  const int = intExpr(hasField, Math.max(0, depth - 1));
  const leaf = fc.oneof(
    fc.constantFrom('flag', '!flag', 'true', 'false', 'mode == "a"', 'mode != "b"'),
    fc.constantFrom(...states).map((s) => `state == "${s}"`),
    fc.tuple(int, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), int).map(([a, op, b]) => `${a} ${op} ${b}`),
  );
  if (depth === 0) return leaf;
  const sub = boolExpr(hasField, depth - 1, states);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('&&', '||', '=>'), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
  );
}

const enumExpr = (hasField: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('"a"', '"b"', 'mode'),
    boolExpr(hasField, 0).map((c) => `(${c} ? "b" : "a")`),
  );

const storage = fc.constantFrom('durable', 'volatile', 'ghost');

export interface DesignShape {
  readonly design: unknown;
}

export const arbitraryDesign: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    storages: fc.tuple(storage, storage, storage, storage),
    stateCount: fc.integer({ min: 1, max: 3 }),
    stateStorage: fc.array(fc.constantFrom('durable', 'volatile'), { minLength: 3, maxLength: 3 }),
    finalState: fc.integer({ min: -1, max: 2 }),
    events: fc.array(
      fc.record({
        source: fc.constantFrom('client', 'client', 'timer', 'internal'),
        payload: fc.boolean(),
        idempotency: fc.constantFrom('none', 'durable', 'volatile'),
        unhandled: fc.constantFrom('reject', 'ignore'),
        retry: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    transitions: fc.array(
      fc.record({
        from: fc.nat(2),
        to: fc.nat(2),
        event: fc.integer({ min: -1, max: 2 }),
        ack: fc.constantFrom('durable', 'best-effort', 'none'),
        reply: fc.constantFrom('ok', 'ok', 'error'),
        guardSeed: fc.nat(),
        updateMask: fc.nat(15),
        seed: fc.nat(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    env: fc.record({
      requests: fc.integer({ min: 1, max: 2 }),
      crashes: fc.integer({ min: 0, max: 2 }),
      drop: fc.integer({ min: 0, max: 1 }),
      duplicate: fc.integer({ min: 0, max: 1 }),
      reorder: fc.boolean(),
    }),
    exprSamples: fc.array(fc.tuple(boolExpr(true, 2, ['S0', 'S1', 'S2']), intExpr(true, 2), intExpr(true, 1), fc.constantFrom('flag', '!flag', 'n < m', 'flag == (m > 0)'), enumExpr(true)), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .map((r) => {
    const states = Array.from({ length: r.stateCount }, (_, i) => ({
      name: `S${i}`,
      ...(i === 0 ? { initial: true } : {}),
      ...(i === r.finalState ? { final: true } : {}),
      storage: r.stateStorage[i],
    }));
    const events = r.events.map((e, i) => ({
      name: `E${i}`,
      source: e.source,
      ...(e.source === 'client'
        ? {
            ...(e.payload ? { payload: [{ name: 'k', type: { int: [0, 2] } }] } : {}),
            idempotency: e.idempotency,
            unhandled: e.unhandled,
            retry: { maxAttempts: e.retry },
          }
        : {}),
    }));
    const transitions = r.transitions.map((t, i) => {
      const eventIndex = t.event >= events.length ? t.event % events.length : t.event;
      const event = eventIndex < 0 ? null : r.events[eventIndex]!;
      const hasField = event !== null && event.source === 'client' && event.payload;
      const sample = r.exprSamples[i % r.exprSamples.length]!;
      const strip = (text: string): string => (hasField ? text : text.replace(/event\.k/g, '1'));
      const updates: Record<string, string> = {};
      if (t.updateMask & 1) updates.n = strip(sample[1]);
      if (t.updateMask & 2) updates.m = strip(sample[2]);
      if (t.updateMask & 4) updates.flag = sample[3];
      if (t.updateMask & 8) updates.mode = strip(sample[4]);
      return {
        from: `S${t.from % r.stateCount}`,
        event: event ? `E${eventIndex}` : '$restart',
        to: `S${t.to % r.stateCount}`,
        ...(t.guardSeed % 3 === 0 ? {} : { guard: strip(sample[0]).replace(/state == "S(\d)"/g, (_m, d: string) => `state == "S${Number(d) % r.stateCount}"`) }),
        updates,
        ...(event?.source === 'client' ? { ack: t.ack, reply: t.reply } : {}),
      };
    });
    return {
      format: 'protocol-studio',
      version: 1,
      name: 'random',
      vars: [
        { name: 'n', type: { int: [0, 3] }, initial: 0, storage: r.storages[0] },
        { name: 'm', type: { int: [-2, 2] }, initial: 1, storage: r.storages[1] },
        { name: 'flag', type: 'bool', initial: false, storage: r.storages[2] },
        { name: 'mode', type: { enum: ['a', 'b'] }, initial: 'a', storage: r.storages[3] },
      ],
      states,
      events,
      transitions,
      invariants: [],
      environment: {
        requests: r.env.requests,
        network: { drop: r.env.drop, duplicate: r.env.duplicate, reorder: r.env.reorder },
        crashes: r.env.crashes,
        checks: { replay: false, deadlock: false },
      },
    };
  });
