import { describe, expect, it } from 'vitest';
import { expectBrokenBy, expectTlcFigures, loadPublishedV2, transitionOf } from './testDesigns';
import { exploreV2 } from './explorer';
import { explorePartitionedV2 } from './threadResult';

/**
 * Five more of tlaplus/Examples' published TLC figures (each specification's manifest.json:
 * distinctStates, stateDepth), of kinds the others do not cover: a self-stabilizing ring whose
 * every state is initial, Byzantine processes, resources allocated as sets, a leader election
 * whose actions read whole mailboxes, and a puzzle over shared switches (docs/format-v2.md §17). TLC's depth counts the initial state as 1, ours counts steps. Each
 * design has a broken variant that its invariants or types catch.
 */
const published = loadPublishedV2;

const transition = transitionOf;

describe('TokenRing.tla, Dijkstra\'s EWD426 (TokenRing.cfg: N = 6, M = 6)', () => {
  it('46,656 configurations, TLC depth 1: all 6^6 initial (more than the 32,768 combinations once allowed)', () => {
    const m = published('token-ring.protocol.json');
    expect(m.initials).toHaveLength(46656);
    const r = exploreV2(m);
    expectTlcFigures(r, 46656, 1);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('on two partitions, whose shared set is sized for the first level before it is stored', async () => {
    // A set of 1,024 slots would be full before any level is expanded (it grows only between levels).
    const r = await explorePartitionedV2(published('token-ring.protocol.json'), {}, 2, 1024);
    expect([r.verdict, r.states, r.depth]).toEqual(['ok', 46656, 0]);
  });

  it('TypeOK is the types: node 0 injecting c[N-1] + 1 without the modulo leaves 0..M-1', () => {
    const r = exploreV2(published('token-ring.protocol.json', (d) => (transition(d, 'Node', 'CreateToken').updates!.c = 'Node[6].c + 1')));
    expectBrokenBy(r, 'Node.c');
  });
});

describe('bcastByz.tla, reliable broadcast with a Byzantine process (bcastByz.cfg: N = 4, T = 1, F = 1)', () => {
  it('14,424 configurations, TLC depth 7, from 64 initial ones (pc and the faulty process chosen); TypeOK and FCConstraints hold', () => {
    const m = published('bcast-byz.protocol.json');
    expect(m.initials).toHaveLength(64);
    const r = exploreV2(m);
    expectTlcFigures(r, 14424, 7);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('receiving an ECHO that process 1 never sent breaks TypeOK (rcvd within sent and the Byzantine messages)', () => {
    const r = exploreV2(
      published('bcast-byz.protocol.json', (d) => {
        const t = transition(d, 'Proc', 'UponV1OrNonFaulty');
        t.guard = t.guard!.replace('(Proc[1].faulty || Proc[1].state == "SE" || Proc[1].state == "AC")', 'true');
      }),
    );
    expectBrokenBy(r, 'RcvdFromSentOrByzantine');
  });

  it('two faulty processes (F = 2 > T) break FCConstraints', () => {
    const r = exploreV2(published('bcast-byz.protocol.json', (d) => (d.initially = '(count p in Proc: p.faulty) == 2')));
    expectBrokenBy(r, 'FCConstraints');
  });
});

describe('SimpleAllocator.tla (SimpleAllocator.cfg: three clients, two resources)', () => {
  it('400 configurations, TLC depth 6; ResourceMutex holds', () => {
    const r = exploreV2(published('simple-allocator.protocol.json'));
    expectTlcFigures(r, 400, 6);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('allocating without asking whether the resources are available breaks ResourceMutex', () => {
    const r = exploreV2(
      published('simple-allocator.protocol.json', (d) => {
        const t = transition(d, 'Allocator', 'Allocate');
        t.guard = t.guard!.slice(0, t.guard!.indexOf(' && (forall d in Client'));
      }),
    );
    expectBrokenBy(r, 'ResourceMutex');
  });
});

describe('YoYoNoPruning.tla, Yo-Yo leader election (MCYoYoNoPruning.cfg: 5 nodes, 5 edges)', () => {
  it('60 configurations, TLC depth 19; TypeOK, NeighborInv and NoNewSource (a step invariant) hold', () => {
    const m = published('yoyo.protocol.json');
    // incoming lists the four sets Init gives the nodes (4^5 combinations); "initially" keeps Init's.
    expect(m.initials).toHaveLength(1);
    const r = exploreV2(m);
    expectTlcFigures(r, 60, 19);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('a node that reverses its edges without saying no (yes to every incoming neighbour) breaks NeighborInv', () => {
    const r = exploreV2(
      published('yoyo.protocol.json', (d) => {
        const t = transition(d, 'Sys', 'UpOtherYes');
        for (const [k, v] of Object.entries(t.updates!)) if (k.startsWith('up[Node[')) t.updates![k] = v.replace(/\(down\[event\.n\]\[Node\[\d\]\] == event\.mv \? "yes" : "no"\)/, '"yes"');
      }),
    );
    expectBrokenBy(r, 'NeighborInv');
  });
});

describe('Prisoners.tla (Prisoners.cfg: four prisoners, p1 counts)', () => {
  it('214 configurations, TLC depth 14, from 4 initial ones (both switches chosen); CountInvariant and Safety hold', () => {
    const m = published('prisoners.protocol.json');
    expect(m.initials).toHaveLength(4);
    const r = exploreV2(m);
    expectTlcFigures(r, 214, 14);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('a counter that counts whether or not switch A is up breaks CountInvariant', () => {
    const r = exploreV2(published('prisoners.protocol.json', (d) => (transition(d, 'Room', 'CounterCounts').guard = 'true')));
    expectBrokenBy(r, 'CountInvariant');
  });
});
