import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import { createExplorationV2 } from './explorer';
import { Packing } from './packing';
import { SimulationV2 } from './simulator';
import { StepRules } from './stepRules';
import { loadExampleV2, loadPublishedV2, participantExamplesV2 } from './testDesigns';
import { stepLabel } from './view';

/**
 * Issue 11's step-by-step agreement, for version 2: the simulator (every successor a fresh copy)
 * against what the explorer does (steps applied in place, journaled, the successor's key patched
 * from the parent's packing, then undone). For every configuration the explorer stored (all of a
 * small design, the first `CAP` of a larger one): replaying its parent links through the
 * simulator reaches exactly it; the simulator's enabled steps and the explorer's enumeration are
 * the same steps in the same order (labels, violations, whether anything changed), and the
 * patched key of each is the packing of the simulator's successor. Over a complete search, the
 * simulator's steps from the stored configurations are the explorer's transitions, and every
 * successor is stored.
 */

const CAP = 1500;

function designs(): [string, ModelV2][] {
  const out: [string, ModelV2][] = participantExamplesV2('all').map((f) => [f, loadExampleV2(f)]);
  const faulty = (d: { environment?: unknown }, network: Record<string, unknown>) => {
    const env = (d.environment ?? {}) as Record<string, unknown>;
    d.environment = { ...env, network: { ...(env['network'] as object), ...network } } as never;
  };
  out.push([
    '2PC fixed, drop, duplicate, reorder',
    loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, (d) =>
      faulty(d, { capacity: 3, drop: 1, duplicate: 1, reorder: true }),
    ),
  ]);
  out.push([
    'lease with fencing, drop 2',
    loadExampleV2('lease-with-fencing.protocol.json', undefined, (d) => faulty(d, { capacity: 2, drop: 2 })),
  ]);
  out.push([
    'primary/backup broken, duplicate 2',
    loadExampleV2('primary-backup-broken.protocol.json', undefined, (d) =>
      faulty(d, { capacity: 2, duplicate: 2 }),
    ),
  ]);
  out.push(['TwoPhase, 4 RMs', loadExampleV2('tla-two-phase.protocol.json', 4)]);
  out.push(['CRDT, counter[n][o] a nested map', loadPublishedV2('crdt-nested.protocol.json')]);
  out.push([
    '2PC fixed, per-link: votes in the pool, Commit reliable',
    loadExampleV2('two-phase-commit-fixed.protocol.json', undefined, (d) =>
      faulty(d, {
        capacity: 3,
        drop: 1,
        duplicate: 1,
        links: [
          { message: 'Vote', model: 'pool' },
          { message: 'Commit', reliable: true },
        ],
      }),
    ),
  ]);
  out.push([
    '2PC broken, 3 crashes: each RM at most once, TM never',
    loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, crashes: 3 };
      d.roles.find((r) => r.name === 'TM')!.crashes = 0;
      d.roles.find((r) => r.name === 'RM')!.crashes = 1;
    }),
  ]);
  return out;
}

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('version 2: the simulator and the explorer agree step by step', () => {
  it.each(designs())(
    '%s',
    (_, model) => {
      const exploration = createExplorationV2(model, { maxStates: CAP });
      while (!exploration.run(1000));
      const result = exploration.result();
      const stored = Math.min(result.states, CAP);
      const packing = new Packing(model);
      const W = packing.words;
      const keyOf = (vec: Float64Array) => {
        const k = new Int32Array(W);
        packing.pack(vec, k, 0);
        return k.join(',');
      };
      const storedKeys = new Set<string>();
      for (let r = 0; r < stored; r++) storedKeys.add(keyOf(exploration.stored(r).configuration));
      expect(storedKeys.size).toBe(stored);

      const rules = new StepRules(model);
      let steps = 0;
      let expanded = 0;
      for (let r = 0; r < stored; r++) {
        const { configuration } = exploration.stored(r);
        // The parent links, replayed through the simulator.
        const path: number[] = [];
        for (let at = r; exploration.stored(at).parent >= 0; at = exploration.stored(at).parent)
          path.unshift(exploration.stored(at).ordinal);
        const sim = new SimulationV2(model);
        for (const ordinal of path) expect(sim.take(ordinal)).toBe(true);
        expect(same(sim.current, configuration), `record ${r} replayed`).toBe(true);
        if (sim.violations().length > 0) continue; // not expanded
        // Step by step: the simulator's copies against the in-place, journaled enumeration.
        const enabled = sim.enabled();
        const parentKey = new Int32Array(W);
        packing.pack(configuration, parentKey, 0);
        let i = 0;
        rules.forEachStep(configuration, (step, next, violations, changed) => {
          const want = enabled[i++]!;
          const where = `record ${r}, step ${i - 1} (${want.label})`;
          expect(stepLabel(model, step, configuration), where).toBe(want.label);
          expect(
            violations.map((v) => `${v.kind}:${v.name}:${v.step}`),
            where,
          ).toEqual(want.violations.map((v) => `${v.kind}:${v.name}:${v.step}`));
          expect(next === null, where).toBe(want.next === null);
          if (next === null || want.next === null) return;
          expect(same(next, want.next), where).toBe(true);
          expect(changed, where).toBe(!same(want.next, configuration));
          const patched = parentKey.slice();
          packing.patch(patched, configuration, next, rules.written, rules.writtenCount);
          expect(patched.join(','), where).toBe(keyOf(want.next));
          if (result.verdict === 'ok') expect(storedKeys.has(keyOf(want.next)), where).toBe(true);
        });
        expect(i, `record ${r}: steps enumerated`).toBe(enabled.length);
        steps += enabled.length;
        expanded++;
      }
      expect(expanded).toBeGreaterThan(0);
      if (result.verdict === 'ok') expect(steps).toBe(result.transitions);
    },
    120_000,
  );
});
