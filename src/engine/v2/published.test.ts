import { describe, expect, it } from 'vitest';
import { exploreV2 } from './explorer';
import { expectTlcFigures, loadExampleV2 } from './testDesigns';

/**
 * Acceptance against figures nobody here wrote: TLC's distinct-state counts for Gray and
 * Lamport's TwoPhase.tla and TCommit.tla (tlaplus/Examples, specifications/transaction_commit).
 * TLC reports the diameter counting the initial state as depth 1; ours counts steps, so 11 ↔ 10.
 * TLC's "total states" (states generated, the initial one included) is our transitions + 1.
 */
describe('TwoPhase.tla as a version-2 design', () => {
  it('3 resource managers: 288 configurations, diameter 11, 1,146 states generated; both invariants hold', () => {
    const r = exploreV2(loadExampleV2('tla-two-phase.protocol.json'));
    expectTlcFigures(r, 288, 11);
    expect(r.transitions + 1).toBe(1146);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('6 resource managers: 50,816 configurations (the figure in the file\'s closing comment)', () => {
    const r = exploreV2(loadExampleV2('tla-two-phase.protocol.json', 6));
    expect(r.verdict).toBe('ok');
    expect(r.states).toBe(50816);
  });

  it('the consistency invariant is not vacuous: letting the TM commit without every Prepared breaks it at the shortest depth', () => {
    const r = exploreV2(
      loadExampleV2('tla-two-phase.protocol.json', 3, (d) => {
        const tm = d.roles[0]!;
        const commit = tm.transitions[1]! as { guard?: string };
        commit.guard = 'exists r in RM: prepared[r]';
      }),
    );
    expect(r.verdict).toBe('violation');
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['invariant', 'TCConsistent', 5]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual(['RM[1] Prepare', 'TM receive Prepared from RM[1]', 'TM Commit', 'RM[1] receive Commit', 'RM[2] ChooseToAbort']);
    expect(r.violations[0]!.trace.at(-1)!.violation).toContain('TCConsistent is false');
  });
});

describe('TCommit.tla as a version-2 design', () => {
  it('3 resource managers: 34 configurations, diameter 7, 94 states generated; TCConsistent holds', () => {
    const r = exploreV2(loadExampleV2('tla-tcommit.protocol.json'));
    expectTlcFigures(r, 34, 7);
    expect(r.transitions + 1).toBe(94);
  });
});

describe('limits', () => {
  it('a state limit or a cancel gives incomplete, never ok', () => {
    const m = loadExampleV2('tla-two-phase.protocol.json', 5);
    expect(exploreV2(m, { maxStates: 100 })).toMatchObject({ verdict: 'incomplete', limit: 'states' });
    expect(exploreV2(m, { shouldStop: () => true })).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  });
});
