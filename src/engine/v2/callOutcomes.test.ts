import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { exploreV2 } from './explorer';
import type { CheckResultV2 } from './result';
import { SimulationV2 } from './simulator';
import { StepRules } from './stepRules';
import { loadExampleV2, participantExamplesV2, readExampleV2 } from './testDesigns';
import { explorePartitionedV2 } from './threadResult';
import { viewConfigurationV2 } from './view';

/**
 * Client outcomes per call site (docs/format-v2.md §14, "Outcomes"): version 1's `outcomes` read
 * per call, on one thread and on several, with a shortest trace to each outcome seen.
 */

function load(design: DesignV2): ModelV2 {
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

/** The counts and the lengths of the traces: what one thread and several must agree on. */
const figures = (r: CheckResultV2) =>
  r.outcomes?.map((o) => ({ site: o.site, ok: o.ok, error: o.error, timeout: o.timeout, traces: [o.traces.ok?.length, o.traces.error?.length, o.traces.timeout?.length] }));

/** The lease service broken, without its invariants and replay check and with room for more tokens: explored to the end. */
const brokenUnchecked = (): ModelV2 => {
  const d = readExampleV2('lease-calls-broken.protocol.json');
  d.invariants = [];
  d.environment = { ...d.environment, checks: { replay: false } };
  const wide = { int: [0, 7] as [number, number] };
  (d.roles[0]!.vars![0] as { type: unknown }).type = wide;
  (d.roles[0]!.events![0]!.returns![0] as { type: unknown }).type = wide;
  (d.roles[1]!.vars![0] as { type: unknown }).type = wide;
  return load(d);
};

const outcomeOf = (model: ModelV2, vec: Float64Array, instance: string) =>
  viewConfigurationV2(model, vec).instances.find((i) => i.name === instance)!.vars['Acquire_outcome'];

/**
 * An independent count, from the readable side: every reachable configuration through the
 * simulator's rules (a design without invariants), quiescent when every step that changes it is
 * a fault, its outcomes read from its view.
 */
function countByHand(model: ModelV2): { ok: number; error: number; timeout: number } {
  const rules = new StepRules(model);
  const seen = new Set<string>([model.initial.join()]);
  const queue: Float64Array<ArrayBufferLike>[] = [model.initial.slice()];
  const counts = { ok: 0, error: 0, timeout: 0 };
  const callers = model.instances.filter((i) => model.roles[i.role]!.name === 'Client').map((i) => i.name);
  while (queue.length) {
    const vec = queue.shift()!;
    let quiescent = true;
    const nexts: Float64Array<ArrayBufferLike>[] = [];
    rules.forEachStep(vec, (step, next) => {
      const fault = step.kind === 'crash' || step.kind === 'drop' || step.kind === 'duplicate';
      const changed = next === null || next.some((x, i) => x !== vec[i]);
      if (changed && !fault) quiescent = false;
      if (next) nexts.push(next.slice());
    });
    if (quiescent) {
      const outcomes = new Set(callers.map((c) => outcomeOf(model, vec, c)));
      for (const k of ['ok', 'error', 'timeout'] as const) if (outcomes.has(k)) counts[k]++;
    }
    for (const n of nexts) {
      const key = n.join();
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(n);
      }
    }
  }
  return counts;
}

/** Each trace replays, and ends where nothing is left to do but faults and some client's call ended so. */
function replaysToOutcomes(model: ModelV2, r: CheckResultV2): void {
  for (const k of ['ok', 'error', 'timeout'] as const) {
    const labels = r.outcomes![0]!.traces[k];
    if (!labels) continue;
    const sim = new SimulationV2(model);
    for (const label of labels) {
      const i = sim.enabled().findIndex((s) => s.label === label);
      expect(i, label).toBeGreaterThanOrEqual(0);
      sim.take(i);
    }
    expect(['Client[1]', 'Client[2]'].map((c) => outcomeOf(model, sim.current, c))).toContain(k);
    expect(sim.enabled().every((s) => ['crash', 'drop', 'duplicate'].includes(s.step.kind) || s.next?.every((x, i) => x === sim.current[i]))).toBe(true);
  }
}

describe('client outcomes per call site', () => {
  it('the fixed lease service: 200 ok, 80 error, 162 timeout among its quiescent configurations', () => {
    const model = loadExampleV2('lease-calls-fixed.protocol.json');
    const r = exploreV2(model);
    expect(r).toMatchObject({ verdict: 'ok', states: 41418 });
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes![0]).toMatchObject({ site: 'Client → Lock.Acquire', caller: 'Client', callee: 'Lock', event: 'Acquire', transitions: ['ask'], ok: 200, error: 80, timeout: 162 });
    // Each reply now leaves in its own ack step (version 1's "ack": "durable"): two steps more to settle.
    expect(figures(r)![0]!.traces).toEqual([9, 9, 12]);
    expect(countByHand(model)).toEqual({ ok: 200, error: 80, timeout: 162 });
    replaysToOutcomes(model, r);
  });

  it('the broken lease service stops at its violation (depth 5) before any call has settled: no outcome yet', () => {
    const r = exploreV2(loadExampleV2('lease-calls-broken.protocol.json'));
    expect(r).toMatchObject({ verdict: 'violation', states: 396, depth: 5 });
    expect(figures(r)).toEqual([{ site: 'Client → Lock.Acquire', ok: 0, error: 0, timeout: 0, traces: [undefined, undefined, undefined] }]);
  });

  it('the broken lease service explored to the end (its invariants left out): counted as by hand', () => {
    const model = brokenUnchecked();
    const r = exploreV2(model);
    expect(r.verdict).toBe('ok');
    const [o] = r.outcomes!;
    expect({ ok: o!.ok, error: o!.error, timeout: o!.timeout }).toEqual(countByHand(model));
    expect({ ok: o!.ok, error: o!.error, timeout: o!.timeout }).toEqual({ ok: 852, error: 360, timeout: 526 });
    expect(r.states).toBe(149302);
  });

  it.each([
    ['lease-calls-fixed', () => loadExampleV2('lease-calls-fixed.protocol.json')],
    ['lease-calls-broken', () => loadExampleV2('lease-calls-broken.protocol.json')],
    ['lease-calls-broken, explored to the end', brokenUnchecked],
  ])('%s: the same outcomes on 2 and 3 partitions', async (_, make) => {
    const model = make();
    const one = exploreV2(model);
    for (const count of [2, 3]) {
      const split = await explorePartitionedV2(model, {}, count, 256);
      expect(figures(split)).toEqual(figures(one));
      expect(split.states).toBe(one.states);
      replaysToOutcomes(model, split);
    }
  });

  it('a design without calls has no outcomes key, on one thread and on several', async () => {
    const hasCalls = (f: string) => readExampleV2(f).roles.some((r) => (r.events ?? []).some((e) => e.source === 'call'));
    const without = participantExamplesV2('all').filter((f) => !hasCalls(f));
    expect(without.length).toBeGreaterThan(3);
    for (const f of without) {
      const model = loadExampleV2(f);
      expect('outcomes' in exploreV2(model), f).toBe(false);
      expect('outcomes' in (await explorePartitionedV2(model, {}, 2, 256)), f).toBe(false);
    }
  });
});
