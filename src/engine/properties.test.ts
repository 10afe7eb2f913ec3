import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/model';
import { applyStep } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import { explore } from './explorer';
import { createSimulator } from './simulator';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

/**
 * A deliberately naive explorer: readable configurations as JSON strings in a Set, levels as
 * arrays, the counting rules of §6-§7 and nothing else. The packed explorer must agree with it.
 */
function naiveExplore(model: Model): { verdict: string; states: number; transitions: number; depth: number; found: string[] } {
  const init = initialConfiguration(model);
  const seen = new Set([JSON.stringify(init)]);
  const found = new Set(checkConfiguration(model, init).map((v) => `${v.kind}:${v.name}`));
  if (found.size > 0) return { verdict: 'violation', states: 1, transitions: 0, depth: 0, found: [...found] };
  let transitions = 0;
  let level: Configuration[] = [init];
  for (let depth = 0; ; depth++) {
    const next: Configuration[] = [];
    for (const c of level) {
      const steps = enabledSteps(model, c);
      transitions += steps.length;
      for (const s of steps) {
        const out = applyStep(model, c, s, { checkConfiguration: false });
        for (const v of out.violations) found.add(`${v.kind}:${v.name}`);
        if (!out.next) continue;
        const key = JSON.stringify(out.next);
        if (seen.has(key)) continue;
        seen.add(key);
        const vs = checkConfiguration(model, out.next);
        for (const v of vs) found.add(`${v.kind}:${v.name}`);
        if (vs.length === 0) next.push(out.next);
      }
    }
    if (found.size > 0) return { verdict: 'violation', states: seen.size, transitions, depth: depth + 1, found: [...found] };
    if (next.length === 0) return { verdict: 'ok', states: seen.size, transitions, depth, found: [] };
    level = next;
  }
}

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
