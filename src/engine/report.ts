import type { Model } from '../model/model';
import { applyStep } from './apply';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import type { CheckResult, Limit, TraceStep, Verdict, ViolationReport } from './result';
import type { ViolationKind } from './violation';
import { viewConfiguration } from './view';

/** A violation as the explorer remembers it: where it was found, not yet its trace. */
export interface Found {
  readonly kind: ViolationKind;
  readonly name: string;
  readonly detail: string;
  readonly depth: number;
  /** The configuration the violating step started from (-1: the initial configuration violates). */
  readonly parent: number;
  /** Index of the violating step in `enabledSteps` of the parent. */
  readonly stepIndex: number;
}

export interface Explored {
  readonly verdict: Verdict;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly found: readonly Found[];
  /** Per configuration id: parent id, step index. */
  readonly links: Int32Array;
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  readonly outcomes: { ok: number; error: number; ambiguous: number };
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly bytesPerState: number;
  readonly limit: Limit | null;
}

const REASONS: Record<Limit, string> = {
  states: 'the state limit was reached',
  time: 'the time limit was reached',
  memory: 'the memory limit was reached',
  cancelled: 'the check was cancelled',
};

export function buildReport(model: Model, e: Explored): CheckResult {
  const split = <T extends { name: string }>(items: readonly T[], reached: Uint8Array) => ({
    reached: items.filter((_, i) => reached[i] === 1).map((x) => x.name),
    unreached: items.filter((_, i) => reached[i] !== 1).map((x) => x.name),
  });
  return {
    verdict: e.verdict,
    states: e.states,
    transitions: e.transitions,
    depth: e.depth,
    violations: e.found.map((f) => traceOf(model, e.links, f)),
    coverage: { states: split(model.states, e.statesReached), transitions: split(model.transitions, e.transitionsReached) },
    outcomes: { ...e.outcomes },
    seconds: e.seconds,
    statesPerSecond: e.statesPerSecond,
    bytesPerState: e.bytesPerState,
    limit: e.limit,
    ...(e.limit !== null ? { reason: REASONS[e.limit] } : {}),
  };
}

/** Rebuilds a shortest trace by re-running, from the initial configuration, the step recorded for each ancestor. */
function traceOf(model: Model, links: Int32Array, f: Found): ViolationReport {
  const path: number[] = [];
  // Up the parent links to the initial configuration (the one whose parent is -1).
  for (let id = f.parent; id >= 0 && links[2 * id]! >= 0; id = links[2 * id]!) path.push(links[2 * id + 1]!);
  path.reverse();
  if (f.parent >= 0) path.push(f.stepIndex);
  const trace: TraceStep[] = [];
  let config: Configuration = initialConfiguration(model);
  path.forEach((stepIndex, i) => {
    const step = enabledSteps(model, config)[stepIndex]!;
    const outcome = applyStep(model, config, step);
    const last = i === path.length - 1;
    trace.push({
      label: step.label,
      actor: step.actor,
      configuration: viewConfiguration(model, outcome.next ?? config),
      description: outcome.description,
      ...(last ? { violation: `${f.kind} ${f.name}: ${f.detail}` } : {}),
    });
    if (outcome.next) config = outcome.next;
  });
  return { kind: f.kind, name: f.name, depth: f.depth, detail: f.detail, trace };
}
