import { describe, expect, it } from 'vitest';
import type { DesignError } from '../model';
import { loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/** A lock with one instance, two clients and a storage: the slips below were made writing such a design from the docs. */
function lockDesign(): DesignV2 {
  return {
    format: 'protocol-studio',
    version: 2,
    name: 'Lock, clients and storage',
    messages: [
      { name: 'Acquire', from: 'Client', to: 'Lock' },
      { name: 'Grant', from: 'Lock', to: 'Client' },
      { name: 'Write', from: 'Client', to: 'Storage' },
    ],
    roles: [
      {
        name: 'Lock',
        vars: [{ name: 'holder', type: { id: 'Client' }, initial: 'Client[1]' }],
        states: [{ name: 'free', initial: true }, { name: 'held' }],
        events: [{ name: 'Expire', source: 'timer' }],
        transitions: [
          { id: 'grant', from: 'free', receive: 'Acquire', to: 'held', updates: { holder: 'sender' }, send: [{ message: 'Grant', to: 'sender' }] },
          { id: 'expire', from: 'held', event: 'Expire', to: 'free' },
        ],
      },
      {
        name: 'Client',
        instances: 2,
        vars: [{ name: 'writes', type: { int: [0, 2] }, initial: 0 }],
        states: [{ name: 'idle', initial: true }, { name: 'holding' }],
        events: [{ name: 'Request', source: 'internal' }],
        transitions: [
          { id: 'request', from: 'idle', event: 'Request', send: [{ message: 'Acquire' }] },
          { id: 'granted', from: 'idle', receive: 'Grant', to: 'holding', send: [{ message: 'Write' }] },
        ],
      },
      {
        name: 'Storage',
        vars: [{ name: 'total', type: { int: [0, 3] }, initial: 0 }],
        states: [{ name: 'serving', initial: true }],
        transitions: [{ id: 'write', from: 'serving', receive: 'Write', updates: { total: 'min(total + 1, 3)' } }],
      },
    ],
  } as DesignV2;
}

function errorsOf(edit: (d: DesignV2) => void): DesignError[] {
  const d = lockDesign();
  edit(d);
  const r = loadDesignValueV2(d);
  return r.ok ? [] : [...r.errors];
}

describe('error messages point to the fix', () => {
  it('the design itself loads', () => {
    expect(errorsOf(() => undefined)).toEqual([]);
  });

  it('a design invariant reading a bare var names the role that has it, by name when it has one instance', () => {
    const errors = errorsOf((d) => (d.invariants = [{ name: 'a', expr: 'total <= 3' }, { name: 'b', expr: 'writes <= 2' }, { name: 'c', expr: 'state != "held"' }]));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/invariants/0/expr', 'unknown-name'],
      ['/invariants/1/expr', 'unknown-name'],
      ['/invariants/2/expr', 'unknown-name'],
    ]);
    // Storage has total and one instance; Client has writes and two; any role has a state.
    expect(errors[0]!.message).toContain('say whose total (as in Storage.total)');
    expect(errors[1]!.message).toContain('say whose writes (as in Client[1].writes, or forall r in Client: r.writes)');
    expect(errors[2]!.message).toContain('say whose state (as in Lock.state)');
  });

  it('an event written as "receive" says so, once, without blaming the transition\'s "sender"', () => {
    const errors = errorsOf((d) => {
      const t = d.roles[0]!.transitions[0]!;
      t.receive = 'Expire';
    });
    expect(errors.map((e) => [e.path, e.code, e.message])).toEqual([
      ['/roles/0/transitions/0/receive', 'unknown-message', 'Unknown message "Expire": it is an event of Lock, taken with "event": "Expire".'],
    ]);
  });

  it('an unknown message lists the kinds sent to the role, and an unknown event leaves no error about its payload', () => {
    expect(errorsOf((d) => (d.roles[0]!.transitions[0]!.receive = 'Acquir')).map((e) => e.message)).toEqual(['Unknown message "Acquir" (the kinds sent to Lock: Acquire).']);
    const errors = errorsOf((d) => {
      d.roles[0]!.transitions[1]!.event = 'Expir';
      d.roles[0]!.transitions[1]!.guard = 'event.late';
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/transitions/1/event', 'unknown-event']]);
  });

  it('the expressions of a transition whose trigger is known are still checked', () => {
    const errors = errorsOf((d) => (d.roles[0]!.transitions[1]!.guard = 'sender == Client[1]'));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['/roles/0/transitions/1/guard', 'sender-not-allowed']]);
  });
});
