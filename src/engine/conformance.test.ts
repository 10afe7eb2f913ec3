import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { loadDesign } from '../model/load';
import { explore } from './explorer';
import type { ViolationReport } from './result';
import { createSimulator } from './simulator';

/**
 * The valid half of the conformance suite (the live shared one, else the copy in test-fixtures/)
 * through the explorer: every figure of expected.json exactly, and every trace replayed by label
 * through the simulator (not by the explorer's step indices) into its violation.
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
    expect(got.internalErrors).toBeUndefined();
    for (const v of got.violations) {
      expect(v.depth).toBe(want.depth);
      expect(v.trace).toHaveLength(v.depth);
      expect(violationsAtEnd(loaded.model, v)).toContainEqual({ kind: v.kind, name: v.name, detail: v.detail });
    }
    expect(got.outcomes).toEqual(want.outcomes);
    expect(got.coverage.states.unreached).toEqual(want.coverage.states);
    expect(got.coverage.transitions.unreached).toEqual(want.coverage.transitions);
    expect(got.limit).toBeNull();
  });
});

/** Replays a trace by its labels in a fresh simulator: the violations of its last step (refused or taken) or of the initial point. */
function violationsAtEnd(model: Parameters<typeof createSimulator>[0], v: ViolationReport): { kind: string; name: string; detail: string }[] {
  const sim = createSimulator(model);
  const labels = v.trace.map((t) => t.label);
  for (const label of labels.slice(0, -1)) expect(sim.take(label).ok, label).toBe(true);
  const last = labels.at(-1);
  const violations = last === undefined ? sim.history()[0]!.violations : (sim.take(last).outcome?.violations ?? []);
  return violations.map((x) => ({ kind: x.kind, name: x.name, detail: x.detail }));
}
