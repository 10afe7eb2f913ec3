import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCalls, type ExpandedRoleJson, usesCalls } from './calls';
import { loadAnyDesignValueV2, loadDesignValueV2 } from './load';
import type { DesignV2, TransitionJsonV2 } from './schema';

const lease = (): DesignV2 => JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/v2/lease-calls-fixed.protocol.json'), 'utf8')) as DesignV2;

function errorsOf(edit: (d: DesignV2) => void): [string, string][] {
  const d = lease();
  edit(d);
  const r = loadAnyDesignValueV2(d);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

const t = (d: DesignV2, role: number, k: number) => d.roles[role]!.transitions[k] as TransitionJsonV2 & Record<string, unknown>;

describe('calls between participants', () => {
  it('a best-effort callee: its durable sets and maps to sets get shadows that start as they do (one set is itself a list)', () => {
    const d = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/v2/lease-calls-best-effort.protocol.json'), 'utf8')) as DesignV2;
    const lock = d.roles.find((r) => r.name === 'Lock')!;
    lock.vars = [
      ...(lock.vars ?? []),
      { name: 'seen', type: { set: 'bool' }, initial: [] },
      { name: 'some', type: { set: 'bool' }, initial: [[true], []] },
      { name: 'byKey', type: { map: { from: 'bool', to: { set: { int: [0, 2] } } } }, initial: [1] },
    ];
    const r = loadDesignValueV2(d);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const vars = r.model.roles.find((x) => x.name === 'Lock')!.vars;
    const initial = (name: string) => vars.find((v) => v.name === name)!.initial;
    for (const name of ['seen', 'some', 'byKey']) expect(initial(`unflushed_${name}`), name).toBe(initial(name));
    expect([initial('seen'), initial('some'), initial('byKey')]).toEqual([0, 0b10, 0b10]);
  });

  it('load as the messages, vars, timer events and transitions they stand for; export keeps the design as written', () => {
    const d = lease();
    expect(usesCalls(d)).toBe(true);
    const x = expandCalls(d);
    if (!x.ok) throw new Error(JSON.stringify(x.errors));
    expect(x.design.messages!.map((m) => [m.name, m.from, m.to, m.payload!.map((f) => f.name)])).toEqual([
      ['Acquire', 'Client', 'Lock', ['call']],
      ['Acquire_reply', 'Lock', 'Client', ['outcome', 'token', 'call']],
    ]);
    expect(x.design.roles[1]!.vars!.map((v) => [v.name, v.storage])).toEqual([
      ['lease', undefined],
      ['Acquire_pending', 'volatile'],
      ['Acquire_call', 'durable'],
      ['Acquire_attempts', 'volatile'],
      ['Acquire_to', 'volatile'],
      ['Acquire_outcome', 'ghost'],
    ]);
    expect(x.design.roles[0]!.vars!.map((v) => [v.name, v.storage])).toEqual([
      ['token', undefined],
      ['holder', undefined],
      ['Acquire_seen', 'durable'],
      ['Acquire_answer', 'durable'],
      ['Acquire_answer_token', 'durable'],
      ['Acquire_due', 'volatile'],
      ['Acquire_due_call', 'volatile'],
      ['Acquire_due_token', 'volatile'],
      ['Acquire_first', 'ghost'],
      ['Acquire_first_call', 'ghost'],
    ]);
    // The ack step: an internal event of the callee per caller instance, and its transition.
    expect(x.design.roles[0]!.events!.map((e) => [e.name, e.source, e.payload?.map((f) => f.name)])).toEqual([
      ['Expire', 'timer', undefined],
      ['Acquire_ack', 'internal', ['to']],
    ]);
    expect(x.design.roles[0]!.transitions.map((t) => t.id)).toEqual(['grant', 'busy', 'expire', 'Acquire_acked', 'Acquire_dedupe_hit', 'Acquire_rejected']);
    expect(x.design.roles[0]!.transitions[0]!.invariants!.map((i) => i.name)).toEqual(['replay of Acquire at grant']);
    expect(d.messages).toBeUndefined();
    const loaded = loadAnyDesignValueV2(d);
    if (!loaded.ok || loaded.kind !== 'participants') throw new Error('not loaded');
    expect(loaded.model.design).toEqual(lease());
  });

  it('report what does not fit at its path', () => {
    expect(errorsOf((d) => (t(d, 1, 0).call!.event = 'Acquir'))).toEqual([
      ['/roles/0/events/0', 'call'],
      ['/roles/1/transitions/0/call/event', 'call'],
    ]);
    expect(errorsOf((d) => (t(d, 1, 0).call!.retry = { maxAttempts: 9 }))).toEqual([['/roles/1/transitions/0/call/retry/maxAttempts', 'call']]);
    expect(errorsOf((d) => (t(d, 1, 0).call!.payload = { x: '1' }))).toEqual([['/roles/1/transitions/0/call/payload/x', 'call']]);
    expect(errorsOf((d) => (t(d, 0, 0).ack = 'best-effort'))).toEqual([]);
    expect(errorsOf((d) => (d.roles[0]!.vars = [...d.roles[0]!.vars!, { name: 'unflushed', type: 'bool', initial: false }]))).toEqual([]);
    expect(errorsOf((d) => delete t(d, 0, 0).returns)).toEqual([['/roles/0/transitions/0/returns', 'call']]);
    expect(errorsOf((d) => (t(d, 0, 0).returns = { token: '1', extra: '2' }))).toEqual([['/roles/0/transitions/0/returns/extra', 'call']]);
    expect(errorsOf((d) => (t(d, 1, 1).event = 'Release.ok'))).toEqual([['/roles/1/transitions/1/event', 'call']]);
    expect(errorsOf((d) => (d.roles[0]!.instances = 2))).toEqual([['/roles/1/transitions/0/call', 'call']]);
    expect(errorsOf((d) => ((d.roles[0]!.events![0] as { calls: number }).calls = 7))).toEqual([['/roles/0/events/0/calls', 'call']]);
  });

  it('a call event\'s keys elsewhere are errors', () => {
    expect(errorsOf((d) => ((d.roles[1]!.events![0] as Record<string, unknown>)['returns'] = []))).toEqual([['/roles/1/events/0/returns', 'client-only']]);
    expect(errorsOf((d) => (t(d, 0, 2).returns = { token: '1' }))).toEqual([['/roles/0/transitions/2/returns', 'call']]);
  });

  it('an error in an expression of a call is reported where it was written, once, with its column', () => {
    expect(errorsOf((d) => (t(d, 0, 0).returns = { token: 'tokn + 1' }))).toEqual([['/roles/0/transitions/0/returns/token', 'unknown-name']]);
    const withPayload = (ttl: string) => (x: DesignV2) => {
      (x.roles[0]!.events![0] as { payload: unknown }).payload = [{ name: 'ttl', type: { int: [1, 2] } }];
      t(x, 1, 0).call!.payload = { ttl };
    };
    expect(errorsOf(withPayload('2'))).toEqual([]);
    expect(errorsOf(withPayload('tt'))).toEqual([['/roles/1/transitions/0/call/payload/ttl', 'unknown-name']]);
    const d = lease();
    t(d, 1, 1).guard = 'lease >= 0 && leese > 0';
    const r = loadAnyDesignValueV2(d);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.column, e.message.slice(0, 10)])).toEqual([['/roles/1/transitions/1/guard', 15, 'Column 15:']]);
  });

  it('an error in a field of a call event is reported at that field, not at the message it becomes', () => {
    const reserved = errorsOf((d) => {
      (d.roles[0]!.events![0] as { payload: unknown }).payload = [{ name: 'count', type: 'bool' }];
      t(d, 1, 0).call!.payload = { count: 'true' };
    });
    expect(reserved).toEqual([['/roles/0/events/0/payload/0/name', 'reserved-identifier']]);
    const empty = errorsOf((d) => ((d.roles[0]!.events![0] as { returns: { type: unknown }[] }).returns[0]!.type = { int: [3, 1] }));
    expect(empty.filter(([path]) => path.startsWith('/messages/'))).toEqual([]);
    expect(empty).toContainEqual(['/roles/0/events/0/returns/0/type/int', 'empty-range']);
  });

  it('"ack": "best-effort" writes out the unflushed record: reply in the step, flag, shadows of every durable var, the flush', () => {
    const d = lease();
    t(d, 0, 0).ack = 'best-effort';
    const x = expandCalls(d);
    if (!x.ok) throw new Error('not expanded');
    const lock = x.design.roles[0]! as ExpandedRoleJson;
    const grant = lock.transitions[0]!;
    expect(grant.send!.map((m) => [m.message, m.to, m.payload])).toEqual([['Acquire_reply', 'sender', { outcome: '"ok"', token: 'token + 1', call: 'event.call' }]]);
    expect(grant.updates!['unflushed']).toBe('true');
    expect(Object.keys(grant.updates!).some((k) => k.startsWith('Acquire_due'))).toBe(false);
    // Every durable var of the role, the dedupe table (durable idempotency) included, has a shadow.
    expect(lock.unflushed).toEqual({ flag: 'unflushed', state: 'unflushed_state', shadows: ['token', 'holder', 'Acquire_seen', 'Acquire_answer', 'Acquire_answer_token'].map((v) => [v, `unflushed_${v}`]) });
    expect(lock.vars!.filter((v) => v.name.startsWith('unflushed')).every((v) => v.storage === 'volatile')).toBe(true);
    expect(lock.transitions.find((tr) => tr.id === 'Lock_flushed')).toMatchObject({ event: 'flush', guard: 'unflushed', updates: { unflushed: 'false' } });
    // The durable refusal ("busy") keeps its outbox, and its ack step waits for the flush.
    expect(lock.transitions.find((tr) => tr.id === 'Acquire_acked')!.guard).toBe('!unflushed && Acquire_due[event.to] != "none"');
    // A name the record takes is a repeat when the role already has it.
    const clash = lease();
    t(clash, 0, 0).ack = 'best-effort';
    clash.roles[0]!.vars = [...clash.roles[0]!.vars!, { name: 'unflushed', type: 'bool', initial: false }];
    const loaded = loadAnyDesignValueV2(clash);
    expect(loaded.ok ? [] : loaded.errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/vars/2/name', 'call']]);
  });

  it('callers of two roles for one call event are refused, saying why (sender has one type) and what to write instead', () => {
    const d = lease();
    d.roles.push({
      name: 'Auditor',
      states: [{ name: 'idle', initial: true }, { name: 'asked' }],
      events: [{ name: 'Check', source: 'internal' }],
      transitions: [{ from: 'idle', event: 'Check', to: 'asked', call: { event: 'Acquire' } }],
    });
    const r = loadAnyDesignValueV2(d);
    if (r.ok) throw new Error('loaded');
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/events/0', 'call']]);
    expect(r.errors[0]!.message).toContain('Acquire is called by Client and Auditor');
    expect(r.errors[0]!.message).toContain('"sender" is an instance of the caller role');
    expect(r.errors[0]!.message).toContain('(AcquireClient, AcquireAuditor)');
  });
});

