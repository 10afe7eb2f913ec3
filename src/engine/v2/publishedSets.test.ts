import { describe, expect, it } from 'vitest';
import { exportDesignV2 } from '../../export/v2/index';
import type { DesignV2 } from '../../model/v2/schema';
import { exploreV2 } from './explorer';
import { expectBrokenBy, expectTlcFigures, loadPublishedV2, walkV2 } from './testDesigns';

/**
 * A published specification written the natural way with set-typed vars (docs/format-v2.md §2,
 * §17): tlaplus/Examples specifications/Paxos/Voting.tla with MCVoting.cfg, votes[a] ⊆ Ballot × Value
 * as a map from ballots to sets of values (test-fixtures/published/voting-sets.protocol.json),
 * against TLC's figures, and against voting.protocol.json, the same specification with one var
 * per ballot (publishedCommit.test.ts). Nothing was tuned to agree.
 */
const published = loadPublishedV2;

describe('Voting.tla with sets (MCVoting: 3 acceptors, 2 values, ballots 0..1)', () => {
  it('under SYMMETRY MCSymmetry: 77 classes and diameter 11, as TLC', () => {
    const r = exploreV2(published('voting-sets.protocol.json'));
    expectTlcFigures(r, 77, 11);
    expect(r.symmetry).toEqual({ roles: ['A'], values: [['v1', 'v2']], permutations: 12, note: expect.any(String) });
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('without "symmetry": 599 configurations, diameter 11, the same states and steps as the one-var-per-ballot design', () => {
    const sets = exploreV2(published('voting-sets.protocol.json', (d) => delete d.symmetry));
    const vars = exploreV2(published('voting.protocol.json', (d) => delete d.symmetry));
    expectTlcFigures(sets, 599, 11);
    expect([sets.states, sets.transitions, sets.depth]).toEqual([vars.states, vars.transitions, vars.depth]);
  });

  it('VotesSafe is not vacuous: VoteFor without ShowsSafeAt breaks it, with and without symmetry, on a real run', () => {
    const broken = (d: DesignV2): void => {
      const t = d.roles[0]!.transitions[1] as { guard?: string };
      t.guard = t.guard!.slice(0, t.guard!.indexOf(' && (exists q1, q2 in A:'));
    };
    const full = exploreV2(published('voting-sets.protocol.json', (d) => (broken(d), delete d.symmetry)));
    const model = published('voting-sets.protocol.json', broken);
    const reduced = exploreV2(model);
    expectBrokenBy(full, 'VotesSafe');
    expectBrokenBy(reduced, 'VotesSafe');
    expect(reduced.violations.map((v) => [v.kind, v.name, v.depth])).toEqual(full.violations.map((v) => [v.kind, v.name, v.depth]));
    for (const v of reduced.violations) expect(walkV2(model, v.trace.map((s) => s.label)).taken).toHaveLength(v.depth);
  });

  it('OneValuePerBallot is not vacuous: VoteFor without "every other acceptor voted at most v" breaks it', () => {
    const r = exploreV2(published('voting-sets.protocol.json', (d) => {
      const t = d.roles[0]!.transitions[1] as { guard?: string };
      t.guard = t.guard!.replace('c.votes[event.b] <= {event.v}', 'true');
    }));
    expectBrokenBy(r, 'OneValuePerBallot');
  });

  it('exports to TypeScript (sets and maps keyed by values, docs/format-v2.md §15); SCXML refuses it naming the var; Mermaid draws it', async () => {
    const m = published('voting-sets.protocol.json');
    expect((await exportDesignV2(m, 'ts')).length).toBeGreaterThan(0);
    await expect(exportDesignV2(m, 'scxml')).rejects.toThrow(/the var A\.votes \(a map not keyed by a role\)/);
    const files = await exportDesignV2(m, 'mermaid');
    expect(files.length).toBeGreaterThan(0);
  });
});

describe('MissionariesAndCannibals.tla (3 missionaries, 3 cannibals): who_is_on_bank as a map from banks to sets of people', () => {
  it('Solution is violated, as TLC reports ("safety failure"), by the 11 crossings of the puzzle\'s solution', () => {
    const model = published('missionaries-and-cannibals.protocol.json');
    const r = exploreV2(model);
    expectBrokenBy(r, 'Solution');
    const v = r.violations[0]!;
    expect(v.depth).toBe(11);
    expect(walkV2(model, v.trace.map((s) => s.label)).taken).toHaveLength(11);
  });

  it('without Solution: 64 configurations, depth 12, as an independent enumeration of the specification counts (no TLC figure is published)', () => {
    const r = exploreV2(published('missionaries-and-cannibals.protocol.json', (d) => (d.invariants = [])));
    expect([r.verdict, r.states, r.depth]).toEqual(['ok', 64, 12]);
    // Each S of two people is the payload (p, q) and (q, p): the same successor, two steps.
    expect(r.transitions).toBe(420);
  });
});
