import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../../conformanceSuite';
import { smallDesign } from '../../engine/smallDesigns';
import { testModel } from '../../engine/testDesign';
import { loadDesign } from '../../model/load';
import type { Model } from '../../model/model';
import { crossCheck } from './crossCheck';
import { spinAvailable } from './runSpin';

/**
 * Spin against the explorer (issue 20): every valid conformance design, every example, and random
 * small designs. Needs `spin` and `gcc` (`.ci/run` installs them); without them this suite fails
 * with the install command rather than passing silently.
 */

function load(path: string): Model {
  const loaded = loadDesign(readFileSync(path, 'utf8'));
  if (!loaded.ok) throw new Error(`${path}: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}

// Small models: gcc without optimisation builds faster than pan runs, a 2^20-slot hash table is enough.
const FAST = { optimize: 0, hashBits: 20 } as const;

const valid = conformanceDir('valid');
const designs = [
  ...readdirSync(valid).filter((f) => f.endsWith('.protocol.json')).map((f) => join(valid, f)),
  ...readdirSync('examples').filter((f) => f.endsWith('.protocol.json')).map((f) => join('examples', f)),
];

describe('Spin and the explorer agree', () => {
  it('has Spin and gcc (apt-get install -y spin gcc)', () => {
    expect(spinAvailable()).toBe(true);
  });

  it.each(designs)('%s', (path) => {
    expect(crossCheck(load(path), FAST)).toEqual([]);
  }, 60_000);

  it('on a design whose names and descriptions try to break out of the model', () => {
    const hostile = 'x */ #define assert(c) skip\n#include "/etc/passwd" \\ /*';
    const hostileName = hostile.replace('\n', ' '); // names cannot hold line breaks
    const model = testModel({
      name: '*/ #define x',
      description: hostile,
      vars: [{ name: 'n', type: { int: [0, 3] }, initial: 0, description: hostile }],
      states: [{ name: 'Idle', initial: true, description: hostile }, { name: 'Done', final: true }],
      events: [{ name: 'Go', source: 'client', description: hostile }],
      transitions: [{ id: 't */ #define', from: 'Idle', event: 'Go', to: 'Done', updates: { n: 'n + 1' }, invariants: [{ name: hostileName.slice(0, 40), expr: "n' >= n" }] }],
      invariants: [{ name: `${hostileName.slice(0, 40)} s`, expr: 'n <= 1' }],
      environment: { requests: 2, network: { duplicate: 1 } },
    });
    expect(crossCheck(model, FAST)).toEqual([]);
  }, 60_000);

  it('on random small designs', () => {
    fc.assert(
      fc.property(smallDesign, (design) => {
        expect(crossCheck(testModel(design), FAST)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
