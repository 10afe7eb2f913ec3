import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { ExportRefusal } from '../../export/v2/refusal';
import { promelaModelV2 } from '../../export/v2/promela';
import { loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/** Senders S[1], S[2] put M(x, e) messages into the pool for R, which may stop once one with x = 1 is there. */
function design(invariant: string, guard = 'exists m in M: m.receiver == self && m.x == 1'): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'pool quantifiers',
    messages: [
      { name: 'M', from: 'S', to: 'R', payload: [{ name: 'x', type: { int: [0, 2] } }, { name: 'e', type: { enum: ['a', 'b'] } }] },
      { name: 'Ch', from: 'S', to: 'R' },
    ],
    roles: [
      {
        name: 'S',
        instances: 2,
        states: [{ name: 'idle', initial: true }, { name: 'done' }],
        events: [{ name: 'Send', source: 'internal', payload: [{ name: 'x', type: { int: [0, 2] } }, { name: 'e', type: { enum: ['a', 'b'] } }] }],
        transitions: [{ from: 'idle', event: 'Send', to: 'done', send: [{ message: 'M', payload: { x: 'event.x', e: 'event.e == "a" ? "a" : "b"' } }] }],
      },
      {
        name: 'R',
        states: [{ name: 'waiting', initial: true }, { name: 'stopped' }],
        events: [{ name: 'Stop', source: 'internal' }],
        transitions: [{ from: 'waiting', event: 'Stop', to: 'stopped', guard }],
      },
    ],
    invariants: [{ name: 'Probe', expr: invariant }],
    environment: { network: { model: 'pool', links: [{ message: 'Ch', model: 'channels' }] } },
  };
}

function load(d: DesignV2) {
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}

function errors(d: DesignV2): [string, string][] {
  const r = loadDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

describe('quantifiers over the messages of a kind in the pool (format-v2 §5)', () => {
  it('decode sender, receiver and every payload field: the first configuration holding S[2]\'s M(2, b) violates', () => {
    const r = exploreV2(load(design('(count m in M: m.sender == S[2] && m.receiver == R && m.x == 2 && m.e == "b") == 0')));
    expect(r.verdict).toBe('violation');
    expect(r.violations.map((v) => [v.name, v.depth, v.trace.map((s) => s.label)])).toEqual([['Probe', 1, ['S[2] Send(x=2, e=b)']]]);
  });

  it('range over what is in the pool only: forall is true and count 0 on an empty pool, and count sees both senders', () => {
    const none = exploreV2(load(design('(forall m in M: m.x == 0) || (exists m in M: m.x != 0)')));
    expect(none.verdict).toBe('ok');
    const both = exploreV2(load(design('(count m in M: true) <= 1')));
    expect(both.violations.map((v) => [v.name, v.depth])).toEqual([['Probe', 2]]);
    // Every configuration: each sender idle or sent with one of 6 payloads (49), R waiting or stopped once an x = 1 is in.
    expect(exploreV2(load(design('true'))).states).toBe(49 + 24);
  });

  it('a guard reads the pool: R stops only after some M with x = 1 was sent', () => {
    const r = exploreV2(load(design('R.state == "stopped" => (exists m in M: m.x == 1)')));
    expect(r.verdict).toBe('ok');
    const never = exploreV2(load(design('R.state != "stopped"', 'exists m in M: m.x == 1 && m.x == 2')));
    expect(never.verdict).toBe('ok');
    expect(never.coverage.transitions.unreached).toEqual(['R#0']);
  });

  it('nest, and read the sender\'s vars and state through m.sender', () => {
    const r = exploreV2(load(design('forall m in M: m.sender.state == "done" && (forall n in M: n.sender == m.sender => n.x == m.x)')));
    expect(r.verdict).toBe('ok');
  });

  it('refuse a message used as a value, an unknown part, a prime, two names and a kind on channels', () => {
    expect(errors(design('exists m in M: m == S[1]'))).toEqual([['/invariants/0/expr', 'message-not-a-value']]);
    expect(errors(design('exists m in M: m.y == 1'))).toEqual([['/invariants/0/expr', 'unknown-field']]);
    expect(errors({ ...design('true'), invariants: [{ name: 'P', kind: 'step', expr: "exists m in M: m.x' == 1" }] })).toEqual([['/invariants/0/expr', 'prime-not-allowed']]);
    expect(errors(design('exists m, n in M: m.x == n.x'))).toEqual([['/invariants/0/expr', 'message-one-name']]);
    expect(errors(design('exists m in Ch: true'))).toEqual([['/invariants/0/expr', 'unknown-role']]);
  });

  it('a role and a kind of one name: the quantifier ranges over the role, as before', () => {
    const d = design('forall s in S: s.state == "idle" || s.state == "done"');
    d.messages![1] = { name: 'R', from: 'S', to: 'R' };
    d.environment = { network: { model: 'pool' } };
    expect(exploreV2(load(d)).verdict).toBe('ok');
  });

  it('exports refuse it with a sentence, not broken code', () => {
    expect(() => promelaModelV2(load(design('exists m in M: m.x == 1')))).toThrow(ExportRefusal);
  });
});
