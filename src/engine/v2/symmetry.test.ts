import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { Symmetry } from './symmetry';
import { loadExampleV2, loadPublishedV2, modelOfV2, walkV2 } from './testDesigns';
import { designOf, shapes } from './symmetricDesigns';

/**
 * Symmetry reduction (docs/format-v2.md §18): a search that stores one configuration per class
 * finds exactly the classes of the full search (the distinct canonical forms of its
 * configurations), the same depth and the same verdict, and its traces are runs of the design.
 */

/** Every configuration of a full search (no symmetry). */
function fullStates(model: ModelV2): Float64Array[] {
  const e = createExplorationV2(model);
  while (!e.run(1000));
  const n = e.result().states;
  return Array.from({ length: n }, (_, r) => e.stored(r).configuration);
}

/** The number of distinct canonical forms of the full search's configurations. */
function classesOf(full: ModelV2, sym: Symmetry): number {
  return new Set(fullStates(full).map((c) => sym.canonical(c).join())).size;
}

function withoutSymmetry(design: DesignV2): DesignV2 {
  const copy = structuredClone(design);
  delete copy.symmetry;
  return copy;
}

/** The reduced search against the full one: classes, depth, verdict, violation kinds and depths; traces walk. */
function compare(design: DesignV2): void {
  const reducedModel = modelOfV2(design);
  const fullModel = modelOfV2(withoutSymmetry(design));
  const reduced = exploreV2(reducedModel);
  const full = exploreV2(fullModel);
  expect(reduced.verdict).toBe(full.verdict);
  expect(reduced.symmetry).toBeDefined();
  if (full.verdict === 'ok') {
    expect(reduced.states).toBe(classesOf(fullModel, new Symmetry(reducedModel)));
    expect(reduced.depth).toBe(full.depth);
    expect(reduced.coverage).toEqual(full.coverage);
  } else {
    const kinds = (r: typeof full) => r.violations.map((v) => `${v.kind} ${v.kind === 'invariant' ? v.name : ''} ${v.depth}`).sort();
    expect(kinds(reduced)).toEqual(kinds(full));
    for (const v of reduced.violations) {
      // Every label is enabled where the run is (walkV2 fails otherwise): a run of the design, of the violation's depth.
      const labels = v.trace.map((s) => s.label);
      expect(labels).toHaveLength(v.depth);
      walkV2(reducedModel, labels);
    }
  }
}

describe('symmetry reduction against the full search', () => {
  it('random symmetric designs: classes = distinct canonical forms of the full search; same depth, coverage and verdict; traces are runs', () => {
    fc.assert(
      fc.property(shapes, (s) => compare(designOf(s))),
      { numRuns: 30, seed: 20261203 },
    );
  });

  it('a canonical form is the same for every permutation of a configuration (SimplifiedFastPaxos: every 97th configuration, all 144 permutations)', () => {
    const reduced = loadPublishedV2('simplified-fast-paxos.protocol.json');
    const sym = new Symmetry(reduced);
    expect(sym.count).toBe(144);
    const full = fullStates(loadPublishedV2('simplified-fast-paxos.protocol.json', (d) => delete d.symmetry));
    for (let r = 0; r < full.length; r += 97) {
      const c = sym.canonical(full[r]!).join();
      const differ = [];
      for (let q = 0; q < sym.count; q++) if (sym.canonical(sym.permuted(full[r]!, q)).join() !== c) differ.push(q);
      expect(differ).toEqual([]);
    }
  });

  it('TwoPhase (examples/v2/tla-two-phase, 4 RMs) with its resource managers symmetric: the classes of its 1,568 configurations', () => {
    const edit = (d: DesignV2): void => void (d.symmetry = { roles: ['RM'] });
    const reduced = loadExampleV2('tla-two-phase.protocol.json', 4, edit);
    const full = loadExampleV2('tla-two-phase.protocol.json', 4);
    const r = exploreV2(reduced);
    expect(r.verdict).toBe('ok');
    expect(exploreV2(full).states).toBe(1568);
    expect(r.states).toBe(classesOf(full, new Symmetry(reduced)));
    expect(r.states).toBeLessThan(1568 / 4);
  });

  it('the two published designs without the key give their full counts (the key is the only difference)', () => {
    expect(exploreV2(loadPublishedV2('voting.protocol.json', (d) => delete d.symmetry)).states).toBe(599);
    expect(classesOf(loadPublishedV2('voting.protocol.json', (d) => delete d.symmetry), new Symmetry(loadPublishedV2('voting.protocol.json')))).toBe(77);
  });
});
