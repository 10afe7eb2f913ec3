import type { CheckResultV2 } from '../../engine/v2/result';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2, RoleJson, TransitionJsonV2 } from '../../model/v2/schema';
import { budgetFindings, finding, incomplete, withSilences, type Draft, type Review } from '../lint';
import { dedupeGapText, handlerDedupes, type HandlerStep } from '../dedupe';
import { parsed, someNode } from '../exprFacts';
import { fromStates, transitionElementV2, transitionNameV2 } from './elementsV2';
import { mentionsAnotherInstance } from './exprFactsV2';
import { clockOrdering, counters, timeouts, unreadEffects } from './expressionRulesV2';

export { transitionElementV2, transitionNameV2, triggerText } from './elementsV2';

/**
 * The review checklist (`../rules.ts`) for a design of several participants (format version 2).
 * Reads the design as written (`model.design`: calls not expanded, so every path points at what
 * the user wrote) and, for reachability and limits, the last check. Silences work as in version
 * 1: `"x-review": { "silence": { RULE: REASON } }` on the element a finding points at.
 */
export interface ReviewInputV2 {
  readonly document: unknown;
  readonly model: ModelV2;
  readonly result?: CheckResultV2;
}

export function reviewDesignV2(input: ReviewInputV2): Review {
  const { model, result } = input;
  const d = model.design;
  const drafts: Draft[] = [
    ...serving(d),
    ...callRetries(d),
    ...unhandledMessages(d),
    ...volatileWithoutRecovery(d),
    ...timeouts(d, result),
    ...counters(d),
    ...clockOrdering(d),
    ...invariantGaps(d),
    ...unreadEffects(d),
    ...(result ? reachability(d, result) : []),
    ...budgets(d, model),
    ...(result?.verdict === 'incomplete' ? [incomplete(result)] : []),
  ];
  return withSilences(input.document, drafts);
}

const code = (s: string) => `\`${s}\``;

const storageOf = (role: RoleJson, name: string) => role.vars?.find((v) => v.name === name)?.storage ?? 'durable';
const durableState = (role: RoleJson, name: string) => role.states.find((s) => s.name === name)?.storage !== 'volatile';

/** The vars a transition writes (`m[i]` writes `m`). */
const writtenVars = (t: TransitionJsonV2) => [...new Set(Object.keys(t.updates ?? {}).map((u) => u.replace(/\[.*$/, '').trim()))];

/** It writes a durable (or ghost) var, or enters a durable state it was not in. */
function hasDurableEffect(role: RoleJson, t: TransitionJsonV2): boolean {
  return (
    writtenVars(t).some((v) => storageOf(role, v) !== 'volatile') ||
    (t.to !== undefined && !fromStates(t).includes(t.to) && durableState(role, t.to))
  );
}

/** Transitions that serve a call (or client) event of their role: they carry `ack` and `reply`. */
function servingTransitions(role: RoleJson): { t: TransitionJsonV2; k: number; event: string }[] {
  const served = new Set((role.events ?? []).filter((e) => e.source === 'call' || e.source === 'client').map((e) => e.name));
  return role.transitions.flatMap((t, k) => (t.event !== undefined && served.has(t.event) ? [{ t, k, event: t.event }] : []));
}

function serving(d: DesignV2): Draft[] {
  const out: Draft[] = [];
  d.roles.forEach((role, r) => {
    for (const { t, k, event } of servingTransitions(role)) {
      const path = `/roles/${r}/transitions/${k}`;
      if (t.ack === undefined)
        out.push(
          finding(
            'ack-default',
            path,
            transitionElementV2(role, k),
            `Its ack is left at the default (durable): the file does not say what the reply to ${event} promises.`,
            'Set "ack" to "durable" or "none" explicitly.',
          ),
        );
      const written = writtenVars(t);
      if ((t.ack ?? 'durable') === 'durable' && written.length > 0 && !hasDurableEffect(role, t))
        out.push(
          finding(
            'durable-ack-volatile-effect',
            path,
            transitionElementV2(role, k),
            `It acks ${event} as durable, but its effect writes only volatile ${written.map(code).join(', ')}: a crash after the reply forgets what the caller was told.`,
            'Make the written vars durable, or set "ack" to "none" if the caller must not rely on it.',
          ),
        );
    }
    (role.events ?? []).forEach((e, i) => {
      if (e.source !== 'call' || e.idempotency !== 'volatile') return;
      const durable = servingTransitions(role).find(({ t, event }) => event === e.name && hasDurableEffect(role, t));
      if (durable)
        out.push(
          finding(
            'volatile-idempotency',
            `/roles/${r}/events/${i}`,
            `call event ${role.name}.${e.name}`,
            `${e.name} dedupes in memory while ${transitionNameV2(role, durable.k)} has a durable effect: a crash forgets the table and a retry repeats the effect.`,
            'Set "idempotency" to "durable".',
          ),
        );
    });
  });
  return out;
}

/** A call retried (`retry.maxAttempts` > 1) to a call event without idempotency, unless its handler dedupes on an id of the request (`../dedupe.ts`). */
function callRetries(d: DesignV2): Draft[] {
  const out: Draft[] = [];
  const callee = new Map<string, { role: RoleJson; idempotency: string }>();
  for (const role of d.roles)
    for (const e of role.events ?? []) if (e.source === 'call') callee.set(e.name, { role, idempotency: e.idempotency ?? 'none' });
  d.roles.forEach((role, r) =>
    role.transitions.forEach((t, k) => {
      const attempts = t.call?.retry?.maxAttempts ?? 1;
      const target = t.call ? callee.get(t.call.event) : undefined;
      if (!t.call || !target || attempts <= 1 || target.idempotency !== 'none') return;
      const event = t.call.event;
      const gap = handlerDedupes(
        target.role.transitions.filter((h) => h.event === event).map(handlerStep),
        (v) => storageOf(target.role, v),
      );
      if (gap === undefined) return;
      out.push(
        finding(
          'retry-without-idempotency',
          `/roles/${r}/transitions/${k}`,
          transitionElementV2(role, k),
          `It calls ${target.role.name}.${event} up to ${attempts} times, and ${event} has no idempotency: ${dedupeGapText(gap)}`,
          `Set "idempotency" of ${event} to "durable" (the callee answers a request id it has seen with its first reply), or dedupe on an id the request carries: a durable record checked in the guard and written with the effect, and a transition that acknowledges a known id without effect.`,
        ),
      );
    }),
  );
  return out;
}

/** A handler's transition as `../dedupe.ts` reads it. */
function handlerStep(t: TransitionJsonV2): HandlerStep {
  const from = fromStates(t);
  const to = t.to !== undefined ? [t.to] : from;
  const moves = t.to !== undefined && (from.length !== 1 || from[0] !== t.to);
  const effect = Object.keys(t.updates ?? {}).length > 0 || moves || (t.send ?? []).length > 0 || t.call !== undefined;
  return { guard: t.guard, updates: t.updates ?? {}, effect, refuses: t.reply === 'error', from, to };
}

/** Every expression text of the design: guards, updates, send targets and payloads, invariants. */
function expressionTexts(d: DesignV2): string[] {
  const texts = (d.invariants ?? []).map((i) => i.expr);
  for (const role of d.roles) {
    for (const i of role.invariants ?? []) texts.push(i.expr);
    for (const t of role.transitions) {
      if (t.guard !== undefined) texts.push(t.guard);
      texts.push(...Object.keys(t.updates ?? {}), ...Object.values(t.updates ?? {}));
      for (const s of t.send ?? []) texts.push(...(s.to !== undefined ? [s.to] : []), ...Object.values(s.payload ?? {}));
      for (const i of t.invariants ?? []) texts.push(i.expr);
    }
  }
  return texts;
}

/** Kinds some expression reads off the pool (`exists m in Kind: …`, docs/format-v2.md §5): those are handled without a receive. */
function kindsReadOffThePool(d: DesignV2): Set<string> {
  const roles = new Set(d.roles.map((r) => r.name));
  const kinds = new Set<string>();
  for (const text of expressionTexts(d)) {
    someNode(parsed(text), (n) => {
      if (n.kind === 'quantifier' && !roles.has(n.role)) kinds.add(n.role);
      return false;
    });
  }
  return kinds;
}

function unhandledMessages(d: DesignV2): Draft[] {
  const readOff = kindsReadOffThePool(d);
  return (d.messages ?? []).flatMap((m, i) => {
    const receiver = d.roles.find((r) => r.name === m.to);
    if (!receiver || readOff.has(m.name) || receiver.transitions.some((t) => t.receive === m.name)) return [];
    return [
      finding(
        'unhandled-message',
        `/messages/${i}`,
        `message ${m.name} (${m.from} → ${m.to})`,
        `${m.to} is sent ${m.name} but no transition of ${m.to} receives it: every ${m.name} is ignored.`,
        `Add a transition of ${m.to} with "receive": "${m.name}", or remove the message if nothing sends it.`,
      ),
    ];
  });
}

/** A role that may crash, keeps volatile data (vars or states) and has no `$restart` transition to rebuild it. */
function volatileWithoutRecovery(d: DesignV2): Draft[] {
  return d.roles.flatMap((role, r) => {
    // A role that never crashes (`"crashes": 0`, docs/format-v2.md §7) loses nothing.
    if (role.crashes === 0 || role.transitions.some((t) => t.event === '$restart')) return [];
    const vars = (role.vars ?? []).filter((v) => v.storage === 'volatile').map((v) => v.name);
    const states = role.states.filter((s) => s.storage === 'volatile').map((s) => s.name);
    if (vars.length === 0 && states.length === 0) return [];
    const what = [...vars.map((v) => `var ${code(v)}`), ...states.map((s) => `state ${s}`)].join(', ');
    return [
      finding(
        'volatile-without-recovery',
        `/roles/${r}`,
        `role ${role.name}`,
        `${role.name} keeps volatile data (${what}); after a crash it comes back with it lost and no $restart transition rebuilds it.`,
        `Add a $restart transition to ${role.name} that restores what it needs, or make that data durable.`,
      ),
    ];
  });
}

function invariantGaps(d: DesignV2): Draft[] {
  const all = [
    ...(d.invariants ?? []),
    ...d.roles.flatMap((r) => [...(r.invariants ?? []), ...r.transitions.flatMap((t) => t.invariants ?? [])]),
  ];
  if (all.length === 0)
    return [
      finding(
        'no-invariants',
        '',
        `design ${d.name}`,
        'The design states no invariant: a check can find only deadlocks.',
        'Add invariants that say what the participants promise together (e.g. "no two resource managers decide differently").',
      ),
    ];
  const instances = d.roles.reduce((n, r) => n + (r.instances ?? 1), 0);
  if (instances < 2 || all.some((i) => mentionsAnotherInstance(parsed(i.expr), d))) return [];
  return [
    finding(
      'local-invariants-only',
      '',
      `design ${d.name}`,
      `Each of its ${all.length} invariant(s) reads one instance only: nothing checks that the ${instances} instances agree.`,
      'Add a design invariant over several instances (e.g. `forall a, b in RM: !(a.state == "committed" && b.state == "aborted")`).',
    ),
  ];
}

function reachability(d: DesignV2, result: CheckResultV2): Draft[] {
  if (result.verdict !== 'ok') return [];
  const states = new Set(result.coverage.states.unreached);
  const transitions = new Set(result.coverage.transitions.unreached);
  const out: Draft[] = [];
  d.roles.forEach((role, r) => {
    role.states.forEach((s, i) => {
      if (states.has(`${role.name}.${s.name}`))
        out.push(
          finding(
            'unreachable-state',
            `/roles/${r}/states/${i}`,
            `state ${role.name}.${s.name}`,
            `The exhaustive check (${result.states} configurations) never reached it in any instance of ${role.name}.`,
            'Check the guards and messages that should lead here, or remove the state.',
          ),
        );
    });
    role.transitions.forEach((_, k) => {
      if (transitions.has(transitionNameV2(role, k)))
        out.push(
          finding(
            'unreachable-transition',
            `/roles/${r}/transitions/${k}`,
            transitionElementV2(role, k),
            `The exhaustive check (${result.states} configurations) never took it.`,
            'Loosen its guard, make sure its message or event can arrive in its state, or remove it.',
          ),
        );
    });
  });
  return out;
}

function budgets(d: DesignV2, model: ModelV2): Draft[] {
  const volatile = d.roles.flatMap((r) => (r.vars ?? []).filter((v) => v.storage === 'volatile').map((v) => `${r.name}.${v.name}`));
  // Budgets act on channels only: a kind on a reliable link is never dropped or duplicated, and
  // the pool loses (never received) and duplicates (received again) by itself, where the budgets
  // are errors (§6). With no faulty channel, budgets of 0 say nothing more.
  const lossy = model.messages.some((m) => !m.pool && !m.reliable);
  const env = { drop: lossy ? model.network.drop : 1, duplicate: lossy ? model.network.duplicate : 1, crashes: model.crashes };
  const out = budgetFindings(d.environment ? '/environment' : '', env, volatile);
  // A duplicate is appended behind its original when the channel has room (§6): with room for one
  // message there never is, so a budget above 0 duplicates nothing, silently.
  if (lossy && model.network.duplicate > 0 && model.network.capacity === 1)
    out.push(
      finding(
        'duplicates-off',
        d.environment?.network ? '/environment/network/capacity' : '/environment',
        'environment',
        `The duplicate budget is ${model.network.duplicate}, but each channel holds 1 message (capacity 1) and a copy needs a free slot behind its original: no message is ever delivered twice.`,
        'Set "network.capacity" to 2 or more, or the duplicate budget to 0 to say that duplicates are not checked.',
      ),
    );
  return out;
}
