import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { loadAnyDesignValueV2, loadDesignValueV2 } from '../../model/v2/load';
import { exploreWithClients } from './clients';
import { exploreV2 } from './explorer';
import { loadExampleV2, readExampleV2 } from './testDesigns';

/** Each version-2 lesson: the broken design breaks at the expected shortest depth, the fixed one holds. */
const expected: Record<string, { verdict: string; violations?: [string, string, number][]; states?: number }> = {
  'two-phase-commit-broken': { verdict: 'violation', violations: [['invariant', 'all or nothing', 10]] },
  'two-phase-commit-fixed': { verdict: 'ok', states: 382 },
  'two-phase-commit-coordinator-stops': { verdict: 'violation', violations: [['deadlock', 'RM[1]', 3], ['deadlock', 'RM[2]', 3]], states: 75 },
  'two-phase-commit-termination-broken': { verdict: 'violation', violations: [['invariant', 'all or nothing', 8]], states: 311 },
  'two-phase-commit-termination-fixed': { verdict: 'ok', states: 1362 },
  'lease-without-fencing': { verdict: 'violation', violations: [['invariant', 'writes in lease order', 11]] },
  'lease-with-fencing': { verdict: 'ok', states: 116 },
  'primary-backup-broken': { verdict: 'violation', violations: [['invariant', 'acked write survives', 7]] },
  'primary-backup-fixed': { verdict: 'ok', states: 93 },
  'raft-election-volatile-vote': { verdict: 'violation', violations: [['invariant', 'one leader per term', 8]], states: 7905 },
  'raft-election-durable-vote': { verdict: 'ok', states: 9393 },
  'saga-charge-timeout-broken': { verdict: 'violation', violations: [['invariant', 'no charge without goods or refund', 4]], states: 98 },
  'saga-charge-timeout-fixed': { verdict: 'ok', states: 40204 },
  'lease-calls-broken': { verdict: 'violation', violations: [['replay', 'Acquire', 5]] },
  'lease-calls-fixed': { verdict: 'ok', states: 41418 },
  'lease-calls-best-effort': { verdict: 'violation', violations: [['invariant', 'one holder', 8]], states: 899 },
  // Designs with clients (§13) run on version 1's client rules: the figures of `check FILE`.
  'lease-service-retries-broken': { verdict: 'violation', violations: [['replay', 'Acquire', 6]], states: 88 },
  'lease-service-retries-fixed': { verdict: 'ok', states: 156 },
  'tla-two-phase': { verdict: 'ok', states: 288 },
  'tla-tcommit': { verdict: 'ok', states: 34 },
};

describe('the version-2 examples', () => {
  it('are all registered, each with a file of the same slug', () => {
    expect(examplesV2.map((e) => e.slug).sort()).toEqual(Object.keys(expected).sort());
    for (const e of examplesV2) expect(readExampleV2(`${e.slug}.protocol.json`)).toEqual(e.design);
  });

  it.each(examplesV2.map((e) => [e.slug, e] as const))('%s', (slug, example) => {
    const loaded = loadAnyDesignValueV2(example.design);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const r = loaded.kind === 'clients' ? exploreWithClients(loaded.model, loaded.role) : exploreV2(loaded.model);
    const want = expected[slug]!;
    expect(r.verdict).toBe(want.verdict);
    if (want.violations) expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual(want.violations);
    if (want.states !== undefined) expect(r.states).toBe(want.states);
    const sentences = (example.design.description ?? '').split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  it('the broken two-phase commit crashes the coordinator between a COMMIT and its log write', () => {
    const loaded = loadDesignValueV2(examplesV2[0]!.design);
    if (!loaded.ok) throw new Error('invalid');
    const labels = exploreV2(loaded.model).violations[0]!.trace.map((s) => s.label);
    expect(labels.slice(4)).toEqual(['TM Decide', 'TM SendCommit(rm=RM[1])', 'RM[1] receive Commit', 'crash TM', 'restart TM (presume-abort)', 'RM[2] receive Abort']);
  });
});

describe('the lessons written from the docs alone', () => {
  const labelsOf = (slug: string) => {
    const loaded = loadDesignValueV2(examplesV2.find((e) => e.slug === slug)!.design);
    if (!loaded.ok) throw new Error('invalid');
    return exploreV2(loaded.model).violations[0]!.trace.map((s) => s.label);
  };

  it('the volatile vote: Node[1] leads term 1, crashes, forgets its vote and elects Node[3] in the same term', () => {
    expect(labelsOf('raft-election-volatile-vote').slice(2)).toEqual([
      'Node[1] receive Vote(term=1) from Node[2]',
      'Node[3] ElectionTimeout',
      'crash Node[1]',
      'restart Node[1] (recover)',
      'Node[1] receive RequestVote(term=1) from Node[3]',
      'Node[3] receive Vote(term=1) from Node[1]',
    ]);
  });

  it('the saga: the charge times out for good, the order is cancelled, then the charge arrives', () => {
    expect(labelsOf('saga-charge-timeout-broken')).toEqual([
      'Order Place',
      'Order Charge timed out (retry 2 of 2)',
      'Order Charge timed out (ambiguous)',
      'Payment receive Charge #1',
    ]);
  });
});

describe('deadlock', () => {
  it('is reported for an instance of a role with final states left waiting, at the shortest depth', () => {
    const model = loadExampleV2('primary-backup-fixed.protocol.json', undefined, (d) => (d.environment!.checks = { deadlock: true }));
    const r = exploreV2(model);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['deadlock', 'Client', 6]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toContain('crash Primary');
  });
});
