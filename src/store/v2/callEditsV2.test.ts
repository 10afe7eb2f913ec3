import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import { callTargetOf, callTargets, eventWithSource, literalOf, makeCall, makeReturns, missingOutcomeTransitions, outcomeEvents, parseOutcome, servedCall, transitionWithTrigger } from './callEditsV2';
import { applyEditV2 } from './designEditsV2';

const lease = examplesV2.find((e) => e.slug === 'lease-calls-broken')!.design;

/** Lock (one instance) declares Acquire; Client (two) has no transition yet. */
function twoRoles(): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'calls',
    roles: [
      { name: 'Client', instances: 2, states: [{ name: 'idle', initial: true }, { name: 'waiting' }], events: [{ name: 'Want', source: 'internal' }], transitions: [] },
      { name: 'Lock', states: [{ name: 'free', initial: true }], events: [{ name: 'Acquire', source: 'call', payload: [{ name: 'n', type: { int: [1, 2] } }], returns: [{ name: 'token', type: { int: [0, 3] } }] }], transitions: [] },
    ],
  };
}

describe('call edits', () => {
  it('keeps only the keys of an event\'s new source', () => {
    const call = { name: 'Acquire', source: 'call' as const, payload: [{ name: 'n', type: 'bool' as const }], returns: [{ name: 't', type: 'bool' as const }], idempotency: 'durable' as const, calls: 1 };
    expect(eventWithSource(call, 'internal')).toEqual({ name: 'Acquire', source: 'internal', payload: [{ name: 'n', type: 'bool' }] });
    expect(eventWithSource({ name: 'Tick', source: 'timer', afterMs: 5 }, 'call')).toEqual({ name: 'Tick', source: 'call' });
    expect(eventWithSource({ name: 'Pay', source: 'client', retry: { maxAttempts: 2 }, idempotency: 'durable' }, 'call')).toEqual({ name: 'Pay', source: 'call', idempotency: 'durable' });
  });

  it('lists the call events of other roles, and the outcomes of the calls a role makes', () => {
    expect(callTargets(lease, 1).map((t) => `${t.role}.${t.event.name}`)).toEqual(['Lock.Acquire']);
    expect(callTargets(lease, 0)).toEqual([]);
    expect(callTargetOf(lease, 'Acquire')?.role).toBe('Lock');
    expect(callTargetOf(lease, 'Expire')).toBeUndefined();
    expect(outcomeEvents(lease, 1).map((o) => o.event)).toEqual(['Acquire.ok', 'Acquire.error', 'Acquire.timeout']);
    expect(outcomeEvents(lease, 0)).toEqual([]);
    expect(parseOutcome('Acquire.timeout')).toEqual({ call: 'Acquire', outcome: 'timeout' });
    expect(parseOutcome('Acquire')).toBeUndefined();
    expect(servedCall(lease, 0, lease.roles[0]!.transitions[0]!)?.name).toBe('Acquire');
    expect(servedCall(lease, 0, lease.roles[0]!.transitions[2]!)).toBeUndefined();
  });

  it('makes a call that loads: a first value per payload field, the callee instance when it has several, the retry kept', () => {
    const roles = [{ name: 'Lock', instances: 2 }, { name: 'Client' }];
    expect(literalOf('bool', roles)).toBe('false');
    expect(literalOf({ enum: ['a', 'b'] }, roles)).toBe('"a"');
    expect(literalOf({ id: 'Lock' }, roles)).toBe('Lock[1]');
    expect(literalOf({ id: 'Client' }, roles)).toBe('Client');
    let d = twoRoles();
    const target = callTargets(d, 0)[0]!;
    expect(makeCall(target, d.roles)).toEqual({ event: 'Acquire', payload: { n: '1' } });
    expect(makeCall(target, d.roles, { event: 'Acquire', payload: { n: '2' }, retry: { maxAttempts: 3 } })).toEqual({ event: 'Acquire', payload: { n: '2' }, retry: { maxAttempts: 3 } });
    expect(makeCall({ ...target, instances: 2 }, d.roles).to).toBe('Lock[1]');
    expect(makeReturns(target.event, d.roles)).toEqual({ token: '0' });
    // The call, with retry, and the serving transition: the design loads without an error.
    d = applyEditV2(d, { type: 'insert', path: '/roles/0/transitions', value: { from: 'idle', event: 'Want', to: 'waiting' } });
    d = applyEditV2(d, { type: 'set', path: '/roles/0/transitions/0/call', value: makeCall(target, d.roles) });
    d = applyEditV2(d, { type: 'set', path: '/roles/0/transitions/0/call/retry', value: { maxAttempts: 2 } });
    d = applyEditV2(d, { type: 'insert', path: '/roles/1/transitions', value: { from: 'free', event: 'Acquire', returns: makeReturns(target.event, d.roles) } });
    const loaded = loadDesignValueV2(d);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
});

describe('a transition moved to another trigger', () => {
  const events = lease.roles[0]!.events!;
  it('onto a call event replies with a first value of each returns field, keeping those given', () => {
    expect(transitionWithTrigger({ from: 'held', event: 'Expire', to: 'free' }, events, lease.roles, { event: 'Acquire' })).toEqual({ from: 'held', event: 'Acquire', to: 'free', returns: { token: '0' } });
    expect(transitionWithTrigger({ from: 'held', event: 'Acquire', returns: { token: '2', gone: '1' } }, events, lease.roles, { event: 'Acquire' }).returns).toEqual({ token: '2' });
  });
  it('onto an event or a message that serves no call, without ack, reply and returns', () => {
    const served = lease.roles[0]!.transitions[1]!;
    expect(transitionWithTrigger(served, events, lease.roles, { event: 'Expire' })).toEqual({ id: 'busy', from: 'held', event: 'Expire', description: served.description });
    expect(transitionWithTrigger(served, events, lease.roles, { receive: 'Msg' })).toEqual({ id: 'busy', from: 'held', receive: 'Msg', description: served.description });
  });

  it('lists the outcome transitions a call still lacks, from the state it waits in back to where it was made', () => {
    const d = twoRoles();
    d.roles[0]!.transitions = [{ from: 'idle', event: 'Want', to: 'waiting', call: { event: 'Acquire', payload: { n: '1' } } }];
    expect(missingOutcomeTransitions(d, 0, 0)).toEqual([
      { from: 'waiting', event: 'Acquire.ok', to: 'idle' },
      { from: 'waiting', event: 'Acquire.error', to: 'idle' },
      { from: 'waiting', event: 'Acquire.timeout', to: 'idle' },
    ]);
    // An outcome already taken from the waiting state is not added again; one from elsewhere does not count.
    d.roles[0]!.transitions.push({ from: 'waiting', event: 'Acquire.ok', to: 'idle' }, { from: 'idle', event: 'Acquire.error', to: 'idle' });
    expect(missingOutcomeTransitions(d, 0, 0).map((t) => t.event)).toEqual(['Acquire.error', 'Acquire.timeout']);
    // A call that stays in its state waits there; a transition without a call lacks nothing.
    d.roles[0]!.transitions[0] = { from: ['idle', 'waiting'], event: 'Want', call: { event: 'Acquire', payload: { n: '1' } } };
    expect(missingOutcomeTransitions(d, 0, 0)[0]).toEqual({ from: ['idle', 'waiting'], event: 'Acquire.ok', to: 'idle' });
    expect(missingOutcomeTransitions(d, 0, 1)).toEqual([]);
    // The example handles all three.
    expect(missingOutcomeTransitions(lease, 1, 0)).toEqual([]);
    // Added, the design loads.
    const added = twoRoles();
    added.roles[0]!.transitions = [{ from: 'idle', event: 'Want', to: 'waiting', call: { event: 'Acquire', payload: { n: '1' } } }];
    added.roles[1]!.transitions = [{ from: 'free', event: 'Acquire', returns: { token: '0' } }];
    added.roles[0]!.transitions.push(...missingOutcomeTransitions(added, 0, 0));
    expect(loadDesignValueV2(added).ok).toBe(true);
  });
});
