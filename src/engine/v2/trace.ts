import type { ModelV2 } from '../../model/v2/model';
import type { Packing } from './packing';
import type { TraceStepV2, ViolationReportV2 } from './result';
import type { StepRules } from './stepRules';
import type { ViolationV2 } from './stepTypes';
import { stepLabel, viewConfigurationV2 } from './view';
import { concreteSteps } from './symmetricTrace';
import { deadlockOf } from './deadlock';
import type { Symmetry } from './symmetry';

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
  sym: Symmetry | null = null,
): TraceStepV2[] {
  const chain: [number, number][] = [];
  if (ordinal >= 0) chain.push([record, ordinal]);
  let root = record;
  for (; parent[root]! >= 0; root = parent[root]!) chain.push([parent[root]!, ordinalOf[root]!]);
  chain.reverse();
  const steps: TraceStepV2[] = [];
  // Under symmetry the stored configurations are representatives: the steps are replayed from the actual initial configuration.
  const concrete = concreteSteps(model, rules, packing, records, sym, root, chain);
  concrete.steps.forEach(({ vec, ordinal: k, violations }, i) => {
    let n = 0;
    rules.forEachStep(vec, (step, next) => {
      if (n++ !== k) return;
      const last = i === chain.length - 1;
      steps.push({
        label: stepLabel(model, step, vec),
        configuration: viewConfigurationV2(model, next ?? vec),
        ...(last ? { violation: sym === null ? violation.detail : concreteDetail(model, rules, violation, next ?? vec, violations) } : {}),
      });
    });
  });
  return steps;
}

/** The violation's words for the concrete run (instances named as they are there, not as in the representative). */
function concreteDetail(model: ModelV2, rules: StepRules, violation: ViolationV2, end: Float64Array, stepViolations: readonly ViolationV2[]): string {
  const fromStep = stepViolations.find((v) => v.kind === violation.kind && v.name === violation.name) ?? stepViolations.find((v) => v.kind === violation.kind);
  if (fromStep) return fromStep.detail;
  const fromState = violation.kind === 'deadlock' ? deadlockOf(model, end) : rules.checkState(end).find((v) => v.kind === violation.kind && v.name === violation.name);
  return fromState?.detail ?? violation.detail;
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
  sym: Symmetry | null = null,
): string[] {
  const chain: [number, number][] = [];
  let root = record;
  for (; parent[root]! >= 0; root = parent[root]!) chain.push([parent[root]!, ordinalOf[root]!]);
  chain.reverse();
  return concreteSteps(model, rules, packing, records, sym, root, chain).steps.map(({ vec, ordinal: k }) => {
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
export function traceStart(model: ModelV2, packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number, sym: Symmetry | null = null): Pick<ViolationReportV2, 'initial' | 'start'> {
  if (model.initials.length < 2) return {};
  const vec = rootOf(model, packing, records, parent, record, sym);
  return { initial: viewConfigurationV2(model, vec), start: initialIndex(model, vec) };
}

/** For a design with several initial configurations, the index in `model.initials` a shortest trace to `record` starts from. */
export function traceStartIndex(model: ModelV2, packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number, sym: Symmetry | null = null): number | undefined {
  if (model.initials.length < 2) return undefined;
  return initialIndex(model, rootOf(model, packing, records, parent, record, sym));
}

function rootOf(model: ModelV2, packing: Packing, records: Int32Array, parent: ArrayLike<number>, record: number, sym: Symmetry | null): Float64Array {
  let r = record;
  while (parent[r]! >= 0) r = parent[r]!;
  const vec = new Float64Array(model.size);
  packing.unpack(records, r * packing.words, vec);
  // Under symmetry the stored one is a representative: the actual initial configuration of its class (as concreteSteps starts from).
  return sym === null ? vec : model.initials.find((c) => sym.canonical(c).every((x, i) => x === vec[i]))!;
}

/** Which of the design's initial configurations `vec` is (a search's root is always one of them). */
function initialIndex(model: ModelV2, vec: Float64Array): number {
  const i = model.initials.findIndex((c) => c.every((x, k) => x === vec[k]));
  if (i < 0) throw new Error('a trace starts from a configuration that is not initial');
  return i;
}
