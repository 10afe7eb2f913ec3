import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import type { CheckResultV2 } from '../../engine/v2/result';
import { loadExampleV2, loadPublishedV2, modelOfV2 } from '../../engine/v2/testDesigns';
import { exploreOnThreadsV2 } from './checkThreadsV2';

// The workers run the command line's bundle, as they do for a user; this thread runs the sources.
const root = join(import.meta.dirname, '..', '..', '..');
const workerUrl = pathToFileURL(join(root, 'dist', 'check-thread.mjs'));
beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script without types
  const { buildCli } = (await import('../../../scripts/build-cli.mjs')) as { buildCli: () => Promise<void> };
  await buildCli();
}, 60_000);

const figures = (r: CheckResultV2) => ({
  verdict: r.verdict,
  states: r.states,
  transitions: r.transitions,
  depth: r.depth,
  violations: r.violations.map((v) => `${v.kind}:${v.name}@${v.depth}/${v.trace.length}`).sort(),
  coverage: r.coverage,
  // Client outcomes per call site: the counts, and how long a shortest trace to each is.
  outcomes: r.outcomes?.map((o) => [o.site, o.ok, o.error, o.timeout, o.traces.ok?.length, o.traces.error?.length, o.traces.timeout?.length]),
});

describe('a version-2 check on several threads', () => {
  it.each([
    ['TwoPhase, 6 RMs', loadExampleV2('tla-two-phase.protocol.json', 6)],
    ['2PC broken (a violation)', loadExampleV2('two-phase-commit-broken.protocol.json')],
    // Initial configurations, all stored before the first level: the shared set is sized for them
    // (131,072 would overfill its first 65,536 slots).
    ['published TokenRing (46,656, every state initial)', loadPublishedV2('token-ring.protocol.json')],
    [
      '131,072 initial configurations',
      modelOfV2({
        format: 'protocol-studio',
        version: 2,
        name: 'bits',
        roles: [{ name: 'Bit', instances: 17, vars: [{ name: 'on', type: 'bool', initial: [false, true] }], states: [{ name: 'idle', initial: true }], transitions: [] }],
      }),
    ],
    // Calls: each thread compiles the design as the loader does, calls written out.
    ['lease calls, fixed', loadExampleV2('lease-calls-fixed.protocol.json')],
    [
      'lease with fencing, drop 1',
      loadExampleV2(
        'lease-with-fencing.protocol.json',
        undefined,
        (d) => (d.environment = { ...d.environment, network: { model: 'channels', capacity: 2, drop: 1 } }),
      ),
    ],
  ])(
    "%s: one thread's figures on 2 and 3 threads",
    async (_, model) => {
      const one = exploreV2(model);
      for (const threads of [2, 3]) {
        const split = await exploreOnThreadsV2(model, {}, { threads, workerUrl, waitForThreads: true });
        // Chunks are claimed by whoever is free: on a busy machine a late thread may get none, and
        // a small design may be expanded by one thread alone; TwoPhase's 50,816 are shared.
        expect(split.threads).toBeGreaterThanOrEqual(
          model.roles.length === 2 && model.name.startsWith('TwoPhase') ? 2 : 1,
        );
        expect(split.threads).toBeLessThanOrEqual(threads);
        expect(figures(split)).toEqual(figures(one));
      }
    },
    60_000,
  );

  it('ends incomplete at a state limit, on every thread', async () => {
    const split = await exploreOnThreadsV2(
      loadExampleV2('tla-two-phase.protocol.json', 6),
      { maxStates: 5000 },
      { threads: 2, workerUrl, waitForThreads: true },
    );
    expect(split).toMatchObject({ verdict: 'incomplete', limit: 'states', threads: 2 });
  }, 60_000);

  it('stops when cancelled', async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stop, 0, 1);
    const split = await exploreOnThreadsV2(
      loadExampleV2('tla-two-phase.protocol.json', 7),
      { shouldStop: () => Atomics.load(stop, 0) !== 0 },
      { threads: 2, stop, workerUrl, waitForThreads: true },
    );
    expect(split).toMatchObject({ verdict: 'incomplete', limit: 'cancelled' });
  }, 60_000);
});
