import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { diffText } from '../diff';
import { compareResultsV2, diffDesignsV2 } from './diffV2';
import { leaseBroken, modelOfV2, twoPhaseBroken } from './testDesignsV2';
import fixed from '../../../examples/v2/two-phase-commit-fixed.protocol.json';

describe('the diff of two versions of a design of several participants', () => {
  it('says nothing changed for the same design', () => {
    const m = modelOfV2(twoPhaseBroken());
    expect(diffDesignsV2(m, m).changes).toEqual([]);
  });

  it('names roles, messages and transitions added, removed and changed', () => {
    const before = twoPhaseBroken();
    const after = twoPhaseBroken();
    after.roles.push({ name: 'Observer', states: [{ name: 'watching', initial: true }], transitions: [{ from: 'watching', receive: 'Note', to: 'watching' }] });
    after.messages!.push({ name: 'Note', from: 'TM', to: 'Observer' });
    after.roles[1]!.instances = 3;
    after.roles[1]!.transitions[2]!.guard = 'true';
    after.roles[1]!.transitions.splice(3, 1);
    after.roles[1]!.transitions.push({ id: 'rm-abort', from: ['working', 'prepared'], receive: 'Abort', to: 'aborted' });
    after.roles[0]!.transitions.pop();
    after.environment!.network!.drop = 1;
    const changes = diffDesignsV2(modelOfV2(before), modelOfV2(after)).changes.map((c) => `${c.kind} ${c.element} ${c.name}${c.details.length ? `: ${c.details.join(' / ')}` : ''}`);
    expect(changes).toEqual([
      'changed role RM: instances: 2 → 3',
      'added role Observer',
      'removed transition TM.presume-abort',
      'changed transition RM.rm-commit: guard: (unset) → "true"',
      'added message Note',
      'changed environment environment: network.drop: 0 → 1',
    ]);
  });

  it('compares both checks side by side, with call outcomes per call site', () => {
    const brokenLease = modelOfV2(leaseBroken());
    const fixedLease = leaseBroken();
    fixedLease.roles[0]!.events![0]!.idempotency = 'durable';
    const rows = compareResultsV2(exploreV2(brokenLease), exploreV2(modelOfV2(fixedLease)));
    expect(rows.find((r) => r.figure === 'verdict')).toMatchObject({ before: 'violation', after: 'ok', changed: true });
    expect(rows.find((r) => r.figure === 'outcomes Client → Lock.Acquire')?.after).toMatch(/^ok \d+, error \d+, timeout \d+$/);
    const text = diffText(diffDesignsV2(brokenLease, modelOfV2(fixedLease)), rows, { before: 'broken', after: 'fixed' });
    expect(text).toContain('~ event Lock.Acquire\n    idempotency: "none" → "durable"');
    expect(text).toMatch(/verdict +violation +ok/);
  });

  it('shows the two-phase commit fix as a state and transition change', () => {
    const changes = diffDesignsV2(modelOfV2(twoPhaseBroken()), modelOfV2(fixed)).changes;
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'removed', element: 'state', name: 'TM.committing' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'changed', element: 'transition', name: 'TM.decide', details: expect.arrayContaining(['to: "committing" → "committed"']) }));
  });
});
