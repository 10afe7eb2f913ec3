import type { DesignV2, EventJsonV2, FieldJsonV2, ScalarTypeJsonV2, TransitionJsonV2 } from '../../model/v2/schema';

/**
 * Pure helpers for the forms that draw calls between participants (docs/format-v2.md §14): the
 * call events another role declares, the outcome events a role's calls give it, an event's keys
 * kept when its source changes, and a transition's `call` made for a callee's event. The forms
 * write their results with the store's ordinary `set` edits (one undo step each).
 */

export type EventSource = EventJsonV2['source'];

/** Keys an event keeps for each source (name, source, payload and description always). */
const KEYS_OF: Record<EventSource, readonly string[]> = {
  internal: [],
  timer: ['afterMs'],
  call: ['returns', 'idempotency', 'unhandled', 'calls'],
  client: ['retry', 'idempotency', 'unhandled'],
};
const COMMON = ['name', 'source', 'payload', 'description'];

/** The event with another source, without the keys that source does not take (a call's `returns`, a timer's `afterMs`). */
export function eventWithSource(event: EventJsonV2, source: EventSource): EventJsonV2 {
  const keep = new Set([...COMMON, ...KEYS_OF[source]]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (keep.has(k)) out[k] = v;
  out.source = source;
  return out as EventJsonV2;
}

/** A call event another role declares, as a caller sees it. */
export interface CallTarget {
  readonly role: string;
  readonly roleIndex: number;
  readonly instances: number;
  readonly event: EventJsonV2;
}

/** The call events of every role but `caller` (any of them may be called from there). */
export function callTargets(design: DesignV2, caller: number): CallTarget[] {
  return design.roles.flatMap((r, roleIndex) =>
    roleIndex === caller ? [] : (r.events ?? []).filter((e) => e.source === 'call').map((event) => ({ role: r.name, roleIndex, instances: r.instances ?? 1, event })),
  );
}

/** The call event named `event` of whichever role declares it (the one a `call` names), if any. */
export function callTargetOf(design: DesignV2, event: string): CallTarget | undefined {
  for (const [roleIndex, r] of design.roles.entries()) {
    const e = (r.events ?? []).find((x) => x.source === 'call' && x.name === event);
    if (e) return { role: r.name, roleIndex, instances: r.instances ?? 1, event: e };
  }
  return undefined;
}

/** The declaration of a role's event when it is a call event (the transitions on it serve calls). */
export function servedCall(design: DesignV2, role: number, t: TransitionJsonV2): EventJsonV2 | undefined {
  if (t.event === undefined) return undefined;
  return (design.roles[role]?.events ?? []).find((e) => e.name === t.event && e.source === 'call');
}

export const OUTCOMES = ['ok', 'error', 'timeout'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** `E.ok`, `E.error`, `E.timeout` for each call event E the role's transitions call, in order of first call. */
export function outcomeEvents(design: DesignV2, role: number): { event: string; call: string; outcome: Outcome }[] {
  const called = [...new Set((design.roles[role]?.transitions ?? []).flatMap((t) => (t.call?.event ? [t.call.event] : [])))];
  return called.flatMap((call) => OUTCOMES.map((outcome) => ({ event: `${call}.${outcome}`, call, outcome })));
}

/** `Acquire.timeout` → `{ call: 'Acquire', outcome: 'timeout' }`; anything else → undefined. */
export function parseOutcome(event: string | undefined): { call: string; outcome: Outcome } | undefined {
  const m = event === undefined ? null : /^(.+)\.(ok|error|timeout)$/.exec(event);
  return m ? { call: m[1]!, outcome: m[2] as Outcome } : undefined;
}

type Roles = readonly { name: string; instances?: number | undefined }[];

/** An instance of a role as an expression: `Lock` for a role with one, else `Lock[1]`. */
export function instanceExpr(role: string, roles: Roles): string {
  return (roles.find((r) => r.name === role)?.instances ?? 1) > 1 ? `${role}[1]` : role;
}

/** The first value of a scalar type as an expression (`0`, `false`, `"a"`, `Lock`): a value that loads before it is edited. */
export function literalOf(type: ScalarTypeJsonV2, roles: Roles): string {
  if (type === 'bool') return 'false';
  if ('int' in type) return String(type.int[0]);
  if ('enum' in type) return JSON.stringify(type.enum[0] ?? '');
  return instanceExpr(type.id, roles);
}

/**
 * The `call` of a transition that calls `target`: its callee instance when the role has several
 * (the first one), a first value for each payload field, and the retry policy of `previous`
 * (the call it replaces) kept.
 */
export function makeCall(target: CallTarget, roles: Roles, previous?: TransitionJsonV2['call']): NonNullable<TransitionJsonV2['call']> {
  const payload = target.event.payload ?? [];
  return {
    event: target.event.name,
    ...(target.instances > 1 ? { to: `${target.role}[1]` } : {}),
    ...(payload.length ? { payload: Object.fromEntries(payload.map((f: FieldJsonV2) => [f.name, previous?.event === target.event.name ? (previous.payload?.[f.name] ?? literalOf(f.type, roles)) : literalOf(f.type, roles)])) } : {}),
    ...(previous?.retry ? { retry: previous.retry } : {}),
  };
}

/** A first value for each `returns` field of a call event: what a new transition serving it replies. */
export function makeReturns(event: EventJsonV2, roles: Roles, given: Readonly<Record<string, string>> = {}): Record<string, string> | undefined {
  const fields = event.returns ?? [];
  return fields.length ? Object.fromEntries(fields.map((f) => [f.name, given[f.name] ?? literalOf(f.type, roles)])) : undefined;
}

/**
 * The transition on another trigger: onto a call event it replies with a first value of each
 * `returns` field (values given before kept); onto a trigger that serves no call or client
 * request, what only such transitions take (`ack`, `reply`, `returns`) goes.
 */
export function transitionWithTrigger(t: TransitionJsonV2, events: readonly EventJsonV2[], roles: Roles, trigger: { event: string } | { receive: string }): TransitionJsonV2 {
  // Spread over the transition, so a key it had keeps its place in the saved file.
  const next = withoutKeys({ ...t, ...trigger }, ['event' in trigger ? 'receive' : 'event']);
  const e = 'event' in trigger ? events.find((x) => x.name === trigger.event) : undefined;
  if (e?.source === 'call') {
    const returns = makeReturns(e, roles, t.returns);
    return returns ? { ...next, returns } : withoutKeys(next, ['returns']);
  }
  return e?.source === 'client' ? next : withoutKeys(next, ['ack', 'reply', 'returns']);
}

function withoutKeys(t: TransitionJsonV2, keys: readonly string[]): TransitionJsonV2 {
  const out: Record<string, unknown> = { ...t };
  for (const k of keys) delete out[k];
  return out as TransitionJsonV2;
}

/**
 * The outcome transitions a calling transition still lacks: for each of `E.ok`, `E.error` and
 * `E.timeout` that no transition of the role takes from the state the call waits in (the
 * calling transition's target, else its source states), one from there back to the calling
 * transition's first source state: a target that loads, shown to the user to change (the
 * form says where each went). Empty when the transition makes no call or has them all.
 */
export function missingOutcomeTransitions(design: DesignV2, role: number, index: number): TransitionJsonV2[] {
  const r = design.roles[role];
  const t = r?.transitions[index];
  if (!r || !t?.call) return [];
  const sources = typeof t.from === 'string' ? [t.from] : t.from;
  const waiting = t.to !== undefined ? [t.to] : sources;
  const back = sources[0];
  if (back === undefined) return [];
  const handled = (event: string) =>
    waiting.every((s) => r.transitions.some((x) => x.event === event && (typeof x.from === 'string' ? x.from === s : x.from.includes(s))));
  return OUTCOMES.map((outcome) => `${t.call!.event}.${outcome}`)
    .filter((event) => !handled(event))
    .map((event) => ({ from: waiting.length === 1 ? waiting[0]! : [...waiting], event, to: back }));
}
