import type { CheckResult } from '../engine/result';
import { RESTART, type Model, type TransitionModel } from '../model/model';
import type { ExprV2 } from '../model/v2/expr/ast';
import { dedupeGapText, handlerDedupes, type HandlerStep } from './dedupe';
import { mentionsAmbiguous, looksLikeClock, neverLowers, orderingBy, parsed, statesMonotonic } from './exprFacts';
import type { Finding } from './finding';
import type { RuleId } from './rules';
import { silenceReason, unknownSilences } from './silence';

/** What the checklist reads: the document as written (for silences and defaults), its model, and the last check. */
export interface ReviewInput {
  /** The design as written, `x-review` silences included (the loader sets `x-` keys aside). */
  readonly document: unknown;
  readonly model: Model;
  /** The last check of this design, if any: reachability and limits come from it. */
  readonly result?: CheckResult;
}

export interface Review {
  /** In checklist order, silenced ones included (with their reason). */
  readonly findings: readonly Finding[];
  /** Silences naming no known rule: probably typos. */
  readonly unknownSilences: readonly { readonly path: string; readonly rule: string }[];
}

/** A finding before silences are read. */
export type Draft = Omit<Finding, 'silenced'>;

/** Reads the design against the review checklist (`rules.ts`). Pure; every rule runs, each finding names its element. */
export function reviewDesign(input: ReviewInput): Review {
  const { model, result } = input;
  const drafts: Draft[] = [
    ...ackDefaults(model),
    ...idempotency(model),
    ...volatileWithoutRecovery(model),
    ...timeouts(model, result),
    ...counters(model),
    ...clocks(model),
    ...invariantGaps(model),
    ...(result ? reachability(model, result) : []),
    ...environment(model),
    ...(result?.verdict === 'incomplete' ? [incomplete(result)] : []),
  ];
  return withSilences(input.document, drafts);
}

/** The review of `drafts`: each with the reason its element silences it, if any (both formats). */
export function withSilences(document: unknown, drafts: readonly Draft[]): Review {
  const findings = drafts.map((d): Finding => {
    const silenced = silenceReason(document, d.path, d.rule);
    return silenced === undefined ? d : { ...d, silenced };
  });
  return { findings, unknownSilences: unknownSilences(document) };
}

export function finding(rule: RuleId, path: string, element: string, why: string, fix: string): Draft {
  return { rule, path, element, why, fix };
}

const code = (s: string) => `\`${s}\``;

export function transitionElement(model: Model, t: TransitionModel): string {
  const event = t.event === RESTART ? '$restart' : model.events[t.event]!.name;
  return `transition ${t.name} (${model.states[t.from]!.name} → ${model.states[t.to]!.name} on ${event})`;
}

function clientTransitions(model: Model, event: number): TransitionModel[] {
  return model.transitions.filter((t) => t.event === event);
}

function ackDefaults(model: Model): Draft[] {
  return model.transitions
    .filter(
      (t) =>
        t.event !== RESTART &&
        model.events[t.event]!.source === 'client' &&
        model.design.transitions[t.index]!.ack === undefined,
    )
    .map((t) =>
      finding(
        'ack-default',
        `/transitions/${t.index}`,
        transitionElement(model, t),
        `Its ack is left at the default (durable): the file does not say what the reply to ${model.events[t.event]!.name} promises.`,
        'Set "ack" to "durable", "best-effort" or "none" explicitly.',
      ),
    );
}

function hasDurableEffect(model: Model, t: TransitionModel): boolean {
  return (
    t.updates.some((u) => model.vars[u.var]!.storage !== 'volatile') ||
    (t.to !== t.from && model.states[t.to]!.durable)
  );
}

const storageOfVar = (model: Model, name: string) => model.vars.find((v) => v.name === name)?.storage ?? 'durable';

/** A transition on a client event as `dedupe.ts` reads it: as written, with its states' names. */
function handlerStep(model: Model, t: TransitionModel): HandlerStep {
  const written = model.design.transitions[t.index]!;
  return {
    guard: written.guard,
    updates: written.updates ?? {},
    effect: t.updates.length > 0 || t.to !== t.from,
    refuses: t.reply === 'error',
    from: [model.states[t.from]!.name],
    to: [model.states[t.to]!.name],
  };
}

function idempotency(model: Model): Draft[] {
  const out: Draft[] = [];
  for (const i of model.clientEvents) {
    const e = model.events[i]!;
    const gap = e.maxAttempts > 1 && e.idempotency === 'none' ? handlerDedupes(clientTransitions(model, i).map((t) => handlerStep(model, t)), (v) => storageOfVar(model, v)) : undefined;
    if (gap) {
      out.push(
        finding(
          'retry-without-idempotency',
          `/events/${i}`,
          `event ${e.name}`,
          `${e.name} is sent up to ${e.maxAttempts} times with no idempotency key: ${dedupeGapText(gap, 'processed')}`,
          'Set "idempotency" to "durable": record the request id with its reply in the same write as the effect. Or dedupe on an id of the payload: a durable var checked in the guard (`event.id > lastId`) and written with the effect, and a transition that answers a known id without effect.',
        ),
      );
    }
    if (e.idempotency === 'volatile') {
      const durable = clientTransitions(model, i).find((t) => hasDurableEffect(model, t));
      if (durable) {
        out.push(
          finding(
            'volatile-idempotency',
            `/events/${i}`,
            `event ${e.name}`,
            `${e.name} dedupes in memory while ${durable.name} has a durable effect: a crash forgets the key and a retry repeats the effect.`,
            'Set "idempotency" to "durable".',
          ),
        );
      }
    }
  }
  return out;
}

function volatileWithoutRecovery(model: Model): Draft[] {
  const out: Draft[] = [];
  for (const s of model.states) {
    if (!s.durable || model.restarts[s.index]!.length > 0) continue;
    const written = new Set<string>();
    for (const t of model.transitions) {
      if (t.to !== s.index) continue;
      for (const u of t.updates)
        if (model.vars[u.var]!.storage === 'volatile') written.add(model.vars[u.var]!.name);
    }
    if (written.size === 0) continue;
    const names = [...written].map(code).join(', ');
    out.push(
      finding(
        'volatile-without-recovery',
        `/states/${s.index}`,
        `state ${s.name}`,
        `${s.name} is entered with volatile ${names} set; after a crash it is restored with ${names} back at the initial value and no $restart transition rebuilds it.`,
        `Add a $restart transition from ${s.name} that restores ${names}, or make ${names} durable.`,
      ),
    );
  }
  return out;
}

function allInvariantTrees(model: Model) {
  return [...model.invariants, ...model.transitions.flatMap((t) => t.invariants)].map((inv) => ({
    inv,
    expr: parsed(inv.expr.text),
  }));
}

function timeouts(model: Model, result: CheckResult | undefined): Draft[] {
  const trees = allInvariantTrees(model);
  const figure =
    result && result.outcomes.ambiguous > 0
      ? ` The last check left a client ambiguous in ${result.outcomes.ambiguous} quiescent configurations.`
      : '';
  return model.clientEvents
    .filter((i) => !trees.some((t) => mentionsAmbiguous(t.expr, model.events[i]!.name)))
    .map((i) => {
      const e = model.events[i]!.name;
      return finding(
        'timeout-unmentioned',
        `/events/${i}`,
        `event ${e}`,
        `A client whose ${e} times out does not know whether it took effect, and no invariant reads ${code(`ambiguous.${e}`)}.${figure}`,
        `Add an invariant on ${code(`ambiguous.${e}`)}, e.g. that an ambiguous request took effect at most once.`,
      );
    });
}

/** The unprimed name `x` as a tree, for comparing with an update's right-hand side. */
const nameOf = (name: string): ExprV2 => ({ kind: 'name', name, primed: false, start: 1, end: 1 + name.length });

function counters(model: Model): Draft[] {
  const out: Draft[] = [];
  const stepTrees = [
    ...model.invariants.filter((i) => i.kind === 'step'),
    ...model.transitions.flatMap((t) => t.invariants),
  ].map((i) => parsed(i.expr.text));
  for (const v of model.vars) {
    if (v.type.kind !== 'int') continue;
    const updates = model.transitions.flatMap((t) =>
      t.updates.filter((u) => u.var === v.index).map((u) => parsed(u.expr.text)),
    );
    const self = nameOf(v.name);
    const grows = updates.some((e) => e !== null && !(e.kind === 'name' && e.name === v.name));
    if (!grows || !updates.every((e) => neverLowers(e, self))) continue;
    if (stepTrees.some((e) => statesMonotonic(e, (r) => r.kind === 'name' && r.name === v.name))) continue;
    const crash = v.storage === 'volatile' ? ` It is volatile: a crash puts it back to ${v.initial}.` : '';
    out.push(
      finding(
        'counter-may-decrease',
        `/vars/${v.index}`,
        `var ${v.name}`,
        `${v.name} is only ever incremented, so it acts as a counter or epoch, but no step invariant says ${code(`${v.name}' >= ${v.name}`)}.${crash}`,
        `Add a step invariant ${code(`${v.name}' >= ${v.name}`)}.`,
      ),
    );
  }
  return out;
}

function clocks(model: Model): Draft[] {
  const out: Draft[] = [];
  for (const v of model.vars) {
    if (v.type.kind !== 'int' || !looksLikeClock(v.name)) continue;
    const t = model.transitions.find((t) => orderingBy(parsed(t.guard?.text), (n) => n.kind === 'name' && n.name === v.name));
    if (!t) continue;
    out.push(
      finding(
        'clock-ordering',
        `/vars/${v.index}`,
        `var ${v.name}`,
        `The guard of ${transitionElement(model, t)} orders by ${v.name}, a clock-like var: clocks skew and go backwards.`,
        `Order by a monotonic counter or epoch instead of ${v.name}.`,
      ),
    );
  }
  return out;
}

function invariantGaps(model: Model): Draft[] {
  const scoped = model.transitions.filter((t) => t.invariants.length > 0);
  if (model.invariants.length === 0 && scoped.length === 0) {
    return [
      finding(
        'no-invariants',
        '',
        `design ${model.name}`,
        'The design states no invariant: a check can find only deadlocks and replays.',
        'Add invariants that say what the protocol promises (e.g. "charged at most once per request").',
      ),
    ];
  }
  if (scoped.length === 0) return [];
  return model.transitions
    .filter((t) => t.invariants.length === 0)
    .map((t) =>
      finding(
        'transition-without-invariant',
        `/transitions/${t.index}`,
        transitionElement(model, t),
        `${scoped.length} other transition(s) state what they promise; this one states nothing.`,
        "Add a transition invariant saying what it changes (e.g. `x' == x + 1`).",
      ),
    );
}

function reachability(model: Model, result: CheckResult): Draft[] {
  // Only an exhaustive search proves something unreachable (MODEL.md §7: with a violation the
  // coverage describes what was explored until the search stopped).
  if (result.verdict !== 'ok') return [];
  const out: Draft[] = [];
  for (const name of result.coverage.states.unreached) {
    const s = model.states.find((x) => x.name === name);
    if (s)
      out.push(
        finding(
          'unreachable-state',
          `/states/${s.index}`,
          `state ${name}`,
          `The exhaustive check (${result.states} configurations) never reached ${name}.`,
          'Fix the guard or transition that should lead here, or remove the state.',
        ),
      );
  }
  for (const name of result.coverage.transitions.unreached) {
    const t = model.transitions.find((x) => x.name === name);
    if (t)
      out.push(
        finding(
          'unreachable-transition',
          `/transitions/${t.index}`,
          transitionElement(model, t),
          `The exhaustive check (${result.states} configurations) never took it.`,
          'Loosen its guard, reorder it before the transition that always wins, or remove it.',
        ),
      );
  }
  return out;
}

function environment(model: Model): Draft[] {
  const volatile = model.vars.filter((v) => v.storage === 'volatile').map((v) => v.name);
  return budgetFindings(model.design.environment ? '/environment' : '', model.environment, volatile);
}

/** The hostile world switched off: drop, duplicate and crash budgets of 0 (both formats). */
export function budgetFindings(
  path: string,
  env: { readonly drop: number; readonly duplicate: number; readonly crashes: number },
  volatileVars: readonly string[],
): Draft[] {
  const out: Draft[] = [];
  if (env.drop === 0)
    out.push(
      finding(
        'drops-off',
        path,
        'environment',
        'The drop budget is 0: no request or reply is ever lost.',
        'Set "network.drop" to 1 or more.',
      ),
    );
  if (env.duplicate === 0)
    out.push(
      finding(
        'duplicates-off',
        path,
        'environment',
        'The duplicate budget is 0: no message is ever delivered twice.',
        'Set "network.duplicate" to 1 or more.',
      ),
    );
  if (env.crashes === 0) {
    const volatile = volatileVars.map(code);
    const extra = volatile.length
      ? ` although ${volatile.join(', ')} ${volatile.length > 1 ? 'are' : 'is'} volatile`
      : '';
    out.push(
      finding(
        'crashes-off',
        path,
        'environment',
        `The crash budget is 0: crash points are never considered${extra}.`,
        'Set "crashes" to 1 or more.',
      ),
    );
  }
  return out;
}

export function incomplete(result: Pick<CheckResult, 'reason' | 'limit' | 'states'>): Draft {
  return finding(
    'check-incomplete',
    '',
    'check',
    `The check stopped at a limit (${result.reason ?? result.limit ?? 'limit'}) after ${result.states} configurations: its verdict proves nothing beyond them.`,
    'Raise the state or time limit, or lower the requests and budgets.',
  );
}
