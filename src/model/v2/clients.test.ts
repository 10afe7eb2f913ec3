import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromVersion1, lowerToVersion1, usesClients } from './clients';
import { loadAnyDesignValueV2, loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

const examples = join(import.meta.dirname, '../../../examples');
const read = (path: string): DesignV2 => JSON.parse(readFileSync(join(examples, path), 'utf8')) as DesignV2;
const lease = (): DesignV2 => read('v2/lease-service-retries-fixed.protocol.json');
const twoPhase = (): DesignV2 => read('v2/tla-two-phase.protocol.json');

function errorsOf(design: DesignV2): [string, string][] {
  const r = loadAnyDesignValueV2(design);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

function edited(base: () => DesignV2, edit: (d: DesignV2 & Record<string, unknown>) => void): DesignV2 {
  const d = base() as DesignV2 & Record<string, unknown>;
  edit(d);
  return d;
}

describe('a version-2 design with clients', () => {
  it('is one with a client event, a request budget or the replay check', () => {
    expect(usesClients(lease())).toBe(true);
    expect(usesClients(twoPhase())).toBe(false);
    expect(usesClients(edited(twoPhase, (d) => (d.environment = { requests: 0 })))).toBe(true);
  });

  it('loads as version 1 model of its one participant', () => {
    const r = loadAnyDesignValueV2(lease());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.kind).toBe('clients');
    if (r.kind !== 'clients') return;
    expect(r.role).toBe('LockService');
    expect(r.model.events.map((e) => [e.name, e.source, e.idempotency, e.maxAttempts])).toEqual([
      ['Acquire', 'client', 'durable', 2],
      ['Expire', 'timer', 'none', 1],
    ]);
    expect(r.model.transitions.map((t) => t.name)).toEqual(['grant', 'expire']);
  });

  it('names a transition without id Role#k, and one without "to" stays in its state', () => {
    const d = edited(lease, (x) => {
      const t = x.roles[0]!.transitions[1]!;
      delete t.id;
      delete t.to;
    });
    const r = loadAnyDesignValueV2(d);
    if (!r.ok || r.kind !== 'clients') throw new Error('not loaded');
    expect(r.model.transitions[1]!.name).toBe('LockService#1');
    expect(r.model.transitions[1]!.to).toBe(r.model.transitions[1]!.from);
  });

  it('is refused by the version-2 explorer\'s loader with a reason', () => {
    const r = loadDesignValueV2(lease());
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['has-clients']);
    // The reason names the loader that does accept it, not a place to run it from.
    expect(r.ok ? '' : r.errors[0]!.message).toContain('loadAnyDesignValueV2');
    expect(r.ok ? '' : r.errors[0]!.message).not.toContain('command line)');
  });

  it('reports version 1\'s errors at the paths of the version-2 file', () => {
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.transitions[0]!.to = 'hold')))).toEqual([['/roles/0/transitions/0/to', 'unknown-state']]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.transitions[1]!.ack = 'durable')))).toEqual([['/roles/0/transitions/1/ack', expect.any(String) as string]]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.invariants![0]!.expr = 'grants <= sent.Acquir')))).toEqual([['/roles/0/invariants/0/expr', expect.any(String) as string]]);
    expect(errorsOf(edited(lease, (d) => (d.environment!.requests = 9)))).toEqual([['/environment/requests', expect.any(String) as string]]);
    // A "to" filled in from a wrong "from" is not reported twice.
    expect(errorsOf(edited(lease, (d) => {
      const t = d.roles[0]!.transitions[1]!;
      t.from = 'gone';
      delete t.to;
    }))).toEqual([['/roles/0/transitions/1/from', 'unknown-state']]);
  });

  it('has one participant: several roles, instances, messages, design invariants and version 2\'s network keys are refused', () => {
    const code = 'clients-one-participant';
    expect(errorsOf(edited(lease, (d) => d.roles.push({ name: 'Other', states: [{ name: 's', initial: true }], transitions: [] })))).toEqual([['/roles', code]]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.instances = 2)))).toEqual([['/roles/0/instances', code]]);
    expect(errorsOf(edited(lease, (d) => (d.messages = [{ name: 'M', from: 'LockService', to: 'LockService' }])))).toEqual([['/messages', code]]);
    expect(errorsOf(edited(lease, (d) => (d.invariants = [{ name: 'x', expr: 'true' }])))).toEqual([['/invariants', code]]);
    expect(errorsOf(edited(lease, (d) => (d.environment!.network = { model: 'channels', capacity: 2 })))).toEqual([
      ['/environment/network/model', code],
      ['/environment/network/capacity', code],
    ]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.transitions[0]!.from = ['free', 'held'])))).toEqual([['/roles/0/transitions/0/from', code]]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.transitions[0]!.id = 'a#1')))).toEqual([['/roles/0/transitions/0/id', code]]);
    expect(errorsOf(edited(lease, (d) => (d.roles[0]!.transitions[0]!.send = [{ message: 'M' }])))).toEqual([['/roles/0/transitions/0/send', code]]);
  });

  it('keeps client keys out of a design without clients', () => {
    const d = edited(twoPhase, (x) => {
      x.roles[0]!.transitions[0]!.ack = 'durable';
      (x.roles[0]!.events![0] as Record<string, unknown>)['retry'] = { maxAttempts: 2 };
    });
    expect(errorsOf(d)).toEqual([
      ['/roles/0/events/0/retry', 'client-only'],
      ['/roles/0/transitions/0/ack', 'client-only'],
    ]);
  });

  it('is what a version-1 design converts to, and lowers back to it', () => {
    const v1 = JSON.parse(readFileSync(join(examples, 'payment-retried.protocol.json'), 'utf8')) as Parameters<typeof fromVersion1>[0];
    const v2 = fromVersion1(v1);
    expect(v2.roles.map((r) => r.name)).toEqual(['Machine']);
    expect(v2.environment?.requests).toBe(v1.environment?.requests ?? 1);
    const back = lowerToVersion1(v2);
    expect(back.transitions.map(({ id: _id, ...t }) => t)).toEqual(v1.transitions.map(({ id: _id, ...t }) => t));
    expect({ ...back, transitions: [] }).toEqual({ ...v1, transitions: [] });
  });
});
