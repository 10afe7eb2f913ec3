import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDesign } from '../../bench/engineDesigns';
import { explore } from '../engine/explorer';
import type { CheckResult } from '../engine/result';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { exploreOnThreads } from './checkThreads';

// The workers run the command line's bundle, as they do for a user; this thread runs the sources.
const root = join(import.meta.dirname, '..', '..');
const workerUrl = pathToFileURL(join(root, 'dist', 'check-thread.mjs'));
beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script without types
  const { buildCli } = (await import('../../scripts/build-cli.mjs')) as { buildCli: () => Promise<void> };
  await buildCli();
}, 60_000);

function load(design: unknown): { model: Model } {
  const loaded = loadDesign(JSON.stringify(design));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return { model: loaded.model };
}

const figures = (r: CheckResult) => ({
  verdict: r.verdict,
  states: r.states,
  transitions: r.transitions,
  depth: r.depth,
  violations: r.violations.map((v) => `${v.kind}:${v.name}@${v.depth}/${v.trace.length}`).sort(),
  coverage: r.coverage,
  outcomes: r.outcomes,
});

describe('check on several threads', () => {
  it('finds what one thread finds on an ok design', async () => {
    const { model } = load(registerDesign({ requests: 2, budget: 1, values: 2 }));
    const split = await exploreOnThreads(model, {}, { threads: 2, workerUrl, waitForThreads: true });
    expect(split.threads).toBe(2);
    expect(figures(split)).toEqual(figures(explore(model)));
  }, 30_000);

  it('finds the same shortest violations, with traces of their depth', async () => {
    const design = registerDesign({ requests: 2, budget: 1, values: 2 }) as { invariants: unknown[] };
    design.invariants = [...design.invariants, { name: 'one write', expr: 'writes <= 1' }];
    const { model } = load(design);
    const one = explore(model);
    expect(one.verdict).toBe('violation');
    const split = await exploreOnThreads(model, {}, { threads: 3, workerUrl, waitForThreads: true });
    expect(split.threads).toBe(3);
    expect(figures(split)).toEqual(figures(one));
  }, 30_000);

  it('keeps under a state limit and says incomplete', async () => {
    const { model } = load(registerDesign({ requests: 2, budget: 1, values: 2 }));
    const split = await exploreOnThreads(model, { maxStates: 10_000 }, { threads: 2, workerUrl, waitForThreads: true });
    expect(split).toMatchObject({ verdict: 'incomplete', limit: 'states', threads: 2 });
    expect(split.states).toBeLessThanOrEqual(10_000);
    expect(split.states).toBeGreaterThan(5_000);
  }, 30_000);

  it('answers a small design alone, before the threads are up', async () => {
    const { model } = load(registerDesign({ requests: 1, budget: 1, values: 2 }));
    const result = await exploreOnThreads(model, {}, { threads: 2, workerUrl });
    expect(result).toMatchObject({ verdict: 'ok', states: 499, threads: 1 });
  }, 30_000);

  it('falls back to one thread when no worker can start', async () => {
    const { model } = load(registerDesign({ requests: 2, budget: 0, values: 2 }));
    const missing = pathToFileURL(join(root, 'dist', 'no-such-bundle.mjs'));
    const result = await exploreOnThreads(model, {}, { threads: 2, workerUrl: missing, waitForThreads: true });
    expect(result).toMatchObject({ verdict: 'ok', states: 1201, threads: 1 });
  }, 30_000);
});
