import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../../conformanceSuite';
import { loadDesignValue } from '../../model/load';
import type { Model } from '../../model/model';
import { fromVersion1, lowerToVersion1 } from '../../model/v2/clients';
import { loadAnyDesignV2 } from '../../model/v2/load';
import { arbitraryDesign } from '../../export/testing/arbitraryDesign';
import { explore } from '../explorer';
import type { CheckResult } from '../result';
import { smallDesign } from '../smallDesigns';
import { exploreWithClients, type CheckResultWithClients } from './clients';

/**
 * docs/format-v2.md §13: a version-1 file loads as a version-2 design with one participant and
 * gives exactly the same results. Every valid conformance design, every version-1 example and
 * random designs are checked both ways: as version 1, and converted (`fromVersion1`), written out
 * as text, loaded by the version-2 loader and checked as version 2. The one documented difference
 * is naming: version 2 names a transition without id `Machine#k` (version 1: `#k`) and a state in
 * coverage `Machine.state`.
 */

const ROLE = 'Machine';
const v2Name = (name: string) => (/^#\d+$/.test(name) ? `${ROLE}${name}` : name);

function summary(r: CheckResult | CheckResultWithClients, rename: (s: string) => string, state: (s: string) => string) {
  return {
    verdict: r.verdict,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    violations: r.violations.map((v) => ({ kind: v.kind, name: v.kind === 'eval-error' ? rename(v.name) : v.name, depth: v.depth, labels: v.trace.map((s) => s.label) })),
    outcomes: r.outcomes,
    states_: { reached: r.coverage.states.reached.map(state), unreached: r.coverage.states.unreached.map(state) },
    transitions_: { reached: r.coverage.transitions.reached.map(rename), unreached: r.coverage.transitions.unreached.map(rename) },
  };
}

function bothWays(value: unknown): void {
  const v1 = loadDesignValue(value);
  if (!v1.ok) throw new Error(`not a valid version-1 design: ${JSON.stringify(v1.errors)}`);
  const model: Model = v1.model;
  const text = JSON.stringify(fromVersion1(model.design, ROLE));
  const v2 = loadAnyDesignV2(text);
  if (!v2.ok) throw new Error(`the converted design does not load: ${JSON.stringify(v2.errors)}`);
  expect(v2.kind).toBe('clients');
  if (v2.kind !== 'clients') return;
  const options = { maxStates: 200_000 };
  const one = summary(explore(model, options), v2Name, (s) => `${ROLE}.${s}`);
  const two = summary(exploreWithClients(v2.model, v2.role, options), (s) => s, (s) => s);
  expect(two).toEqual(one);
}

const conformance = (): [string, unknown][] => {
  const dir = conformanceDir('valid');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, unknown>;
  return Object.keys(expected).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);
};

const examplesDir = join(import.meta.dirname, '../../../examples');
const examples = (): [string, unknown][] =>
  readdirSync(examplesDir)
    .filter((f) => f.endsWith('.protocol.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(examplesDir, f), 'utf8'))]);

describe('a version-1 design loaded as a version-2 design with one participant', () => {
  it.each(conformance())('conformance %s gives the same result', (_, value) => bothWays(value));

  it.each(examples())('example %s gives the same result', (_, value) => bothWays(value));

  it('random small designs give the same results', () => {
    fc.assert(fc.property(smallDesign, (d) => bothWays({ format: 'protocol-studio', version: 1, name: 'random', ...d })), { numRuns: 60, seed: 13 });
  });

  it('random designs of the export tests give the same results', () => {
    fc.assert(fc.property(arbitraryDesign, (d) => bothWays(d)), { numRuns: 40, seed: 13 });
  });

  it('lowers back to the same version-1 design (ids added for transitions without one)', () => {
    for (const [, value] of [...conformance(), ...examples()]) {
      const v1 = loadDesignValue(value);
      if (!v1.ok) throw new Error('invalid');
      const design = v1.model.design;
      const back = lowerToVersion1(fromVersion1(design, ROLE));
      const withIds = { ...design, transitions: design.transitions.map((t, k) => ({ ...t, id: t.id ?? `${ROLE}#${k}` })) };
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(withIds)));
    }
  });
});
