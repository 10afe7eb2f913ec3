import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { createPartition, explore } from './explorer';
import { fitsFlat } from './flatLayout';
import { coordinate, explorePartitioned, localPort, type LevelPlanner, type PartitionPort } from './partitioned';
import type { CheckResult } from './result';
import { SharedFingerprintSet } from './sharedFingerprintSet';
import { createSimulator } from './simulator';
import { smallDesign } from './smallDesigns';
import { testModel } from './testDesign';

/** Every figure MODEL.md §7 gives for a complete search; which shortest trace is shown may differ. */
function figures(r: CheckResult) {
  return {
    verdict: r.verdict,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    violations: r.violations.map((v) => `${v.kind}:${v.name}@${v.depth}`).sort(),
    coverage: r.coverage,
    outcomes: r.outcomes,
    // A shortest trace to each outcome: which one may differ, not its length.
    outcomeTraceLengths: Object.entries(r.outcomeTraces ?? {}).map(([k, labels]) => `${k}:${labels.length}`),
    limit: r.limit,
  };
}

/** Each trace replays in the simulator into its violation at its last step. */
function expectTracesReplay(model: Model, r: CheckResult): void {
  for (const v of r.violations) {
    expect(v.trace).toHaveLength(v.depth);
    const labels = v.trace.map((t) => t.label);
    if (labels.length === 0) continue;
    const sim = createSimulator(model);
    expect(sim.replay(labels.slice(0, -1))).toEqual({ ok: true, steps: labels.length - 1 });
    const last = sim.take(labels.at(-1)!);
    const violations = last.ok ? sim.history().at(-1)!.violations : (last.outcome?.violations ?? []);
    expect(violations.map((x) => `${x.kind}:${x.name}`)).toContain(`${v.kind}:${v.name}`);
  }
}

const dir = conformanceDir('valid');
const files = readdirSync(dir).filter((f) => f.endsWith('.protocol.json'));

describe('the search split over partitions', () => {
  it.each(files)('%s: two and three partitions give what one thread gives', async (file) => {
    const loaded = loadDesign(readFileSync(join(dir, file), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    if (!fitsFlat(loaded.model)) return;
    const one = explore(loaded.model);
    for (const count of [2, 3]) {
      // A shared set of 1,024 slots grows on the way for every design over 768 configurations.
      const split = await explorePartitioned(loaded.model, {}, count, 1024);
      expect(figures(split)).toEqual(figures(one));
      expectTracesReplay(loaded.model, split);
    }
  });

  it('agrees with one thread on random small designs, traces included', async () => {
    await fc.assert(
      fc.asyncProperty(smallDesign.map(testModel), fc.integer({ min: 2, max: 4 }), async (model, count) => {
        if (!fitsFlat(model)) return;
        const one = explore(model, { maxStates: 20_000 });
        if (one.verdict === 'incomplete') return;
        const split = await explorePartitioned(model, {}, count, 1024);
        expect(figures(split)).toEqual(figures(one));
        expectTracesReplay(model, split);
      }),
      { numRuns: 80 },
    );
  });

  it('agrees with one thread whichever threads expand each level, joining late and sitting levels out', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallDesign.map(testModel),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (model, count, script, joinAt) => {
          if (!fitsFlat(model)) return;
          const one = explore(model, { maxStates: 20_000 });
          if (one.verdict === 'incomplete') return;
          // Partition 0 uses the set itself (alone, it writes it plainly); each other its own view
          // of the buffers, so one that missed a growth would store in the old table.
          const set = SharedFingerprintSet.create(1024, 1024, 64);
          const ports = Array.from({ length: count }, (_, index) => {
            if (index === 0) return localPort(createPartition(model, {}, { index, count, set }));
            const view = new SharedFingerprintSet(set.buffers, 64);
            const port = localPort(createPartition(model, {}, { index, count, set: view }));
            return { ...port, adopt: async (buffers) => view.adopt(buffers) } satisfies PartitionPort;
          });
          // Level by level, a bit per thread says whether it expands (the first always does).
          let level = 0;
          const planner: LevelPlanner = {
            plan: (joined) => {
              const bits = script[level++ % script.length]!;
              return Array.from({ length: joined }, (_, p) => p === 0 || ((bits >> p) & 1) === 1);
            },
            record: () => {},
          };
          let ends = 0;
          const join = async () => (++ends === joinAt ? ports.slice(1) : []);
          const split = await coordinate(model, set, [ports[0]!], count, {}, join, { exclusive: true, planner });
          expect(figures(split)).toEqual(figures(one));
          expectTracesReplay(model, split);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('never stores more than a state limit, and says incomplete when it stops', async () => {
    await fc.assert(
      fc.asyncProperty(smallDesign.map(testModel), fc.integer({ min: 1, max: 60 }), async (model, maxStates) => {
        if (!fitsFlat(model)) return;
        const split = await explorePartitioned(model, { maxStates }, 2);
        expect(split.states).toBeLessThanOrEqual(maxStates);
        if (split.verdict === 'ok') expect(explore(model).states).toBeLessThanOrEqual(maxStates);
        if (split.verdict === 'incomplete') expect(split.limit).toBe('states');
      }),
      { numRuns: 60 },
    );
  });

  it('stops when asked and says incomplete', async () => {
    const loaded = loadDesign(readFileSync(join(dir, 'kv-register.protocol.json'), 'utf8'));
    if (!loaded.ok) throw new Error('kv-register does not load');
    const split = await explorePartitioned(loaded.model, { shouldStop: () => true }, 2);
    expect(split).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  });

  // What made the command line's threaded test flaky under load: a thread that wakes late finds
  // every claimed chunk of a small level gone, and does not count as taking part.
  it('deals every thread its share when told to, however late it wakes', async () => {
    const loaded = loadDesign(readFileSync(join(conformanceDir('valid'), 'kv-register.protocol.json'), 'utf8'));
    if (!loaded.ok) throw new Error('kv-register does not load');
    const model = loaded.model;
    // The other threads wake only once the first has expanded all it could of the level.
    const run = (dealt: boolean) => {
      const set = SharedFingerprintSet.create(1 << 16, 1 << 16, 64);
      const [first, ...others] = [0, 1, 2].map((index) => localPort(createPartition(model, {}, { index, count: 3, set })));
      let firstDone: Promise<unknown> = Promise.resolve();
      const early: PartitionPort = {
        ...first!,
        expandLevel(ms) {
          const status = first!.expandLevel(ms);
          firstDone = status;
          return status;
        },
      };
      const late = (port: PartitionPort): PartitionPort => ({ ...port, expandLevel: (ms) => firstDone.then(() => port.expandLevel(ms)) });
      return coordinate(model, set, [early, ...others.map(late)], 3, {}, undefined, { adaptive: false, dealt });
    };
    const claimed = await run(false);
    const dealt = await run(true);
    expect(claimed.threads).toBe(1); // the first thread took every chunk before the others woke
    expect(dealt.threads).toBe(3);
    expect(figures(dealt)).toEqual(figures(explore(model)));
  });
});
