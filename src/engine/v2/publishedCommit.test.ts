import { describe, expect, it } from 'vitest';
import type { DesignV2 } from '../../model/v2/schema';
import { expectBrokenBy, expectTlcFigures, loadPublishedV2, walkV2 } from './testDesigns';
import { exploreV2 } from './explorer';

/**
 * Commit and consensus specifications of tlaplus/Examples written as version-2 designs
 * (test-fixtures/published), against TLC's published figures (each spec's manifest.json).
 * TLC's depth counts the initial state as 1, ours counts steps: TLC's d is our d - 1.
 * Where a figure differs the reason is below and in docs/format-v2.md ("Commit and consensus
 * specifications"); the encodings were not tuned to agree.
 */
const published = loadPublishedV2;

describe('2PCwithBTM.tla (2PCwithBTM.cfg: 3 RMs, RMMAYFAIL, TMMAYFAIL)', () => {
  it('1,245 configurations and diameter 15, as TLC; TypeOK and Consistency hold', () => {
    const r = exploreV2(published('2pc-with-btm.protocol.json'));
    expectTlcFigures(r, 1245, 15);
    expect(r.coverage.transitions.unreached).toEqual([]);
    // TLC generated 5,841 states; we take 4,842 steps over the same states. TLC generates one
    // successor per witness of an \E and per true disjunct even when they lead to the same state
    // (canAbort's and canCommit's \E rm, rmState[p] = "working" \/ tmState = "abort"), plus
    // Terminating's stuttering step; a variant with an event for each takes 5,342 steps. The
    // other 498 (5,841 counts the initial state) are not traced (docs/format-v2.md §17).
    expect(r.transitions).toBe(4842);
  });

  it('without canAbort\'s "no RM committed" (the specification\'s "inconsistent if commented") Consistency fails', () => {
    const r = exploreV2(
      published('2pc-with-btm.protocol.json', (d) => {
        for (const role of d.roles.slice(0, 2)) {
          const t = role.transitions[1] as { guard?: string };
          t.guard = t.guard!.replace(' && !(exists r in RM: r.state == "committed")', '');
        }
      }),
    );
    expect(r.verdict).toBe('violation');
    expect(r.violations.map((v) => [v.kind, v.name])).toEqual([['invariant', 'Consistency']]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toContain('BTM ChooseAbort');
  });
});

describe('ACP_SB.tla and ACP_NB.tla (Babaoglu and Toueg atomic commitment with failures)', () => {
  // TLA+'s Init chooses every participant's vote (participant \in [... vote : {yes, no} ...]):
  // 2^n initial states, here a list of initial values per entry of the role Votes's map.
  it('ACP_SB, 3 participants: 54,944 configurations, diameter 21, as TLC; AC1, AC2, AC3_1, AC4_alt hold', () => {
    const r = exploreV2(published('acp-sb.protocol.json'));
    expectTlcFigures(r, 54944, 21);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('ACP_NB, 2 participants: 4,284 configurations, diameter 19, as TLC; the safety properties hold', () => {
    const r = exploreV2(published('acp-nb.protocol.json'));
    expectTlcFigures(r, 4284, 19);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('AC2 is not vacuous: a coordinator that commits on any yes vote breaks it', () => {
    const r = exploreV2(
      published('acp-sb.protocol.json', (d) => {
        const t = d.roles[1]!.transitions.find((x) => x.id === 'makeDecisionCommit') as { guard?: string };
        t.guard = 'decision == "undecided" && (exists j in P: vote[j] == "yes")';
      }),
    );
    expectBrokenBy(r, 'AC2');
  });
});

describe('Paxos (specifications/Paxos)', () => {
  it('MCPaxos (1 acceptor, 1 value, ballots 0..1): 25 configurations, diameter 9, 82 generated, as TLC; Inv2..Inv4, read off the pool, hold', () => {
    const r = exploreV2(published('paxos.protocol.json'));
    expectTlcFigures(r, 25, 9);
    expect(r.transitions + 1).toBe(82);
  });

  it('SimplifiedFastPaxos/Paxos.tla (4 replicas, 3 values, ballots 0..2) under SYMMETRY PaxosSymmetry: 1,207 classes and diameter 22, as TLC', () => {
    // Paxos.cfg has SYMMETRY PaxosSymmetry (permutations of replicas and of values); the design's
    // "symmetry" says the same, and the explorer keeps one configuration per class (format-v2.md §16).
    const r = exploreV2(published('simplified-fast-paxos.protocol.json'));
    expect(r.verdict).toBe('ok');
    expect(r.symmetry).toEqual({ roles: ['R'], values: [['v1', 'v2', 'v3']], permutations: 144, note: expect.any(String) });
    expect(r.states).toBe(1207);
    expect(r.depth + 1).toBe(22);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('SimplifiedFastPaxos without "symmetry": 48,514 configurations, diameter 22 (the independent enumeration\'s states, in 1,207 classes)', () => {
    // Guards read the pool with quantifiers (exists m in P1b: ...), as the specification reads messages.
    const r = exploreV2(published('simplified-fast-paxos.protocol.json', (d) => delete d.symmetry));
    expect(r.verdict).toBe('ok');
    expect(r.symmetry).toBeUndefined();
    expect(r.states).toBe(48514);
    expect(r.depth + 1).toBe(22);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('PaxosConsistency is not vacuous: a PaxosAccept that ignores the 1b messages\' values lets the decision change, with and without symmetry, on a real run', () => {
    const broken = (d: DesignV2): void => {
      const t = d.roles[0]!.transitions[1] as { guard?: string };
      t.guard = t.guard!.slice(0, t.guard!.indexOf(' && ((forall m in P1b'));
    };
    const full = exploreV2(published('simplified-fast-paxos.protocol.json', (d) => (broken(d), delete d.symmetry)));
    const model = published('simplified-fast-paxos.protocol.json', broken);
    const reduced = exploreV2(model);
    for (const r of [full, reduced]) {
      expect(r.verdict).toBe('violation');
      expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['invariant', 'PaxosConsistency', 18]]);
    }
    // The trace under symmetry is a run of the design: the simulator takes its steps by their labels.
    const labels = reduced.violations[0]!.trace.map((s) => s.label);
    expect(labels).toHaveLength(18);
    walkV2(model, labels.slice(0, -1));
  });

  it('MCVoting (3 acceptors, 2 values, ballots 0..1) under SYMMETRY MCSymmetry: 77 classes and diameter 11, as TLC', () => {
    const r = exploreV2(published('voting.protocol.json'));
    expect(r.verdict).toBe('ok');
    expect(r.symmetry).toEqual({ roles: ['A'], values: [['v1', 'v2']], permutations: 12, note: expect.any(String) });
    expect(r.states).toBe(77);
    expect(r.depth + 1).toBe(11);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('MCVoting without "symmetry": 599 configurations, diameter 11 (an independent enumeration of Voting.tla gives the same 599 states, in 77 classes)', () => {
    const r = exploreV2(published('voting.protocol.json', (d) => delete d.symmetry));
    expectTlcFigures(r, 599, 11);
  });

  it('VotesSafe is not vacuous: VoteFor without ShowsSafeAt breaks it, with and without symmetry, on a real run', () => {
    const broken = (d: DesignV2): void => {
      const t = d.roles[0]!.transitions[1] as { guard?: string };
      t.guard = t.guard!.slice(0, t.guard!.lastIndexOf(' && (event.b == 0 ?'));
    };
    const full = exploreV2(published('voting.protocol.json', (d) => (broken(d), delete d.symmetry)));
    const model = published('voting.protocol.json', broken);
    const reduced = exploreV2(model);
    expect(full.verdict).toBe('violation');
    expect(reduced.verdict).toBe('violation');
    expect(reduced.violations.map((v) => [v.kind, v.name, v.depth])).toEqual(full.violations.map((v) => [v.kind, v.name, v.depth]));
    expect(reduced.violations.map((v) => v.name)).toContain('VotesSafe');
    for (const v of reduced.violations) {
      const sim = walkV2(model, v.trace.map((s) => s.label));
      expect(sim.taken).toHaveLength(v.depth);
    }
  });
});

describe('nbacc_ray97.tla (nbacc_ray97.cfg: N = 2)', () => {
  it('3,016 configurations, TLC depth 7: Init\'s per-process choice is two initial states and a list of initial fd values', () => {
    // Init chooses pc \in {YES, NO} and fd \in BOOLEAN per process: 16 initial configurations
    // (YES and NO are both initial states, fd lists both values). Receive (any superset within
    // sent), the detector's update and the action are one Step event whose payload is all three,
    // its guard reading the pool.
    const m = published('nbacc-ray97.protocol.json');
    expect(m.initials).toHaveLength(16);
    const r = exploreV2(m);
    expectTlcFigures(r, 3016, 7);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });
});
