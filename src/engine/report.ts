import type { Model } from '../model/model';
import { applyStep } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';
import type { Links } from './parentLinks';
import type { CheckResult, InternalError, Limit, OutcomeTraces, TraceStep, Verdict, ViolationReport } from './result';
import type { Violation, ViolationKind } from './violation';
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
  readonly links: Links;
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  readonly outcomes: { ok: number; error: number; ambiguous: number };
  /** One thread only: the id of the first configuration with each outcome (-1: none). */
  readonly firstOutcome?: { readonly ok: number; readonly error: number; readonly ambiguous: number };
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

const DISAGREEMENT = 'internal error: the explorer reported a violation the readable engine does not confirm (see internalErrors)';

/**
 * The §7 result. Every violation found is re-executed through the readable engine first
 * (`confirm`); one the readable engine does not reproduce becomes an `InternalError` and is not
 * reported as a violation. When no violation is confirmed the verdict is `incomplete` with that
 * reason: never `ok`, never an unconfirmed violation.
 */
export function buildReport(model: Model, e: Explored): CheckResult {
  const split = <T extends { name: string }>(items: readonly T[], reached: Uint8Array) => ({
    reached: items.filter((_, i) => reached[i] === 1).map((x) => x.name),
    unreached: items.filter((_, i) => reached[i] !== 1).map((x) => x.name),
  });
  const violations: ViolationReport[] = [];
  const internalErrors: InternalError[] = [];
  for (const f of e.found) {
    const checked = confirm(model, e.links, f);
    if ('message' in checked) internalErrors.push(checked);
    else violations.push(checked);
  }
  const unconfirmed = internalErrors.length > 0 && violations.length === 0;
  const verdict = unconfirmed ? 'incomplete' : e.verdict;
  const reason = unconfirmed ? DISAGREEMENT : e.limit !== null ? REASONS[e.limit] : null;
  return {
    verdict,
    states: e.states,
    transitions: e.transitions,
    depth: e.depth,
    violations,
    coverage: { states: split(model.states, e.statesReached), transitions: split(model.transitions, e.transitionsReached) },
    outcomes: { ...e.outcomes },
    ...(e.firstOutcome ? { outcomeTraces: outcomeTraces(model, e.links, e.firstOutcome) } : {}),
    seconds: e.seconds,
    statesPerSecond: e.statesPerSecond,
    bytesPerState: e.bytesPerState,
    limit: e.limit,
    ...(reason !== null ? { reason } : {}),
    ...(internalErrors.length > 0 ? { internalErrors } : {}),
  };
}

/** The step labels from the initial configuration to configuration `id`, read up the parent links. */
function labelsTo(model: Model, links: Links, id: number): string[] {
  const path: number[] = [];
  for (let at = id; at >= 0 && links.parent(at) >= 0; at = links.parent(at)) path.push(links.step(at));
  path.reverse();
  const labels: string[] = [];
  let config: Configuration = initialConfiguration(model);
  for (const stepIndex of path) {
    const step = enabledSteps(model, config)[stepIndex];
    if (step === undefined) return labels;
    labels.push(step.label);
    const next = applyStep(model, config, step).next;
    if (next === null) return labels;
    config = next;
  }
  return labels;
}

/** A shortest trace (its step labels) to a quiescent configuration with each client outcome. */
function outcomeTraces(model: Model, links: Links, first: NonNullable<Explored['firstOutcome']>): OutcomeTraces {
  const out: { ok?: string[]; error?: string[]; ambiguous?: string[] } = {};
  for (const k of ['ok', 'error', 'ambiguous'] as const) if (first[k] >= 0) out[k] = labelsTo(model, links, first[k]);
  return out;
}

/** The step indices from the initial configuration to the violation, read up the parent links. */
function pathOf(links: Links, f: Found): number[] {
  const path: number[] = [];
  // Up the parent links to the initial configuration (the one whose parent is -1).
  for (let id = f.parent; id >= 0 && links.parent(id) >= 0; id = links.parent(id)) path.push(links.step(id));
  path.reverse();
  if (f.parent >= 0) path.push(f.stepIndex);
  return path;
}

// A violation is its (kind, name) (MODEL.md §6); its detail, a sentence for people, is the readable engine's.
const same = (f: Found) => (v: Violation) => v.kind === f.kind && v.name === f.name;

/**
 * Re-executes the shortest trace of `f` through the readable engine (`enabledSteps`, `applyStep`,
 * `checkConfiguration`): every step but the last must be enabled and violate nothing (the
 * explorer expands no violating configuration), and the last must produce the very violation
 * found (same kind and name). Returns the violation with its trace, every text in it (the
 * detail included) the readable engine's own, or the disagreement.
 */
function confirm(model: Model, links: Links, f: Found): ViolationReport | InternalError {
  const path = pathOf(links, f);
  const trace: TraceStep[] = [];
  const labels: string[] = [];
  const fail = (message: string): InternalError => ({
    message,
    reported: { kind: f.kind, name: f.name, detail: f.detail, depth: f.depth },
    trace: labels,
    design: model.design,
  });
  let config: Configuration = initialConfiguration(model);
  if (path.length === 0) {
    const confirmed = checkConfiguration(model, config).find(same(f));
    return confirmed ? { kind: f.kind, name: f.name, depth: f.depth, detail: confirmed.detail, trace } : fail('the initial configuration does not violate it');
  }
  let detail = '';
  for (let i = 0; i < path.length; i++) {
    const step = enabledSteps(model, config)[path[i]!];
    if (step === undefined) return fail(`step ${i + 1} (index ${path[i]}) is not enabled in the readable engine`);
    labels.push(step.label);
    const outcome = applyStep(model, config, step);
    const last = i === path.length - 1;
    const confirmed = last ? outcome.violations.find(same(f)) : undefined;
    if (last && confirmed === undefined) return fail(`the last step, ${step.label}, does not violate it in the readable engine`);
    if (confirmed) detail = confirmed.detail;
    if (!last && (outcome.next === null || outcome.violations.length > 0)) return fail(`step ${i + 1}, ${step.label}, violates in the readable engine before the end`);
    trace.push({
      label: step.label,
      actor: step.actor,
      configuration: viewConfiguration(model, outcome.next ?? config),
      description: outcome.description,
      ...(confirmed ? { violation: `${confirmed.kind} ${confirmed.name}: ${confirmed.detail}` } : {}),
    });
    if (outcome.next) config = outcome.next;
  }
  return { kind: f.kind, name: f.name, depth: f.depth, detail, trace };
}
