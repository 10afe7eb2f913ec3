import { describe, expect, it } from 'vitest';
import { paymentDesign } from './designFixture';
import { loadDesign, loadDesignValue } from './load';
import { RESTART, type DesignError, type Model } from './model';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(change: (d: Json) => void): DesignError[] {
  const design = paymentDesign() as Json;
  change(design);
  const r = loadDesign(JSON.stringify(design));
  if (r.ok) throw new Error('expected the design to be invalid');
  for (const e of r.errors) {
    expect(e.message.trim().length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/); // one sentence, never a stack
  }
  return [...r.errors];
}

function errorAt(change: (d: Json) => void, path: string, code?: string): DesignError {
  const errors = errorsOf(change);
  const found = errors.find((e) => e.path === path && (code === undefined || e.code === code));
  expect(found, `no error at ${path} (${code ?? 'any code'}); got ${JSON.stringify(errors)}`).toBeDefined();
  return found!;
}

function model(d: Json = paymentDesign() as Json): Model {
  const r = loadDesignValue(d);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

describe('a valid design compiles into a complete model', () => {
  const m = model();
  it('encodes vars with their defaults', () => {
    expect(m.vars.map((v) => [v.name, v.storage, v.initial])).toEqual([
      ['charges', 'ghost', 0],
      ['mode', 'volatile', 0],
      ['paid', 'durable', 0],
    ]);
    expect(m.vars[0]!.type).toEqual({ kind: 'int', lo: 0, hi: 3 });
  });
  it('indexes states, events and transitions', () => {
    expect(m.states.map((s) => [s.name, s.initial, s.final, s.durable])).toEqual([
      ['Idle', true, false, true],
      ['Charged', false, true, false],
    ]);
    expect(m.initialState).toBe(0);
    expect(m.hasFinal).toBe(true);
    expect(m.clientEvents).toEqual([0]);
    expect(m.firedEvents).toEqual([1]);
    expect(m.transitions.map((t) => t.name)).toEqual(['charge', '#1', '#2']);
    expect(m.transitions[2]!.event).toBe(RESTART);
    expect(m.candidates[0]![0]!.map((t) => t.name)).toEqual(['charge']);
    expect(m.candidates[1]![1]!.map((t) => t.name)).toEqual(['#1']);
    expect(m.restarts.map((r) => r.map((t) => t.name))).toEqual([[], ['#2']]);
  });
  it('fills event defaults and enumerates payload values, last field fastest', () => {
    const [charge, tick] = m.events;
    expect(charge).toMatchObject({ maxAttempts: 2, idempotency: 'durable', unhandled: 'reject' });
    expect(charge!.payloadValues).toEqual([[1, 0], [1, 1], [2, 0], [2, 1]]);
    expect(tick).toMatchObject({ maxAttempts: 1, idempotency: 'none', unhandled: 'reject', afterMs: 100, payloadValues: [[]] });
  });
  it('fills transition defaults and compiles updates in written order', () => {
    const [charge, tick] = m.transitions;
    expect(charge).toMatchObject({ ack: 'best-effort', reply: 'ok', id: 'charge' });
    expect(tick).toMatchObject({ ack: 'durable', reply: 'ok' });
    expect(charge!.updates.map((u) => [u.var, u.expr.text])).toEqual([[0, 'charges + 1'], [2, 'true'], [1, 'event.fast ? "fast" : "slow"']]);
    expect(charge!.invariants).toMatchObject([{ name: 'adds one', kind: 'step', transition: 0 }]);
    expect(charge!.invariants[0]!.expr.readsPrimed).toBe(true);
  });
  it('fills environment defaults', () => {
    expect(m.environment).toEqual({ requests: 2, drop: 1, duplicate: 0, reorder: true, crashes: 1, deadlock: false, replay: true });
    const bare = paymentDesign() as Json;
    delete bare.environment;
    expect(model(bare).environment).toEqual({ requests: 1, drop: 0, duplicate: 0, reorder: false, crashes: 0, deadlock: true, replay: true });
  });
  it('compiles expressions that evaluate', () => {
    const update = m.transitions[0]!.updates[2]!.expr;
    const frame = { state: 0, vars: [0, 0, 0], sent: [1, 0], acked: [0, 0], failed: [0, 0], ambiguous: [0, 0], crashes: 0 };
    expect(update.evaluate({ pre: frame, post: null, payload: [1, 1] })).toBe(1);
    expect(m.invariants[0]!.expr.evaluate({ pre: frame, post: null, payload: [] })).toBe(1);
    expect(m.invariants.map((i) => i.kind)).toEqual(['state', 'step']);
    expect(m.invariants[0]!.expr).toMatchObject({ path: '/invariants/0/expr', readsObservables: true, type: { kind: 'bool' } });
  });
  it('sets x-* keys aside everywhere but inside layout', () => {
    const d = paymentDesign() as Json;
    d['x-editor'] = { zoom: 2 };
    d.transitions[0]['x-color'] = 'red';
    d.events[0].payload[0]['x-note'] = 1;
    const loaded = model(d);
    expect(loaded.design).not.toHaveProperty('x-editor');
    expect(loaded.design.layout).toEqual(paymentDesign().layout);
  });
});

describe('the schema stage reports at the right path', () => {
  it('an unknown key at its own path, with a suggestion', () => {
    const e = errorAt((d) => (d.transitions[0].guardd = 'true'), '/transitions/0/guardd', 'unknown-key');
    expect(e.message).toBe('Unknown key "guardd"; did you mean "guard"?');
    errorAt((d) => (d.environment.network.dorp = 1), '/environment/network/dorp', 'unknown-key');
    errorAt((d) => (d.extra = 1), '/extra', 'unknown-key');
  });
  it('an unknown key far from any known one lists the allowed keys', () => {
    expect(errorAt((d) => (d.states[0].colour = 'red'), '/states/0/colour').message).toContain('allowed here: "name", "initial", "final", "storage", "description"');
  });
  it('kind is an unknown key on a transition invariant', () => {
    errorAt((d) => (d.transitions[0].invariants[0].kind = 'step'), '/transitions/0/invariants/0/kind', 'unknown-key');
  });
  it('a missing required key at the object that lacks it', () => {
    expect(errorAt((d) => delete d.transitions[1].from, '/transitions/1', 'missing-key').message).toBe('Missing required key "from".');
    errorAt((d) => delete d.vars, '', 'missing-key');
    errorAt((d) => delete d.vars[0].initial, '/vars/0', 'missing-key');
  });
  it('a wrong type, naming what was expected', () => {
    expect(errorAt((d) => (d.name = 3), '/name', 'wrong-type').message).toBe('"name" must be a string, not a whole number.');
    errorAt((d) => (d.states = {}), '/states', 'wrong-type');
    errorAt((d) => (d.environment.requests = 1.5), '/environment/requests', 'wrong-type');
    errorAt((d) => (d.vars[0].initial = null), '/vars/0/initial', 'wrong-type');
  });
  it('a value outside its choices, with a suggestion', () => {
    expect(errorAt((d) => (d.events[0].source = 'clint'), '/events/0/source', 'bad-value').message).toContain('did you mean "client"?');
    errorAt((d) => (d.transitions[0].ack = 'always'), '/transitions/0/ack', 'bad-value');
  });
  it('a malformed type', () => {
    errorAt((d) => (d.vars[0].type = 'int'), '/vars/0/type', 'bad-type');
    expect(errorAt((d) => (d.vars[0].type = { enm: ['a'] }), '/vars/0/type', 'bad-type').message).toContain('did you mean "enum"?');
    errorAt((d) => (d.vars[0].type = { int: [0, 'x'] }), '/vars/0/type/int/1', 'wrong-type');
    errorAt((d) => (d.vars[0].type = { int: [0, 3], step: 1 }), '/vars/0/type/step', 'unknown-key');
  });
  it('wrong format and unsupported version', () => {
    errorAt((d) => (d.format = 'xstate'), '/format', 'wrong-format');
    expect(errorAt((d) => (d.version = 3), '/version', 'unsupported-version').message).toContain('Unsupported version 3');
    // Version 2 exists (docs/format-v2.md) but has its own loader: this one says where to take it.
    expect(errorAt((d) => (d.version = 2), '/version', 'unsupported-version').message).toContain('version-2 design');
  });
  it('reports every schema problem at once', () => {
    const errors = errorsOf((d) => {
      d.transitions[0].guardd = 1;
      delete d.states[1].name;
      d.version = 3;
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['/states/1', '/transitions/0/guardd', '/version']);
  });
  it('still runs the later stages when the only schema problems are unknown keys', () => {
    const errors = errorsOf((d) => {
      d.transitions[0].guardd = 'true';
      d.invariants[0].expr = 'chargez <= 1';
      d.states[1].initial = true;
    });
    expect(errors.map((e) => e.path)).toEqual(['/transitions/0/guardd', '/states', '/invariants/0/expr']);
  });
  it('refuses a value that is not an object', () => {
    for (const value of [null, [], 'x', 3]) {
      const r = loadDesignValue(value);
      expect(r).toMatchObject({ ok: false, errors: [{ path: '', code: 'not-object' }] });
    }
  });
});

describe('bounded work: counts are refused at the array that exceeds them', () => {
  it.each<[string, (d: Json) => void, string]>([
    ['vars', (d) => (d.vars = Array.from({ length: 65 }, (_, i) => ({ name: `v${i}`, type: 'bool', initial: false }))), '/vars'],
    ['states', (d) => (d.states = Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}` }))), '/states'],
    ['events', (d) => (d.events = Array.from({ length: 257 }, (_, i) => ({ name: `e${i}`, source: 'timer' }))), '/events'],
    ['transitions', (d) => (d.transitions = Array.from({ length: 4001 }, () => ({ from: 'Idle', event: 'Tick', to: 'Idle' }))), '/transitions'],
    ['payload', (d) => (d.events[0].payload = Array.from({ length: 9 }, (_, i) => ({ name: `f${i}`, type: 'bool' }))), '/events/0/payload'],
    ['invariants', (d) => (d.invariants = Array.from({ length: 257 }, (_, i) => ({ name: `i${i}`, expr: 'true' }))), '/invariants'],
    ['invariants with transitions', (d) => (d.invariants = Array.from({ length: 256 }, (_, i) => ({ name: `i${i}`, expr: 'true' }))), '/invariants'],
    ['a description', (d) => (d.states[0].description = 'x'.repeat(4001)), '/states/0/description'],
  ])('%s', (_what, change, path) => {
    const e = errorAt(change, path);
    expect(['too-many', 'too-long']).toContain(e.code);
  });
  it('blames the transition invariants that cross the limit when they come first', () => {
    errorAt((d) => {
      d.invariants = [];
      d.transitions[1].invariants = Array.from({ length: 256 }, (_, i) => ({ name: `i${i}`, expr: 'true' }));
    }, '/transitions/1/invariants');
  });
  it('refuses a long design name and a long expression', () => {
    errorAt((d) => (d.name = 'x'.repeat(81)), '/name', 'bad-name');
    errorAt((d) => (d.transitions[0].guard = 'true && '.repeat(130) + 'true'), '/transitions/0/guard', 'expression-too-long');
  });
  it('refuses a payload with too many values', () => {
    errorAt((d) => (d.events[0].payload = [{ name: 'big', type: { int: [0, 1_000_000] } }]), '/events/0/payload', 'payload-too-large');
  });
});

describe('the semantic stage', () => {
  it('refuses illegal and reserved identifiers', () => {
    errorAt((d) => (d.states[1].name = 'Charged now'), '/states/1/name', 'bad-identifier');
    errorAt((d) => (d.vars[0].name = 'class'), '/vars/0/name', 'reserved-identifier');
    errorAt((d) => (d.vars[0].name = 'sent'), '/vars/0/name', 'reserved-identifier');
    errorAt((d) => (d.events[0].payload[0].name = '9lives'), '/events/0/payload/0/name', 'bad-identifier');
    errorAt((d) => (d.vars[0].name = 'a'.repeat(65)), '/vars/0/name', 'name-too-long');
    errorAt((d) => (d.vars[1].type.enum = ['slow', 'null']), '/vars/1/type/enum/1', 'reserved-identifier');
  });
  it('says which list a reserved name is on: the expression language or JavaScript', () => {
    expect(errorAt((d) => (d.states[1].name = 'failed'), '/states/1/name').message).toMatch(
      /^The state name "failed" is a reserved word, a word of the expression language \(true false state event sent acked failed .*\); choose another name\.$/,
    );
    expect(errorAt((d) => (d.states[1].name = 'new'), '/states/1/name').message).toMatch(/"new" is a reserved word, reserved in JavaScript or TypeScript, where exported code uses names as they are;/);
  });
  it('reports a repeated name at the later occurrence', () => {
    errorAt((d) => d.states.push({ name: 'Idle' }), '/states/2/name', 'duplicate-name');
    errorAt((d) => (d.vars[2].name = 'charges'), '/vars/2/name', 'duplicate-name');
    errorAt((d) => d.events.push({ name: 'Tick', source: 'internal' }), '/events/2/name', 'duplicate-name');
    errorAt((d) => (d.events[0].payload[1].name = 'amount'), '/events/0/payload/1/name', 'duplicate-name');
    errorAt((d) => (d.vars[1].type.enum = ['slow', 'slow']), '/vars/1/type/enum/1', 'duplicate-name');
  });
  it('keeps invariant names unique across top-level and transitions, blaming the later one in the file', () => {
    errorAt((d) => (d.invariants[1].name = 'adds one'), '/invariants/1/name', 'duplicate-name');
    errorAt((d) => (d.transitions[1].invariants = [{ name: 'adds one', expr: 'true' }]), '/transitions/1/invariants/0/name', 'duplicate-name');
    // With "invariants" written before "transitions", the transition's copy is the later one.
    const d = paymentDesign() as Json;
    const reordered: Json = {};
    for (const key of ['format', 'version', 'name', 'vars', 'states', 'events', 'invariants', 'transitions']) reordered[key] = d[key];
    reordered.invariants[1].name = 'adds one';
    const r = loadDesignValue(reordered);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain('/transitions/0/invariants/0/name');
  });
  it('requires unique transition ids that cannot be mistaken for #k', () => {
    errorAt((d) => (d.transitions[1].id = 'charge'), '/transitions/1/id', 'duplicate-id');
    errorAt((d) => (d.transitions[1].id = '#0'), '/transitions/1/id', 'bad-id');
  });
  it('resolves every reference', () => {
    expect(errorAt((d) => (d.transitions[0].to = 'Charge'), '/transitions/0/to', 'unknown-state').message).toContain('did you mean "Charged"?');
    errorAt((d) => (d.transitions[0].from = 'Nowhere'), '/transitions/0/from', 'unknown-state');
    errorAt((d) => (d.transitions[1].event = 'Tock'), '/transitions/1/event', 'unknown-event');
    errorAt((d) => (d.transitions[0].updates.chargez = '1'), '/transitions/0/updates/chargez', 'unknown-var');
  });
  it('needs exactly one initial state', () => {
    expect(errorAt((d) => (d.states[1].initial = true), '/states', 'initial-state').message).toContain('2 states');
    errorAt((d) => delete d.states[0].initial, '/states', 'initial-state');
    errorAt((d) => (d.states = []), '/states', 'initial-state');
  });
  it('checks types and initial values', () => {
    errorAt((d) => (d.vars[0].initial = 9), '/vars/0/initial', 'bad-initial');
    errorAt((d) => (d.vars[1].initial = 'medium'), '/vars/1/initial', 'bad-initial');
    errorAt((d) => (d.vars[2].initial = 0), '/vars/2/initial', 'bad-initial');
    errorAt((d) => (d.vars[0].type = { int: [3, 0] }), '/vars/0/type/int', 'empty-range');
    errorAt((d) => (d.vars[0].type = { int: [0, 2 ** 53 + 2] }), '/vars/0/type/int/1', 'bad-bound');
    errorAt((d) => (d.vars[0].type = { int: [0.5, 2] }), '/vars/0/type/int/0', 'bad-bound');
    errorAt((d) => (d.vars[1].type = { enum: [] }), '/vars/1/type/enum', 'bad-enum');
    errorAt((d) => (d.vars[1].type = { enum: Array.from({ length: 65 }, (_, i) => `v${i}`) }), '/vars/1/type/enum', 'bad-enum');
    expect(model((() => { const d = paymentDesign() as Json; d.vars[0].type = { int: [-(2 ** 53), 2 ** 53] }; return d; })()).vars[0]!.type).toEqual({ kind: 'int', lo: -(2 ** 53), hi: 2 ** 53 });
  });
  it('allows ack and reply only on client-event transitions', () => {
    errorAt((d) => (d.transitions[1].ack = 'durable'), '/transitions/1/ack', 'client-only');
    errorAt((d) => (d.transitions[1].reply = 'ok'), '/transitions/1/reply', 'client-only');
    errorAt((d) => (d.transitions[2].ack = 'none'), '/transitions/2/ack', 'client-only');
  });
  it('allows payload, retry, idempotency and unhandled only on client events', () => {
    errorAt((d) => (d.events[1].payload = []), '/events/1/payload', 'client-only');
    errorAt((d) => (d.events[1].retry = { maxAttempts: 2 }), '/events/1/retry', 'client-only');
    errorAt((d) => (d.events[1].idempotency = 'none'), '/events/1/idempotency', 'client-only');
    errorAt((d) => (d.events[1].unhandled = 'ignore'), '/events/1/unhandled', 'client-only');
  });
  it('checks ranges of retry and environment', () => {
    errorAt((d) => (d.events[0].retry.maxAttempts = 6), '/events/0/retry/maxAttempts', 'out-of-range');
    errorAt((d) => (d.events[0].retry.maxAttempts = 0), '/events/0/retry/maxAttempts', 'out-of-range');
    errorAt((d) => (d.environment.requests = 5), '/environment/requests', 'out-of-range');
    errorAt((d) => (d.environment.crashes = 4), '/environment/crashes', 'out-of-range');
    errorAt((d) => (d.environment.network.drop = -1), '/environment/network/drop', 'out-of-range');
    errorAt((d) => (d.environment.network.duplicate = 4), '/environment/network/duplicate', 'out-of-range');
  });
});

describe('the expression stage reports at the expression, with the column', () => {
  it('a $restart transition cannot read event.*', () => {
    expect(errorAt((d) => (d.transitions[2].guard = 'event.amount > 0'), '/transitions/2/guard', 'event-on-restart').column).toBe(1);
  });
  it('a transition invariant reading a field its event lacks', () => {
    errorAt((d) => (d.transitions[1].invariants = [{ name: 'tick', expr: "charges' == charges + event.amount" }]), '/transitions/1/invariants/0/expr', 'unknown-field');
  });
  it('primes in a state invariant, observables in a guard', () => {
    errorAt((d) => (d.invariants[0].expr = "charges' <= 1"), '/invariants/0/expr', 'prime-not-allowed');
    errorAt((d) => (d.transitions[0].guard = 'acked.Charge == 0'), '/transitions/0/guard', 'observable-not-allowed');
  });
  it('update types must match the var', () => {
    errorAt((d) => (d.transitions[0].updates.paid = '1'), '/transitions/0/updates/paid', 'type-mismatch');
    errorAt((d) => (d.transitions[0].updates.mode = '"medium"'), '/transitions/0/updates/mode', 'unknown-enum-value');
  });
  it('a syntax error carries its column in the message and the field', () => {
    const e = errorAt((d) => (d.invariants[0].expr = 'charges <= (sent.Charge'), '/invariants/0/expr', 'syntax');
    expect(e.column).toBe(24);
    expect(e.message).toMatch(/^Column 24: Expected "\)"/);
  });
  it('reports semantic and expression errors together', () => {
    const errors = errorsOf((d) => {
      d.states[1].initial = true;
      d.invariants[0].expr = 'chargez <= 1';
      d.transitions[1].guard = 'charges + 1';
    });
    expect(errors.map((e) => e.path)).toEqual(['/states', '/transitions/1/guard', '/invariants/0/expr']);
  });
});

describe('hostile keys', () => {
  it('treats __proto__ and constructor as plain names', () => {
    const proto = loadDesign(JSON.stringify(paymentDesign()).replace('"updates":{', '"updates":{"__proto__":"1",'));
    expect(proto.ok ? [] : proto.errors.map((e) => e.path)).toEqual(['/transitions/0/updates/__proto__']);
    const ctor = loadDesign(JSON.stringify(paymentDesign()).replace('"updates":{', '"updates":{"constructor":"2","toString":"3",'));
    expect(ctor.ok ? [] : ctor.errors.map((e) => e.path)).toEqual(['/transitions/0/updates/constructor', '/transitions/0/updates/toString']);
    errorAt((d) => (d.transitions[0].to = 'constructor'), '/transitions/0/to', 'unknown-state');
  });
});
