import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testModel } from '../../engine/testDesign';
import { loadDesign } from '../../model/load';
import { promelaModel } from './export';
import { PromelaLimit } from './expr';
import { bitstateCoverage, parsePanReport } from './panReport';
import { promelaComment } from './text';
import { replayTrail, trailSteps } from './trail';

const HOSTILE = 'x */ y \u2028 z " \' ` #define assert(x) skip\n#include "/etc/passwd" \\ // end */ /*';
// Names cannot hold line breaks (the loader refuses them); everything else hostile stays.
const HOSTILE_NAME = HOSTILE.replace(/[\n\u2028]/g, ' ');

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '');
}

describe('the Promela model', () => {
  it('keeps user text inside comments it cannot end', () => {
    // Line separators are white space: one line, one space.
    expect(promelaComment(HOSTILE)).toBe('/* x ?? y z ? ? ? ?define assert(x) skip ?include ??etc?passwd? ? ?? end ?? ?? */');
    const model = testModel({
      name: '*/ #define x',
      description: HOSTILE,
      vars: [{ name: 'n', type: { int: [0, 3] }, initial: 0, description: HOSTILE }],
      states: [{ name: 'Idle', initial: true, description: HOSTILE }, { name: 'Done' }],
      events: [{ name: 'Go', source: 'client', description: HOSTILE }],
      transitions: [{ id: `t */ #define`, from: 'Idle', event: 'Go', to: 'Done', updates: { n: 'n + 1' }, invariants: [{ name: HOSTILE_NAME.slice(0, 60), expr: "n' >= n" }] }],
      invariants: [{ name: `${HOSTILE_NAME.slice(0, 50)} s`, expr: 'n <= 1' }],
    });
    const code = withoutComments(promelaModel(model));
    for (const fragment of ['define', 'include', 'passwd', 'Idle', 'Done', 'Go', '"', '\\', '`']) {
      expect(code.replace(/printf\("@S[ \d]*\\n"\)/g, ''), fragment).not.toContain(fragment);
    }
    expect(code).not.toContain('*/');
  });

  it('refuses a design whose values leave 32 bits', () => {
    const wide = testModel({
      vars: [{ name: 'n', type: { int: [0, 2 ** 40] }, initial: 0 }],
      states: [{ name: 'A', initial: true }],
      events: [],
      transitions: [],
    });
    expect(() => promelaModel(wide)).toThrow(PromelaLimit);
    const product = testModel({
      vars: [{ name: 'n', type: { int: [0, 100000] }, initial: 0 }],
      states: [{ name: 'A', initial: true }],
      events: [],
      transitions: [],
      invariants: [{ name: 'square', expr: 'n * n >= 0' }],
    });
    expect(() => promelaModel(product)).toThrow(/32-bit/);
  });

  it('is deterministic', () => {
    const loaded = loadDesign(readFileSync('examples/payment-idempotent.protocol.json', 'utf8'));
    if (!loaded.ok) throw new Error('example invalid');
    expect(promelaModel(loaded.model)).toBe(promelaModel(loaded.model));
  });
});

describe("Spin's output", () => {
  it('parses the figures of a pan report', () => {
    const report = parsePanReport(`pan:1: assertion violated (v0<=1) (at depth 5)
State-vector 44 byte, depth reached 5, errors: 1
       47 states, stored
       35 states, matched
       82 transitions (= stored+matched)
  128.195	total actual memory usage
pan: elapsed time 0.25 seconds`);
    expect(report).toEqual({ errors: 1, states: 47, transitions: 82, depth: 5, memoryMb: 128.195, seconds: 0.25, incomplete: false, assertion: '(v0<=1)' });
    expect(parsePanReport('gcc: error')).toBeNull();
  });

  it('estimates bitstate coverage from the hash factor', () => {
    expect(bitstateCoverage(1000, 1e6, 3)).toBeGreaterThan(0.9999);
    expect(bitstateCoverage(1000, 2, 3)).toBeLessThan(0.9);
    expect(bitstateCoverage(1000, 100, 3)).toBeLessThan(bitstateCoverage(1000, 1000, 3));
  });

  it('replays a trail through the engine into the violation', () => {
    const loaded = loadDesign(readFileSync('examples/payment-retried.protocol.json', 'utf8'));
    if (!loaded.ok) throw new Error('example invalid');
    const steps = trailSteps('      @S 0 0 0 0\n      @S 1 1 0 0\n@S 2 0 0 0\n@S 7 1 0 0\n@S 1 1 0 0\nspin: trail ends after 6 steps\n');
    const replay = replayTrail(loaded.model, steps);
    expect(replay.ok && replay.violations.map((v) => [v.kind, v.name, v.depth, v.trace.length])).toEqual([['replay', 'Charge', 5, 5]]);
    expect(replayTrail(loaded.model, steps.slice(0, 3))).toMatchObject({ ok: false });
    expect(replayTrail(loaded.model, [[8, 0, 0, 0]])).toMatchObject({ ok: false });
  });
});
