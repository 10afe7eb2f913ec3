import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/engine/explorer';
import { exploreV2 } from '../../src/engine/v2/explorer';
import { loadDesignValue } from '../../src/model/load';
import { loadDesignValueV2 } from '../../src/model/v2/load';
import { registerDesign } from '../engineDesigns';
import { channelsDesign, varsDesign } from '../shapeDesigns';
import { exploreChannels } from './channels';
import type { SpecializedResult } from './packedSearch';
import { exploreRegister } from './register';
import { exploreTwoPhase } from './twoPhase';
import { exploreVars } from './vars';

// The bench's ratios mean something only while each hand-written explorer explores exactly the
// engine's state space: same configurations, same steps tried, same depth.
function engine(design: Record<string, unknown>) {
  const r = loadDesignValue(design);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const { verdict, states, transitions, depth, coverage, outcomes } = explore(r.model);
  return { verdict, states, transitions, depth, coverage, outcomes, model: r.model };
}
const figures = ({ states, transitions, depth }: { states: number; transitions: number; depth: number }) => ({ states, transitions, depth });

// The channel- and var-heavy explorers also do what §6–§7 ask of each new configuration (the
// state invariant, coverage, outcomes): the same coverage and outcomes as the engine's.
function expectSameReport(s: SpecializedResult, e: ReturnType<typeof engine>): void {
  expect(s.statesReached!.map((i) => e.model.states[i]!.name)).toEqual(e.coverage.states.reached);
  expect(s.transitionsReached!.map((k) => e.model.transitions[k]!.name)).toEqual(e.coverage.transitions.reached);
  expect(s.outcomes).toEqual(e.outcomes);
}

describe('hand-specialized explorers agree with the engine', () => {
  it.each([
    { requests: 1, drop: 1, duplicate: 1, crashes: 1 },
    { requests: 2, drop: 1, duplicate: 2, crashes: 1 },
    { requests: 2, drop: 2, duplicate: 0, crashes: 3 },
  ])('channel-heavy %o', (p) => {
    const e = engine(channelsDesign(p));
    expect(e.verdict).toBe('ok');
    const s = exploreChannels(p);
    expect(figures(s)).toEqual(figures(e));
    expectSameReport(s, e);
  });

  it.each([{ pairs: 2, crashes: 1 }, { pairs: 3, crashes: 2 }])('var-heavy %o', (p) => {
    const e = engine(varsDesign(p));
    expect(e.verdict).toBe('ok');
    const s = exploreVars(p);
    expect(figures(s)).toEqual(figures(e));
    expectSameReport(s, e);
  });

  it.each([
    { requests: 1, budget: 2, values: 5 },
    { requests: 2, budget: 1, values: 2 },
    { requests: 2, budget: 0, values: 3 },
  ])('payload-heavy / kv-register %o', (p) => {
    const e = engine(registerDesign(p));
    expect(e.verdict).toBe('ok');
    expect(figures(exploreRegister(p))).toEqual(figures(e));
  });

  // Version 2: TwoPhase.tla (examples/v2/tla-two-phase.protocol.json) with `rms` resource managers.
  const twoPhase = (rms: number) => {
    const d = JSON.parse(readFileSync(join(__dirname, '../../examples/v2/tla-two-phase.protocol.json'), 'utf8')) as { roles: { instances?: number }[] };
    d.roles[1]!.instances = rms;
    const r = loadDesignValueV2(d);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { model: r.model, result: exploreV2(r.model) };
  };
  it.each([3, 4, 5])('TwoPhase (v2, pool) with %i RMs', (rms) => {
    const { model, result: e } = twoPhase(rms);
    expect(e.verdict).toBe('ok');
    const s = exploreTwoPhase({ rms });
    expect(figures(s)).toEqual(figures(e));
    // Its invariants and coverage: every state and transition is reached (the engine's coverage in document order).
    expect(s.statesReached!.map((i) => model.roles.flatMap((r) => r.states.map((st) => `${r.name}.${st.name}`))[i])).toEqual(e.coverage.states.reached);
    expect(s.transitionsReached!.map((k) => model.transitions[k]!.name)).toEqual(e.coverage.transitions.reached);
    expect(e.coverage.states.unreached).toEqual([]);
    expect(e.coverage.transitions.unreached).toEqual([]);
  });

  it('TwoPhase: the published TLC figures (288 distinct states for 3 RMs, diameter 11; 50,816 for 6)', () => {
    expect(figures(exploreTwoPhase({ rms: 3 }))).toEqual({ states: 288, transitions: 1145, depth: 10 });
    expect(exploreTwoPhase({ rms: 6 }).states).toBe(50816);
  });
});
