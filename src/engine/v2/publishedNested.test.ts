import { describe, expect, it } from 'vitest';
import { exploreV2 } from './explorer';
import { expectBrokenBy, expectTlcFigures, loadPublishedV2 } from './testDesigns';
import { traceRowsV2 } from './traceTable';
import { viewConfigurationV2 } from './view';

/**
 * A published specification with a two-argument function written as a nested map
 * (docs/format-v2.md §2, §17): CRDT.tla's `counter \in [Node -> [Node -> Nat]]` as `counter[n][o]`.
 */
describe('CRDT.tla through MCCRDT.cfg with counter[n][o] a nested map (three nodes, ReductionNext, counter[n][n] <= 3)', () => {
  it('25,000 configurations, TLC depth 16; Safety holds; the same figures as the design flattened by hand into one map per row', () => {
    const r = exploreV2(loadPublishedV2('crdt-nested.protocol.json'));
    expectTlcFigures(r, 25000, 16);
    expect(r.coverage.transitions.unreached).toEqual([]);
    const flat = exploreV2(loadPublishedV2('crdt.protocol.json'));
    expect([r.states, r.transitions, r.depth]).toEqual([flat.states, flat.transitions, flat.depth]);
  });

  it('a gossip that copies the other view instead of merging it (no Max) breaks Safety', () => {
    const r = exploreV2(
      loadPublishedV2('crdt-nested.protocol.json', (d) => {
        const gossip = d.roles[0]!.transitions.find((t) => t.id === 'Gossip')!;
        for (const [k, v] of Object.entries(gossip.updates!)) gossip.updates![k] = v.replace(/^max\((counter\[event\.n\]\[Node\[\d\]\]), .*\)$/, '$1');
        expect(Object.values(gossip.updates!).every((v) => !v.startsWith('max'))).toBe(true);
      }),
    );
    expectBrokenBy(r, 'Safety');
    // The trace table shows a row of the nested map that a step changed, with its inner map.
    const model = loadPublishedV2('crdt-nested.protocol.json');
    const { rows } = traceRowsV2(model, r.violations[0]!, viewConfigurationV2(model, model.initial));
    expect(rows[0]![2]).toBe('running counter[Node[1]]={Node[1]: 0, Node[2]: 0, Node[3]: 0} counter[Node[2]]={Node[1]: 0, Node[2]: 0, Node[3]: 0} counter[Node[3]]={Node[1]: 0, Node[2]: 0, Node[3]: 0}');
    expect(rows[1]![2]).toMatch(/^running counter\[Node\[\d\]\]=\{Node\[1\]: \d, Node\[2\]: \d, Node\[3\]: \d\}$/);
  });
});
