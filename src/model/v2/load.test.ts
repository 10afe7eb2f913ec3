import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesignError } from '../model';
import { declaredVersion, loadDesignV2, loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

const text = (name: string) => readFileSync(join(__dirname, '../../../examples', name.startsWith('payment') ? name : `v2/${name}`), 'utf8');
const twoPhase = (): DesignV2 => JSON.parse(text('tla-two-phase.protocol.json')) as DesignV2;

function errorsOf(edit: (d: DesignV2) => void): DesignError[] {
  const d = twoPhase();
  edit(d);
  const r = loadDesignValueV2(d);
  return r.ok ? [] : [...r.errors];
}

function only(edit: (d: DesignV2) => void): [string, string] {
  const errors = errorsOf(edit);
  expect(errors).toHaveLength(1);
  return [errors[0]!.path, errors[0]!.code];
}

describe('loading a version-2 design', () => {
  it('loads every version-2 example', () => {
    for (const f of ['tla-two-phase.protocol.json', 'tla-tcommit.protocol.json']) {
      const r = loadDesignV2(text(f));
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });

  it('reads the declared version without loading', () => {
    expect(declaredVersion(text('tla-two-phase.protocol.json'))).toBe(2);
    expect(declaredVersion(text('payment-retried.protocol.json'))).toBe(1);
    expect(declaredVersion('not json')).toBeUndefined();
  });

  it('reports an unknown key at its own path, with a suggestion', () => {
    const errors = errorsOf((d) => ((d.roles[1]!.transitions[0] as Record<string, unknown>)['guardd'] = 'true'));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['/roles/1/transitions/0/guardd', 'unknown-key']]);
    expect(errors[0]!.message).toContain('did you mean "guard"');
  });

  it('reports references at the key that names them', () => {
    expect(only((d) => (d.messages![0]!.to = 'TX'))).toEqual(['/messages/0/to', 'unknown-role']);
    expect(only((d) => (d.roles[1]!.transitions[2]!.from = ['working', 'done']))).toEqual(['/roles/1/transitions/2/from/1', 'unknown-state']);
    expect(only((d) => (d.roles[1]!.transitions[2]!.receive = 'Prepared'))).toEqual(['/roles/1/transitions/2/receive', 'wrong-receiver']);
    expect(only((d) => (d.roles[1]!.transitions[0]!.send = [{ message: 'Commit' }]))).toEqual(['/roles/1/transitions/0/send/0/message', 'wrong-sender']);
    expect(only((d) => (d.roles[0]!.transitions[1]!.send = [{ message: 'Commit' }]))).toEqual(['/roles/0/transitions/1/send/0', 'send-target']);
    expect(only((d) => (d.roles[0]!.vars![0]!.type = { map: { from: 'RN', to: 'bool' } }))).toEqual(['/roles/0/vars/0/type/map/from', 'unknown-role']);
  });

  it('checks expressions with columns: instances, maps, quantifiers, sender', () => {
    const errors = errorsOf((d) => (d.roles[0]!.transitions[1]!.guard = 'forall r in RN: prepared[r]'));
    expect(errors.map((e) => [e.path, e.code, e.column])).toEqual([['/roles/0/transitions/1/guard', 'unknown-role', 13]]);
    expect(only((d) => (d.roles[0]!.transitions[1]!.guard = 'prepared[RM[4]]'))).toEqual(['/roles/0/transitions/1/guard', 'bad-instance']);
    expect(only((d) => (d.roles[0]!.transitions[1]!.guard = 'prepared'))).toEqual(['/roles/0/transitions/1/guard', 'map-needs-index']);
    expect(only((d) => (d.roles[0]!.transitions[1]!.guard = 'sender == RM[1]'))).toEqual(['/roles/0/transitions/1/guard', 'sender-not-allowed']);
    expect(only((d) => (d.roles[0]!.transitions[0]!.updates = { 'prepared[sender]': '1' }))).toEqual(['/roles/0/transitions/0/updates/prepared[sender]', 'type-mismatch']);
    expect(only((d) => (d.roles[0]!.transitions[0]!.updates = { prepared: 'true' }))).toEqual(['/roles/0/transitions/0/updates/prepared', 'map-index']);
    expect(only((d) => (d.invariants![1]!.expr = 'RM.state == "working"'))).toEqual(['/invariants/1/expr', 'ambiguous-instance']);
    expect(only((d) => (d.invariants![1]!.expr = 'state == "init"'))).toEqual(['/invariants/1/expr', 'unknown-name']);
    expect(only((d) => (d.invariants![1]!.expr = 'count r in RM: r.state == "committed" <= 3'))).toEqual(['/invariants/1/expr', 'type-mismatch']);
    expect(errorsOf((d) => (d.invariants![1]!.expr = '(count r in RM: r.state == "committed") <= 3 && TM.state\' == TM.state'))[0]!.code).toBe('prime-not-allowed');
    expect(errorsOf((d) => (d.invariants![1] = { name: 'stays', kind: 'step', expr: '(count r in RM: r.state == "committed") <= 3 && (TM.state == "committed" => TM.state\' == TM.state)' }))).toEqual([]);
  });

  it('refuses a design beyond the limits before allocating it', () => {
    expect(only((d) => (d.roles[1]!.instances = 33))).toEqual(['/roles/1/instances', 'out-of-range']);
    const many = errorsOf((d) => {
      d.roles[1]!.instances = 32;
      d.roles.push({ ...d.roles[1]!, name: 'RM2' }, { ...d.roles[1]!, name: 'RM3' });
    });
    expect(many.map((e) => [e.path, e.code])).toEqual([['/roles', 'too-many']]);
    const payloads = errorsOf((d) => (d.messages![1]!.payload = [{ name: 'a', type: { int: [0, 99] } }, { name: 'b', type: { int: [0, 99] } }]));
    expect(payloads.map((e) => [e.path, e.code])).toEqual([['/messages/1/payload', 'too-many-payloads']]);
    expect(only((d) => (d.roles[0]!.vars![0]!.type = { map: { from: 'RM', to: { int: [0, 2 ** 31] } } }))).toEqual(['/roles/0/vars/0/type/map/to/int', 'range-too-wide']);
  });

  it('says when a version-1 design is marked version 2', () => {
    const v1 = JSON.parse(text('payment-retried.protocol.json')) as Record<string, unknown>;
    v1['version'] = 2;
    const r = loadDesignValueV2(v1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '/version', code: 'version-mismatch' });
  });

  it('refuses network keys that mean nothing for the pool, and budgets beyond 3', () => {
    expect(only((d) => (d.environment = { network: { model: 'pool', drop: 1 } }))).toEqual(['/environment/network/drop', 'not-for-pool']);
    expect(only((d) => (d.environment = { network: { model: 'channels', duplicate: 4 } }))).toEqual(['/environment/network/duplicate', 'out-of-range']);
  });
});
