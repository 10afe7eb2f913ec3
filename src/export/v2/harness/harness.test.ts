import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exploreV2 } from '../../../engine/v2/explorer';
import { SimulationV2 } from '../../../engine/v2/simulator';
import { loadExampleV2, participantExamplesV2 } from '../../../engine/v2/testDesigns';
import type { ModelV2 } from '../../../model/v2/model';
import type { DesignV2 } from '../../../model/v2/schema';
import { typeCheckEach } from '../../testing/compile';
import { harnessOrMonitorFiles, typeScriptModulesV2 } from '../index';
import { ExportRefusal } from '../refusal';
import { importModulesV2 } from '../testing/loadModules';
import { setDesignsV2 } from '../testing/setDesigns';
import type { AnyAdapters, HarnessFailure, HarnessOptions, HarnessRun, ReferenceRoleModule, referenceAdapter } from './harnessRuntime';

const EXAMPLES = participantExamplesV2();

/** The generated harness, as a user's test imports it. */
interface HarnessModule {
  referenceAdapters(): AnyAdapters;
  harnessProperty(adapters: AnyAdapters, options?: HarnessOptions): fc.IAsyncProperty<[number[]]>;
  runChoices(adapters: AnyAdapters, choices: readonly number[], options?: HarnessOptions): Promise<HarnessRun>;
  runTrace(adapters: AnyAdapters, labels: readonly string[], options?: Pick<HarnessOptions, 'stepTimeoutMs'>): Promise<HarnessFailure | null>;
  findHarnessFailure(adapters: AnyAdapters, options?: HarnessOptions & { numRuns?: number; seed?: number }): Promise<HarnessFailure | null>;
  referenceAdapter: typeof referenceAdapter;
}

async function harnessOf(model: ModelV2): Promise<HarnessModule> {
  return (await importModulesV2(harnessOrMonitorFiles(model, 'harness')))['harness.ts'] as HarnessModule;
}

/** Replays labels in the engine's simulator: the trace a failure reports is a run of the design. */
function replays(model: ModelV2, labels: readonly string[]): boolean {
  const sim = new SimulationV2(model);
  for (const label of labels) {
    const k = sim.enabled().findIndex((s) => s.label === label);
    if (k < 0 || !sim.take(k)) return false;
  }
  return true;
}

describe('the version-2 harness and monitor compile', () => {
  let problems = new Map<string, string[]>();
  const folders = new Map<string, string[]>();
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (const file of EXAMPLES) {
      const model = loadExampleV2(file);
      const folder = `h2-${file.replace(/\.protocol\.json$/, '')}`;
      const exported = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1)];
      folders.set(folder, exported.map((f) => `${folder}/${f.name}`));
      for (const f of exported) files[`${folder}/${f.name}`] = f.text;
    }
    problems = typeCheckEach(files);
  }, 120_000);

  it.each(EXAMPLES)('%s: system.ts, harness.ts and monitor.ts compile under strict tsc', (file) => {
    const folder = `h2-${file.replace(/\.protocol\.json$/, '')}`;
    expect([...(problems.get('') ?? []), ...folders.get(folder)!.flatMap((f) => problems.get(f) ?? [])]).toEqual([]);
  });
});

describe('the version-2 harness of designs with sets and maps keyed by values', () => {
  it.each(setDesignsV2())('%s: harness.ts and monitor.ts compile under strict tsc; the exported modules pass, every run replays in the engine', async (name, model) => {
    const exported = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1)];
    const folder = `h2-sets-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
    expect([...typeCheckEach(Object.fromEntries(exported.map((f) => [`${folder}/${f.name}`, f.text]))).values()].flat()).toEqual([]);
    const harness = await harnessOf(model);
    const adapters = harness.referenceAdapters();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (choices) => {
        // The first initial configuration, where the simulator `replays` starts.
        const run = await harness.runChoices(adapters, choices, { start: 0 });
        expect(run.failure).toBeNull();
        expect(replays(model, run.trace), run.trace.join(' | ')).toBe(true);
      }),
      { numRuns: 20 },
    );
    await fc.assert(harness.harnessProperty(adapters), { numRuns: 10 });
  }, 60_000);
});

describe('the version-2 harness with the exported role modules as the implementation', () => {
  it.each(EXAMPLES)('%s: every run holds, and every run replays step for step in the engine', async (file) => {
    const model = loadExampleV2(file);
    const harness = await harnessOf(model);
    const adapters = harness.referenceAdapters();
    let steps = 0;
    await fc.assert(
      // At least three choices: no example breaks or ends within two steps, so each run takes three
      // or more and the bound on `steps` below holds for every seed. fast-check's arrays lean short
      // (a third were empty on seed 1208), which left tla-tcommit at 44 steps; a shorter run is a
      // prefix of a longer one, and `harnessProperty` below still draws them.
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 3, maxLength: 30 }), async (choices) => {
        const run = await harness.runChoices(adapters, choices);
        expect(run.failure).toBeNull();
        expect(replays(model, run.trace), run.trace.join(' | ')).toBe(true);
        steps += run.trace.length;
      }),
      { numRuns: 25 },
    );
    expect(steps).toBeGreaterThan(25 * 2);
    // The property as the header's line runs it.
    await fc.assert(harness.harnessProperty(adapters), { numRuns: 20 });
  }, 60_000);
});

/** The example with one transition's guard removed: the exported modules of that design skip the guard. */
function withoutGuard(file: string, transition: string): ModelV2 {
  return loadExampleV2(file, undefined, (d: DesignV2) => {
    for (const r of d.roles) for (const t of r.transitions) if (t.id === transition) delete t.guard;
  });
}

/** The adapters of the design, with one role's implementation taken from the modules of another design. */
async function adaptersWith(harness: HarnessModule, role: string, model: ModelV2): Promise<AnyAdapters> {
  const modules = await importModulesV2(typeScriptModulesV2(model));
  return { ...harness.referenceAdapters(), [role]: harness.referenceAdapter(modules[`role-${role}.ts`] as ReferenceRoleModule) };
}

async function expectCaught(model: ModelV2, adapters: AnyAdapters, problem: RegExp): Promise<HarnessFailure> {
  const harness = await harnessOf(model);
  const failure = await harness.findHarnessFailure(adapters, { numRuns: 400, seed: 7 });
  expect(failure).not.toBeNull();
  expect(failure!.problems.join('\n')).toMatch(problem);
  expect(failure!.trace.at(-1)).toBe(failure!.label);
  // Every step before the failing one is a run of the design (the failing one is too, unless it was an input the design declines).
  expect(replays(model, failure!.trace.slice(0, -1))).toBe(true);
  if (!failure!.label.endsWith('(not enabled)')) expect(replays(model, failure!.trace)).toBe(true);
  return failure!;
}

describe('the version-2 harness catches an implementation that departs from the design', () => {
  it('two-phase commit: a participant that votes before its vote is persisted shows a different state after a crash', async () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json');
    const harness = await harnessOf(model);
    const modules = await importModulesV2(typeScriptModulesV2(model));
    const rm = modules['role-RM.ts'] as { createMemoryStore(): { load(): Promise<unknown>; commit(r: { state: string }): Promise<void> } };
    const adapters: AnyAdapters = {
      ...harness.referenceAdapters(),
      RM: {
        ...harness.referenceAdapters()['RM']!,
        // The vote leaves before `prepared` is written: the write never happens.
        newStore: () => {
          const inner = rm.createMemoryStore();
          return { load: () => inner.load(), commit: (r: { state: string }) => (r.state === 'prepared' ? Promise.resolve() : inner.commit(r)) };
        },
      },
    };
    const failure = await expectCaught(model, adapters, /RM\[\d\]: state working; the design has prepared/);
    expect(failure.label).toMatch(/^restart RM\[\d\]/);
    expect(failure.trace.some((l) => /^crash RM\[\d\]$/.test(l))).toBe(true);
  }, 120_000);

  it('two-phase commit: a coordinator that decides without checking every vote takes a Decide the design declines', async () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json');
    const adapters = await adaptersWith(await harnessOf(model), 'TM', withoutGuard('two-phase-commit-fixed.protocol.json', 'decide'));
    const failure = await expectCaught(model, adapters, /TM took an input the design does not take here/);
    expect(failure.label).toBe('TM Decide (not enabled)');
  }, 120_000);

  it('lease with fencing: a storage that skips the token check accepts a stale write the design ignores', async () => {
    const model = loadExampleV2('lease-with-fencing.protocol.json');
    const broken = withoutGuard('lease-with-fencing.protocol.json', 'accept');
    const harness = await harnessOf(model);
    const adapters = await adaptersWith(harness, 'Storage', broken);
    // The run that gets a stale write to the storage: the shortest breach of "writes in lease order" once the guard is gone.
    const breach = exploreV2(broken, {}).violations.find((v) => v.name === 'writes in lease order')!;
    const labels = breach.trace.map((s) => s.label);
    const stale = `${labels.at(-1)} (ignored)`;
    const failure = await harness.runTrace(adapters, [...labels.slice(0, -1), stale]);
    expect(failure?.problems).toEqual(['Storage took the input (sent 0 message(s)); the design ignores it here']);
    expect(failure?.label).toBe(stale);
    expect(replays(model, failure!.trace)).toBe(true);
    // The exported modules of the design itself go through the same trace.
    expect(await harness.runTrace(harness.referenceAdapters(), [...labels.slice(0, -1), stale])).toBeNull();
  }, 120_000);

  it('a step that never finishes fails the run at that step instead of hanging the harness', async () => {
    const model = loadExampleV2('two-phase-commit-fixed.protocol.json');
    const harness = await harnessOf(model);
    const reference = harness.referenceAdapters();
    const rm = reference['RM']!;
    const adapters: AnyAdapters = {
      ...reference,
      RM: {
        ...rm,
        // RM[1]'s instance hangs on its first step (a lost await, a deadlock).
        start: async (self, store, start) => {
          const impl = await rm.start(self, store, start);
          return self === 'RM[1]' ? { ...impl, step: () => new Promise<never>(() => {}) } : impl;
        },
      },
    };
    const failure = await harness.runTrace(adapters, ['RM[1] Vote(value=yes)'], { stepTimeoutMs: 50 });
    expect(failure?.label).toBe('RM[1] Vote(value=yes)');
    expect(failure?.problems).toEqual(['RM[1] did not finish the step within 50 ms']);
  }, 60_000);

  it('lease with fencing: a lock that forgets to advance its token shows a different var', async () => {
    const model = loadExampleV2('lease-with-fencing.protocol.json');
    const broken = loadExampleV2('lease-with-fencing.protocol.json', undefined, (d) => {
      const grant = d.roles.find((r) => r.name === 'Lock')!.transitions.find((t) => t.id === 'grant')!;
      grant.updates = { holder: 'sender' };
    });
    const adapters = await adaptersWith(await harnessOf(model), 'Lock', broken);
    await expectCaught(model, adapters, /Lock: token = 0; the design has 1/);
  }, 120_000);
});

describe('the version-2 harness and monitor refuse what they cannot run', () => {
  it('a design with network links (one network model runs every kind)', () => {
    const linked = loadExampleV2('lease-with-fencing.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, network: { model: 'channels', capacity: 1, links: [{ from: 'Lock', to: 'Client', reliable: true }] } };
    });
    for (const target of ['harness', 'monitor'] as const) expect(() => harnessOrMonitorFiles(linked, target)).toThrow(ExportRefusal);
  });
});
