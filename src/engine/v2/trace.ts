import type { ModelV2 } from '../../model/v2/model';
import type { Packing } from './packing';
import type { TraceStepV2, ViolationReportV2 } from './result';
import type { StepRules } from './stepRules';
import type { ViolationV2 } from './stepTypes';
import { stepLabel, viewConfigurationV2 } from './view';

/**
 * Rebuilds a shortest trace from the explorer's parent links by re-running the step rules:
 * the k-th step enumerated from a parent is the one that reached the child. A violation found
 * on a step (`ordinal` ≥ 0) ends with that step; a step that produced no configuration is shown
 * on the configuration it started from.
 */
export function rebuildTrace(
  model: ModelV2,
  rules: StepRules,
  packing: Packing,
  records: Int32Array,
  parent: Int32Array,
  ordinalOf: ArrayLike<number>,
  record: number,
  ordinal: number,
  violation: ViolationV2,
): TraceStepV2[] {
  const chain: [number, number][] = [];
  if (ordinal >= 0) chain.push([record, ordinal]);
  for (let r = record; parent[r]! >= 0; r = parent[r]!) chain.push([parent[r]!, ordinalOf[r]!]);
  chain.reverse();
  const steps: TraceStepV2[] = [];
  const vec = new Float64Array(model.size);
  chain.forEach(([from, k], i) => {
    packing.unpack(records, from * packing.words, vec);
    let n = 0;
    rules.forEachStep(vec, (step, next) => {
      if (n++ !== k) return;
      steps.push({
        label: stepLabel(model, step, vec),
        configuration: viewConfigurationV2(model, next ?? vec),
        ...(i === chain.length - 1 ? { violation: violation.detail } : {}),
      });
    });
  });
  return steps;
}

/** The step labels of a shortest trace from the initial configuration to stored configuration `record`. */
export function labelsTo(
  model: ModelV2,
  rules: StepRules,
  packing: Packing,
  records: Int32Array,
  parent: ArrayLike<number>,
  ordinalOf: ArrayLike<number>,
  record: number,
): string[] {
  const chain: [number, number][] = [];
  for (let r = record; parent[r]! >= 0; r = parent[r]!) chain.push([parent[r]!, ordinalOf[r]!]);
  chain.reverse();
  const vec = new Float64Array(model.size);
  return chain.map(([from, k]) => {
    packing.unpack(records, from * packing.words, vec);
    let n = 0;
    let label = '';
    rules.forEachStep(vec, (step) => {
      if (n++ === k) label = stepLabel(model, step, vec);
    });
    return label;
  });
}

/**
 * The configuration a trace starts from, for a design with several initial configurations
 * (format-v2.md §8): `{ initial, start }` to spread into the violation's report, `start` being its
 * index in `model.initials` (what the simulator starts from to replay the trace); `{}` with one
 * (it is `model.initial`).
 */
export function traceStart(model: ModelV2, packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number): Pick<ViolationReportV2, 'initial' | 'start'> {
  if (model.initials.length < 2) return {};
  const vec = rootOf(packing, records, parent, record, model.size);
  return { initial: viewConfigurationV2(model, vec), start: initialIndex(model, vec) };
}

/** For a design with several initial configurations, the index in `model.initials` a shortest trace to `record` starts from. */
export function traceStartIndex(model: ModelV2, packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number): number | undefined {
  if (model.initials.length < 2) return undefined;
  return initialIndex(model, rootOf(packing, records, parent, record, model.size));
}

function rootOf(packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number, size: number): Float64Array {
  let r = record;
  while (parent[r]! >= 0) r = parent[r]!;
  const vec = new Float64Array(size);
  packing.unpack(records, r * packing.words, vec);
  return vec;
}

/** Which of the design's initial configurations `vec` is (a search's root is always one of them). */
function initialIndex(model: ModelV2, vec: Float64Array): number {
  const i = model.initials.findIndex((c) => c.every((x, k) => x === vec[k]));
  if (i < 0) throw new Error('a trace starts from a configuration that is not initial');
  return i;
}
