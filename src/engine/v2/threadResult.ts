import type { ModelV2 } from '../../model/v2/model';
import { localPort, runLevels, type LevelsRun } from '../partitioned';
import type { ExploreOptions, Limit } from '../result';
import { SharedFingerprintSet } from '../sharedFingerprintSet';
import { coverageV2, reasonFor } from './explorer';
import { Packing } from './packing';
import { createPartitionV2, type PartitionFinalV2 } from './partition';
import type { CheckResultV2 } from './result';
import { StepRules } from './stepRules';
import { labelsTo, rebuildTrace, traceStart, traceStartIndex } from './trace';
import { callOutcomesResult, callSitesV2, type CallOutcomeTally } from './callOutcomes';

/**
 * The result of a version-2 search on several threads (`partition.ts`, version 1's level loop
 * `runLevels`): the partitions' figures summed, coverage united, and each violation's shortest
 * trace rebuilt from the merged parent links and packed configurations, by id.
 */
export function threadResultV2(
  model: ModelV2,
  run: LevelsRun<PartitionFinalV2>,
  count: number,
): CheckResultV2 & { readonly threads: number } {
  const { finals, seconds } = run;
  const states = finals.reduce((n, f) => n + f.states, 0);
  const bytes = finals.reduce((n, f) => n + f.bytes, 0);
  const links = mergeLinks(finals, count);
  const ids = links.length / 2;
  const packing = new Packing(model);
  const W = packing.words;
  const records = new Int32Array(ids * W);
  const parent = new Int32Array(ids).fill(-1);
  const ordinal = new Int32Array(ids).fill(-1);
  finals.forEach((f, p) => {
    for (let local = 0; local < f.records.length / W; local++)
      records.set(f.records.subarray(local * W, (local + 1) * W), (p + count * local) * W);
  });
  for (let id = 0; id < ids; id++) {
    parent[id] = links[2 * id]!;
    ordinal[id] = links[2 * id + 1]!;
  }
  const rules = new StepRules(model);
  const violations = run.found.map((f) => ({
    kind: f.violation.kind,
    name: f.violation.name,
    depth: f.depth,
    detail: f.violation.detail,
    trace: rebuildTrace(model, rules, packing, records, parent, ordinal, f.id, f.ordinal, f.violation),
    ...traceStart(model, packing, records, parent, f.id),
  }));
  const states0 = finals[0]!.statesReached.map((_, i) =>
    finals.some((f) => f.statesReached[i] === 1) ? 1 : 0,
  );
  const transitions0 = finals[0]!.transitionsReached.map((_, i) =>
    finals.some((f) => f.transitionsReached[i] === 1) ? 1 : 0,
  );
  const limit: Limit | null = violations.length ? null : run.limit;
  const outcomes = callOutcomesResult(
    callSitesV2(model),
    mergeTallies(finals.map((f) => f.outcomes), parent),
    (id) => labelsTo(model, rules, packing, records, parent, ordinal, id),
    (id) => traceStartIndex(model, packing, records, parent, id),
  );
  return {
    version: 2,
    verdict: run.verdict,
    states,
    transitions: finals.reduce((n, f) => n + f.transitions, 0),
    depth: run.depth,
    violations,
    coverage: coverageV2(model, states0, transitions0),
    ...outcomes,
    seconds: Number(seconds.toFixed(3)),
    statesPerSecond: Math.round(states / Math.max(seconds, 1e-3)),
    bytesPerState: Math.round(bytes / Math.max(1, states)),
    limit,
    ...(limit ? { reason: reasonFor(limit) } : {}),
    threads: run.threads,
  };
}

/**
 * The whole search as `count` partitions taking turns on this thread: the reference for the
 * threaded one (tests; `setCapacity` small makes the shared set grow).
 */
export async function explorePartitionedV2(
  model: ModelV2,
  options: ExploreOptions,
  count: number,
  setCapacity = 1 << 16,
): Promise<CheckResultV2 & { readonly threads: number }> {
  const set = SharedFingerprintSet.create(
    SharedFingerprintSet.firstLevelCapacity(model.initials.length, setCapacity),
    Math.min(setCapacity, 1 << 16),
    options.maxStates === undefined ? 64 : 1,
  );
  const ports = Array.from({ length: count }, (_, index) =>
    localPort(createPartitionV2(model, options, { index, count, set })),
  );
  return threadResultV2(model, await runLevels(set, ports, count, options, undefined, { adaptive: false }), count);
}

/** Links of every partition by configuration id (`p + count * number`): parent id, step ordinal. */
function mergeLinks(finals: readonly { readonly links: Int32Array }[], count: number): Int32Array {
  const most = Math.max(...finals.map((f) => f.links.length / 2));
  const links = new Int32Array(2 * count * most).fill(-1);
  finals.forEach((f, p) => {
    for (let local = 0; local < f.links.length / 2; local++) {
      const id = p + count * local;
      links[2 * id] = f.links[2 * local]!;
      links[2 * id + 1] = f.links[2 * local + 1]!;
    }
  });
  return links;
}

/**
 * The threads' client outcomes: counts summed; per outcome the shallowest of the threads' first
 * configurations with it (each thread's first is its shallowest; a tie goes to the lowest
 * partition), so a shortest trace as on one thread (version 1's `firstOutcomes`).
 */
function mergeTallies(tallies: readonly CallOutcomeTally[], parent: Int32Array): CallOutcomeTally {
  const depthOf = (id: number) => {
    let d = 0;
    for (let at = id; parent[at]! >= 0; at = parent[at]!) d++;
    return d;
  };
  const n = tallies[0]?.counts.length ?? 0;
  const counts = Array.from({ length: n }, (_, i) => tallies.reduce((sum, t) => sum + t.counts[i]!, 0));
  const first = Array.from({ length: n }, (_, i) => {
    const ids = tallies.map((t) => t.first[i]!).filter((id) => id >= 0);
    return ids.length === 0 ? -1 : ids.reduce((best, id) => (depthOf(id) < depthOf(best) ? id : best));
  });
  return { counts, first };
}
