import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from './explorer';
import { naiveExplore } from './naiveExplorer';
import { createSimulator } from './simulator';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

const LIMIT = 20_000;
const loadable = smallDesign.map((d) => testModel(d));

describe('the explorer against properties', () => {
  it('counts exactly what a naive explorer counts', () => {
    fc.assert(
      fc.property(loadable, (model) => {
        const got = explore(model, { maxStates: LIMIT });
        if (got.verdict === 'incomplete') return;
        const want = naiveExplore(model);
        expect({ verdict: got.verdict, states: got.states, transitions: got.transitions, depth: got.depth }).toEqual({
          verdict: want.verdict,
          states: want.states,
          transitions: want.transitions,
          depth: want.depth,
        });
        expect(new Set(got.violations.map((v) => `${v.kind}:${v.name}`))).toEqual(new Set(want.found));
      }),
      { numRuns: 80 },
    );
  });

  it('reports traces that the simulator replays into the same violation at the last step', () => {
    fc.assert(
      fc.property(loadable, (model) => {
        const got = explore(model, { maxStates: LIMIT });
        for (const v of got.violations) {
          const sim = createSimulator(model);
          const labels = v.trace.map((t) => t.label);
          if (labels.length === 0) {
            expect(sim.history()[0]!.violations.map((x) => `${x.kind}:${x.name}`)).toContain(`${v.kind}:${v.name}`);
            continue;
          }
          expect(sim.replay(labels.slice(0, -1))).toEqual({ ok: true, steps: labels.length - 1 });
          const last = sim.take(labels.at(-1)!);
          const violations = last.ok ? sim.history().at(-1)!.violations : (last.outcome?.violations ?? []);
          expect(violations.map((x) => `${x.kind}:${x.name}`)).toContain(`${v.kind}:${v.name}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('on an ok design every invariant holds along random simulator walks', () => {
    fc.assert(
      fc.property(loadable, fc.integer(), (model, seed) => {
        if (explore(model, { maxStates: LIMIT }).verdict !== 'ok') return;
        const sim = createSimulator(model);
        const taken = sim.randomRun(seed, 40);
        expect(taken === 40 || sim.enabled().length === 0).toBe(true);
        for (const point of sim.history()) expect(point.violations).toEqual([]);
        for (const row of sim.current().invariants) expect(row.value).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('takes the readable path for values too wide for its fast path, with the same counts', () => {
    fc.assert(
      fc.property(smallDesign, (design) => {
        const vars = design.vars as unknown[];
        // An extra ghost var whose range is too wide for a 30-bit field, never assigned: same state space.
        const wide = testModel({ ...design, vars: [...vars, { name: 'wide', type: { int: [0, 2 ** 40] }, initial: 2 ** 35, storage: 'ghost' }] });
        const fast = explore(testModel(design), { maxStates: LIMIT });
        const slow = explore(wide, { maxStates: LIMIT });
        expect([slow.verdict, slow.states, slow.transitions, slow.depth]).toEqual([fast.verdict, fast.states, fast.transitions, fast.depth]);
      }),
      { numRuns: 40 },
    );
  });

  it('stops when asked and says incomplete, never ok', () => {
    fc.assert(
      fc.property(loadable, (model) => {
        const got = explore(model, { shouldStop: () => true });
        if (got.verdict === 'violation') expect(got.depth).toBe(0);
        else expect(got).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
      }),
      { numRuns: 40 },
    );
  });

  it('a state limit yields incomplete with at most that many states', () => {
    fc.assert(
      fc.property(loadable, fc.integer({ min: 1, max: 50 }), (model, maxStates) => {
        const got = explore(model, { maxStates });
        expect(got.states).toBeLessThanOrEqual(maxStates);
        if (got.verdict === 'ok') expect(naiveExplore(model).states).toBeLessThanOrEqual(maxStates);
      }),
      { numRuns: 40 },
    );
  });
});
