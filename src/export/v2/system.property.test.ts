import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulationV2 } from '../../engine/v2/simulator';
import { loadExampleV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import type { DesignV2 } from '../../model/v2/schema';
import type { ModelV2 } from '../../model/v2/model';
import { typeScriptModulesV2 } from './index';
import { importModulesV2 } from './testing/loadModules';
import { ChannelFull, ExportedSystem } from './testing/system';
import { designOf, modelOf, variation, type Variation } from './testing/randomDesigns';
import { setDesignsV2 } from './testing/setDesigns';
import { startsDesign } from './testing/startsDesign';
import { nestedDesign, nestedSetsDesign } from './testing/nestedDesign';
import { ringDesign } from './testing/ringDesign';

/**
 * The exported role modules, wired through an in-memory network with the design's faults, agree
 * with the engine at every step: the same enabled steps (labels), the same transitions taken,
 * the same states, vars, messages in flight and budgets used.
 */

const EXAMPLES = participantExamplesV2();

/** Each channel example again with every network fault and a crash, so all of them are exercised. */
function faulty(d: DesignV2): void {
  const net = d.environment?.network;
  if (!net || net.model !== 'channels') return;
  d.environment = { ...d.environment, network: { ...net, capacity: 2, drop: 1, duplicate: 1, reorder: true }, crashes: Math.max(1, d.environment?.crashes ?? 0) };
}

/** Per-role crash settings: the first role never crashes, the others at most once each, within a budget of 3. */
function perRoleCrashes(d: DesignV2): void {
  faulty(d);
  d.environment = { ...d.environment, crashes: 3 };
  d.roles.forEach((r, i) => (r.crashes = i === 0 ? 0 : 1));
}

const CASES: [string, ModelV2][] = [
  ...EXAMPLES.map((f): [string, ModelV2] => [f, loadExampleV2(f)]),
  ...EXAMPLES.filter((f) => !f.startsWith('tla-')).map((f): [string, ModelV2] => [`${f} (drop, duplicate, reorder, crash)`, loadExampleV2(f, undefined, faulty)]),
  ...['two-phase-commit-broken.protocol.json', 'lease-with-fencing.protocol.json'].map((f): [string, ModelV2] => [`${f} (first role never crashes, the others once each)`, loadExampleV2(f, undefined, perRoleCrashes)]),
  // Several initial configurations (docs/format-v2.md §2): each run starts in one of them (with a var called __proto__).
  ['several initial states and listed values (testing/startsDesign.ts)', loadOk(startsDesign())],
  ...['acp-nb', 'ab-correctness', 'asynch-interface'].map((f): [string, ModelV2] => [`published ${f} (several initial configurations)`, loadOk(JSON.parse(readFileSync(join('test-fixtures/published', `${f}.protocol.json`), 'utf8')))]),
  // Sets and maps keyed by values (docs/format-v2.md §2, §5): every element type, keys of bool, an enum and ints, eval-errors.
  ...setDesignsV2().map(([name, model]): [string, ModelV2] => [`${name} (sets, maps keyed by values)`, model]),
  // Nested maps (docs/format-v2.md §2): records of records, entries written m[a][b].
  ['published crdt-nested (counter[n][o], a nested map)', loadOk(JSON.parse(readFileSync(join('test-fixtures/published', 'crdt-nested.protocol.json'), 'utf8')))],
  ['nested maps three levels deep (testing/nestedDesign.ts)', loadOk(nestedDesign())],
  ['a nested map of sets (testing/nestedDesign.ts)', loadOk(nestedSetsDesign())],
  // Instance numbers (docs/format-v2.md §5): index(i) and Node[e], and Node[e] past the last instance (an eval-error).
  ['a ring by instance numbers (testing/ringDesign.ts)', loadOk(ringDesign())],
  ['a ring past its last node (testing/ringDesign.ts)', loadOk(ringDesign('overrun'))],
  ['a ring dividing by zero (testing/ringDesign.ts)', loadOk(ringDesign('zero'))],
];

function loadOk(value: unknown): ModelV2 {
  const r = loadAnyDesignValueV2(value);
  if (!r.ok || r.kind !== 'participants') throw new Error('not a design of several participants');
  return r.model;
}

function engineView(model: ModelV2, vec: Float64Array) {
  const v = viewConfigurationV2(model, vec);
  return { ...v, network: [...v.network].sort() };
}

/** Names of the state invariants the engine finds false here (those the exported functions check: not over `crashes`). */
function stateViolations(sim: SimulationV2): string[] {
  return [...new Set(sim.violations().map((v) => v.name))].filter((n) => checkable.has(n)).sort();
}
let checkable = new Set<string>();

async function walk(model: ModelV2, modules: Record<string, unknown>, choices: readonly number[], start = 0): Promise<void> {
  // The simulator starts at \`model.initial\`: given initial configuration \`start\` there, it starts where the system does.
  const sim = new SimulationV2({ ...model, initial: model.initials[start]! });
  checkable = new Set([...model.invariants, ...model.roles.flatMap((r) => r.invariants)].filter((i) => i.kind === 'state' && !/\bcrashes\b/.test(i.expr.text)).map((i) => i.name));
  const sys = await ExportedSystem.start(model, modules, model.initials.length > 1 ? start : undefined);
  expect(sys.view()).toEqual(engineView(model, sim.current));
  expect(sys.violations()).toEqual(stateViolations(sim));
  for (const choice of choices) {
    const engineSteps = sim.enabled();
    const good = engineSteps.filter((s) => s.next !== null);
    const mine = await sys.enabled();
    expect(mine.map((s) => s.label).sort()).toEqual(good.map((s) => s.label).sort());
    expect(sys.faults).toBe(engineSteps.filter((s) => s.next === null && s.violations.some((v) => v.kind !== 'channel-full')).length);
    if (good.length === 0) return;
    const pick = good[choice % good.length]!;
    const step = mine.find((s) => s.label === pick.label)!;
    let taken: string | null;
    try {
      taken = await step.take();
    } catch (e) {
      // A send to a full channel: the engine refuses the step too (it is not among the good ones), so this cannot happen.
      if (e instanceof ChannelFull) throw new Error(`${pick.label}: channel full in the exported system only`);
      throw e;
    }
    expect(taken).toBe(pick.step.transition < 0 ? null : model.transitions[pick.step.transition]!.name);
    sim.take(engineSteps.indexOf(pick));
    expect(sys.view(), sim.taken.join(' / ')).toEqual(engineView(model, sim.current));
    expect(sys.violations(), sim.taken.join(' / ')).toEqual(stateViolations(sim));
    // The engine does not expand a configuration that violates an invariant.
    if (sim.violations().length > 0) return;
  }
}

describe('exported version-2 modules against the engine', () => {
  it.each(CASES)('%s', async (_name, model) => {
    const modules = await importModulesV2(typeScriptModulesV2(model));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.nat({ max: model.initials.length - 1 }), (choices, start) => walk(model, modules, choices, start)),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('exported version-2 modules against the engine on random designs', () => {
  it('agree step by step on variations of the examples', async () => {
    let compared = 0;
    let withSets = 0;
    let withStops = 0;
    await fc.assert(
      fc.asyncProperty(variation, fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), async (v, choices) => {
        const model = modelOf(v);
        if (model === null) return;
        compared++;
        if (v.sets) withSets++;
        if (model.roles.some((r) => r.stops)) withStops++;
        await walk(model, await importModulesV2(typeScriptModulesV2(model)), choices);
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(10);
    // Sets and maps keyed by values (docs/format-v2.md §2, §5) among them.
    expect(withSets).toBeGreaterThan(5);
    // Fail-stop roles read by down(i) (docs/format-v2.md §7, §5) among them.
    expect(withStops).toBeGreaterThan(0);
  }, 240_000);

  it('a payload outside its int field is a fault of the step, as in the engine', async () => {
    // S sends n = k + 1 with n in [0, 2]: its third Go would send 3 (the engine's out-of-range Msg.n).
    const model = loadOk({
      format: 'protocol-studio',
      version: 2,
      name: 'payload range',
      messages: [{ name: 'Msg', from: 'S', to: 'R', payload: [{ name: 'n', type: { int: [0, 2] } }] }],
      roles: [
        { name: 'S', vars: [{ name: 'k', type: { int: [0, 2] }, initial: 0 }], states: [{ name: 's', initial: true }], events: [{ name: 'Go', source: 'internal' }], transitions: [{ from: 's', event: 'Go', to: 's', updates: { k: 'min(k + 1, 2)' }, send: [{ message: 'Msg', payload: { n: 'k + 1' } }] }] },
        { name: 'R', vars: [{ name: 'got', type: { int: [0, 2] }, initial: 0 }], states: [{ name: 'r', initial: true }], transitions: [{ from: 'r', receive: 'Msg', updates: { got: 'event.n' } }] },
      ],
      environment: { network: { model: 'pool' } },
    });
    const sim = new SimulationV2(model);
    sim.take(0);
    sim.take(sim.enabled().findIndex((s) => s.label === 'S Go'));
    expect(sim.enabled().find((s) => s.label === 'S Go')!.violations.map((v) => [v.kind, v.name])).toEqual([['out-of-range', 'Msg.n']]);
    await walk(model, await importModulesV2(typeScriptModulesV2(model)), [0, 0, 0, 0, 0, 0]);
  });

  it('an instance answering its own message on a channel of capacity 1 may, as in the engine (a counterexample fast-check found)', async () => {
    // Raft with "vote-newer-term" guarded by `term < 2`: Node[1] may take its own RequestVote and
    // answer itself on the channel that message leaves, which has room once it is taken.
    const v: Variation = { example: 7, instances: 3, network: { pool: false, capacity: 1, drop: 0, duplicate: 0, reorder: false }, crashes: 0, roleCrashes: [], guardSwaps: [[117011461, 0]], dropTransition: null, sets: null, stops: null };
    const model = modelOf(v)!;
    expect(designOf(v).name).toMatch(/^Raft election/);
    await walk(model, await importModulesV2(typeScriptModulesV2(model)), [0, 0, 0]);
  });
});
