import type { DesignV2 } from './schema';

/**
 * The names a call event E is written out under (docs/format-v2.md §14, the names table): the
 * ONE statement of them. `calls.ts` builds the expanded design with `callNames(E)`; readers
 * (step labels, coverage, violations) ask `callNameIndex(design)` what a generated name means,
 * so what the user reads is the call they wrote, not the machinery.
 */
export function callNames(E: string) {
  return {
    /** Messages: the request (payload and `call`, the request id) and the reply (`outcome`, the `returns` fields, `call`). */
    request: E,
    reply: `${E}_reply`,
    /** Caller vars: the pending call (volatile), the last request id (durable), how its last call ended (ghost). */
    pending: `${E}_pending`,
    call: `${E}_call`,
    attempts: `${E}_attempts`,
    to: `${E}_to`,
    outcome: `${E}_outcome`,
    arg: (field: string) => `${E}_arg_${field}`,
    /** Caller timer: a retry, or the timeout outcome after the last attempt. */
    timeout: `${E}_timeout`,
    /** Callee maps per caller: the dedupe table (storage = idempotency). */
    seen: `${E}_seen`,
    answer: `${E}_answer`,
    answerField: (field: string) => `${E}_answer_${field}`,
    /** Callee maps per caller: the volatile outbox of `"ack": "durable"` (the reply due, sent by the later ack step). */
    due: `${E}_due`,
    dueCall: `${E}_due_call`,
    dueField: (field: string) => `${E}_due_${field}`,
    /** Callee ghost maps per caller: how the last request id was first processed (the replay check). */
    first: `${E}_first`,
    firstCall: `${E}_first_call`,
    /** Callee internal event (payload `to`, the caller) and its transition: the ack step sending the reply due. */
    ack: `${E}_ack`,
    /** Generated transitions. */
    retry: `${E}_retry`,
    gaveUp: `${E}_gave_up`,
    answered: `${E}_answered`,
    dedupeHit: `${E}_dedupe_hit`,
    dedupeNoReply: `${E}_dedupe_no_reply`,
    rejected: `${E}_rejected`,
    acked: `${E}_acked`,
    /** The replay check's transition invariant on the callee's transition `transition` (version 1's `replay` violation). */
    replay: (transition: string) => `replay of ${E} at ${transition}`,
  };
}

export type CallNames = ReturnType<typeof callNames>;

/**
 * The names of a callee role's unflushed record (`"ack": "best-effort"`, docs/format-v2.md §7 and
 * §14): one per role, whatever call events it serves best-effort. `unflushed` is the flag, the
 * others are the record on disk while it is up (the shadow of the persisted state and of each
 * durable var `x`); the `flush` event's transition persists and lowers the flag.
 */
export function recordNames(role: string) {
  return {
    unflushed: 'unflushed',
    state: 'unflushed_state',
    shadow: (variable: string) => `unflushed_${variable}`,
    flush: 'flush',
    flushed: `${role}_flushed`,
  };
}

/** Whether a role serves some call event best-effort (it then keeps an unflushed record). */
export function servesBestEffort(design: DesignV2, role: string): boolean {
  const r = design.roles.find((x) => x.name === role);
  if (!r) return false;
  const calls = new Set((r.events ?? []).filter((e) => e.source === 'call').map((e) => e.name));
  return r.transitions.some((t) => t.event !== undefined && calls.has(t.event) && t.ack === 'best-effort');
}

/** The generated transition of a call event's machinery part (the flush is the callee role's own). */
export function machineryName(event: string, callee: string, part: MachineryPart): string {
  return part === 'flushed' ? recordNames(callee).flushed : callNames(event)[part];
}

/** The engine's own transitions of a call, in the order coverage lists them, with what each does. */
export const MACHINERY = [
  { part: 'retry', label: 'retry', side: 'caller', did: 'a timed-out call was retried', never: 'no call was ever retried' },
  { part: 'gaveUp', label: 'gave up', side: 'caller', did: 'a call timed out for good where no E.timeout transition of yours took it', never: 'every timeout was taken by a transition of yours (or none happened)' },
  { part: 'answered', label: 'answered', side: 'caller', did: 'a reply ended a call where no E.ok / E.error transition of yours took it', never: 'every reply was taken by a transition of yours' },
  { part: 'flushed', label: 'flush', side: 'callee', did: 'an effect answered before it was durable ("ack": "best-effort") was persisted (the flush step)', never: 'no best-effort effect was ever persisted by a flush' },
  { part: 'acked', label: 'ack', side: 'callee', did: 'a reply due was sent after its effect was persisted (the ack step)', never: 'no reply was ever due' },
  { part: 'dedupeHit', label: 'dedupe hit', side: 'callee', did: 'a request seen before was answered from the table', never: 'no request was answered from the table' },
  { part: 'dedupeNoReply', label: 'dedupe, no reply', side: 'callee', did: 'a request seen before was left unanswered again ("ack": "none")', never: 'no request processed without reply came again' },
  { part: 'rejected', label: 'rejected', side: 'callee', did: 'a request no transition took was answered error', never: 'every request found a transition' },
] as const;

export type MachineryPart = (typeof MACHINERY)[number]['part'];

/** What a generated name stands for. */
export type CallName =
  | { readonly what: 'request' | 'reply'; readonly event: string }
  | { readonly what: 'timeout' | 'ack'; readonly event: string }
  | { readonly what: 'machinery'; readonly event: string; readonly part: MachineryPart }
  | { readonly what: 'replay'; readonly event: string; readonly transition: string };

/** Every call event of a design: its name, callee and caller roles. */
export function callEventsOf(design: DesignV2): { event: string; callee: string; caller: string | null }[] {
  const out: { event: string; callee: string; caller: string | null }[] = [];
  for (const r of design.roles) {
    for (const e of r.events ?? []) {
      if (e.source !== 'call') continue;
      const caller = design.roles.find((x) => x.transitions.some((t) => t.call?.event === e.name));
      out.push({ event: e.name, callee: r.name, caller: caller?.name ?? null });
    }
  }
  return out;
}

/**
 * What each generated message, event, transition and invariant name of a design means (empty
 * for a design without calls). `transitionName(role, k)` names the callee's transitions as the
 * model does (`id`, else `Role#k`), for the replay invariants.
 */
export function callNameIndex(design: DesignV2): ReadonlyMap<string, CallName> {
  const index = new Map<string, CallName>();
  for (const { event: E, callee } of callEventsOf(design)) {
    const n = callNames(E);
    index.set(n.request, { what: 'request', event: E });
    index.set(n.reply, { what: 'reply', event: E });
    index.set(n.timeout, { what: 'timeout', event: E });
    index.set(n.ack, { what: 'ack', event: E });
    for (const m of MACHINERY) if (m.part !== 'flushed' || servesBestEffort(design, callee)) index.set(machineryName(E, callee, m.part), { what: 'machinery', event: E, part: m.part });
    const role = design.roles.find((r) => r.name === callee)!;
    role.transitions.forEach((t, k) => {
      if (t.event !== E) return;
      const name = t.id ?? `${role.name}#${k}`;
      index.set(n.replay(name), { what: 'replay', event: E, transition: name });
    });
    index.set(n.replay(n.rejected), { what: 'replay', event: E, transition: n.rejected });
  }
  return index;
}
