import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { loadDesign } from '../model/load';
import { explore } from './explorer';

/**
 * The valid half of the conformance suite (the live shared one, else the copy in test-fixtures/)
 * through the explorer: every figure of expected.json exactly.
 */
interface Expected {
  verdict: string;
  states: number;
  transitions: number;
  depth: number;
  violations: [string, string][];
  outcomes: { ok: number; error: number; ambiguous: number };
  coverage: { states: string[]; transitions: string[] };
}

const dir = conformanceDir('valid');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(dir).filter((f) => f.endsWith('.protocol.json'));

describe('the explorer on the conformance designs', () => {
  it('has an expectation for every design', () => {
    expect(files.filter((f) => !(f in expected))).toEqual([]);
  });

  it.each(files)('%s gives exactly the expected result', (file) => {
    const want = expected[file]!;
    const loaded = loadDesign(readFileSync(join(dir, file), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const got = explore(loaded.model);
    expect({ verdict: got.verdict, states: got.states, transitions: got.transitions, depth: got.depth }).toEqual({
      verdict: want.verdict,
      states: want.states,
      transitions: want.transitions,
      depth: want.depth,
    });
    const pairs = new Set(got.violations.map((v) => `${v.kind}:${v.name}`));
    expect([...pairs].sort()).toEqual(want.violations.map(([k, n]) => `${k}:${n}`).sort());
    for (const v of got.violations) {
      expect(v.depth).toBe(want.depth);
      expect(v.trace).toHaveLength(v.depth);
      expect(v.trace.at(-1)?.violation).toContain(v.name);
    }
    expect(got.outcomes).toEqual(want.outcomes);
    expect(got.coverage.states.unreached).toEqual(want.coverage.states);
    expect(got.coverage.transitions.unreached).toEqual(want.coverage.transitions);
    expect(got.limit).toBeNull();
  });
});
