import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import { exploreV2 } from './explorer';
import type { CheckResultV2 } from './result';
import { SimulationV2 } from './simulator';
import { explorePartitionedV2 } from './threadResult';
import { loadExampleV2, participantExamplesV2 } from './testDesigns';

/**
 * A version-2 search split in partitions (as on several threads, here taking turns on one) gives
 * one thread's figures: states, transitions, depth, the set of violations with their depths,
 * coverage, client outcomes per call site; each trace is a shortest one that the simulator replays to the violation.
 */

const examples = participantExamplesV2('all');

function figures(r: CheckResultV2) {
  return {
    verdict: r.verdict,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    coverage: r.coverage,
    limit: r.limit,
    violations: r.violations.map((v) => `${v.kind} ${v.name} @${v.depth}`).sort(),
    // Client outcomes per call site (designs with calls): counts, and the length of a shortest trace to each.
    outcomes: r.outcomes?.map((o) => [o.site, o.ok, o.error, o.timeout, o.traces.ok?.length, o.traces.error?.length, o.traces.timeout?.length]),
  };
}

function replays(model: ModelV2, r: CheckResultV2): void {
  for (const v of r.violations) {
    expect(v.trace.length).toBe(v.depth === 0 ? 0 : v.depth);
    const sim = new SimulationV2(model);
    for (const step of v.trace.slice(0, -1)) {
      const i = sim.enabled().findIndex((s) => s.label === step.label);
      expect(i, step.label).toBeGreaterThanOrEqual(0);
      sim.take(i);
    }
  }
}

describe('version 2 in partitions', () => {
  it.each(examples)('%s: the figures of one thread, on 2 and 3 partitions', async (file) => {
    const model = loadExampleV2(file);
    const one = exploreV2(model);
    for (const count of [2, 3]) {
      const split = await explorePartitionedV2(model, {}, count, 256);
      expect(figures(split)).toEqual(figures(one));
      replays(model, split);
    }
  });

  it('TwoPhase with 5 resource managers (the shared set grows many times): 8,832 configurations', async () => {
    const model = loadExampleV2('tla-two-phase.protocol.json', 5);
    const split = await explorePartitionedV2(model, {}, 2, 256);
    expect(figures(split)).toEqual(figures(exploreV2(model)));
    expect(split.states).toBe(8832);
  });

  it('stops at a state limit as incomplete', async () => {
    const split = await explorePartitionedV2(
      loadExampleV2('tla-two-phase.protocol.json', 6),
      { maxStates: 1000 },
      2,
    );
    expect(split).toMatchObject({
      verdict: 'incomplete',
      limit: 'states',
      reason: 'the state limit was reached',
    });
  });
});
