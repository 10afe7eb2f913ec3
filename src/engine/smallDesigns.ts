import fc from 'fast-check';

/**
 * Random SMALL designs for the engine's property tests: 1-3 states, 0-2 int vars with small
 * ranges, 1-2 client events, one timer or internal event, guards and updates from a tiny
 * grammar (which can leave a var's range), `$restart` transitions, small fault budgets.
 * Every generated design is valid.
 */
const VARS = ['a', 'b'];

function intAtom(vars: string[], field: boolean): fc.Arbitrary<string> {
  return fc.constantFrom(...vars, '0', '1', ...(field ? ['event.p'] : []));
}

function intExpr(vars: string[], field: boolean): fc.Arbitrary<string> {
  const atom = intAtom(vars, field);
  return fc.oneof(atom, fc.tuple(atom, fc.constantFrom('+', '-'), atom).map(([x, op, y]) => `${x} ${op} ${y}`));
}

function boolExpr(vars: string[], field: boolean): fc.Arbitrary<string> {
  const int = intExpr(vars, field);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('true', 'false') },
    { weight: 3, arbitrary: fc.tuple(int, fc.constantFrom('<', '<=', '==', '!='), int).map(([x, op, y]) => `${x} ${op} ${y}`) },
  );
}

export const smallDesign: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    states: fc.integer({ min: 1, max: 3 }),
    finalState: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    volatileState: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    vars: fc.array(fc.record({ hi: fc.integer({ min: 1, max: 2 }), storage: fc.constantFrom('durable', 'volatile', 'ghost') }), { maxLength: 2 }),
    clients: fc.array(
      fc.record({
        payload: fc.boolean(),
        maxAttempts: fc.integer({ min: 1, max: 2 }),
        idempotency: fc.constantFrom('none', 'durable', 'volatile'),
        unhandled: fc.constantFrom('reject', 'ignore'),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    fired: fc.constantFrom('timer', 'internal'),
    env: fc.record({
      requests: fc.integer({ min: 0, max: 2 }),
      drop: fc.integer({ min: 0, max: 1 }),
      duplicate: fc.integer({ min: 0, max: 1 }),
      reorder: fc.boolean(),
      crashes: fc.integer({ min: 0, max: 1 }),
      replay: fc.boolean(),
    }),
    seed: fc.integer(),
  })
  .chain((d) => {
    const vars = d.vars.map((_, i) => VARS[i]!);
    const states = Array.from({ length: d.states }, (_, i) => `S${i}`);
    const clientNames = d.clients.map((_, i) => `C${i}`);
    const events = [...clientNames, 'F', '$restart'];
    const transition = fc
      .record({ from: fc.constantFrom(...states), to: fc.constantFrom(...states), event: fc.constantFrom(...events), ack: fc.constantFrom('durable', 'best-effort', 'none'), reply: fc.constantFrom('ok', 'error') })
      .chain((t) => {
        const client = clientNames.indexOf(t.event);
        const field = client >= 0 && d.clients[client]!.payload;
        const updates = vars.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...vars), intExpr(vars, field), { maxKeys: 2 });
        return fc.record({ guard: fc.option(boolExpr(vars, field), { nil: undefined }), updates }).map((g) => ({
          from: t.from,
          to: t.to,
          event: t.event,
          ...(g.guard !== undefined ? { guard: g.guard } : {}),
          updates: g.updates,
          ...(client >= 0 ? { ack: t.ack, reply: t.reply } : {}),
        }));
      });
    const invariant: fc.Arbitrary<{ expr: string; kind: string }[]> = vars.length === 0 ? fc.constant([]) : fc.array(
      fc.oneof(
        fc.constantFrom(...vars).map((v) => ({ expr: `${v} <= 1`, kind: 'state' })),
        fc.constantFrom(...vars).map((v) => ({ expr: `${v}' >= ${v}`, kind: 'step' })),
        fc.constant({ expr: `acked.C0 <= sent.C0`, kind: 'state' }),
      ),
      { maxLength: 2 },
    );
    return fc.record({ transitions: fc.array(transition, { minLength: 1, maxLength: 4 }), invariants: invariant }).map(({ transitions, invariants }) => ({
      vars: d.vars.map((v, i) => ({ name: vars[i]!, type: { int: [0, v.hi] }, initial: 0, storage: v.storage })),
      states: states.map((name, i) => ({
        name,
        ...(i === 0 ? { initial: true } : {}),
        ...(d.finalState === i ? { final: true } : {}),
        ...(d.volatileState === i ? { storage: 'volatile' } : {}),
      })),
      events: [
        ...d.clients.map((c, i) => ({
          name: clientNames[i]!,
          source: 'client',
          ...(c.payload ? { payload: [{ name: 'p', type: { int: [0, 1] } }] } : {}),
          retry: { maxAttempts: c.maxAttempts },
          idempotency: c.idempotency,
          unhandled: c.unhandled,
        })),
        { name: 'F', source: d.fired },
      ],
      transitions,
      invariants: invariants.map((inv, i) => ({ name: `inv${i}`, ...inv })),
      environment: {
        requests: d.env.requests,
        // Keep the world small: at most two fault budgets at once.
        network: { drop: d.env.drop, duplicate: d.env.crashes + d.env.drop > 1 ? 0 : d.env.duplicate, reorder: d.env.reorder },
        crashes: d.env.crashes,
        checks: { deadlock: true, replay: d.env.replay },
      },
    }));
  });
