import type { EventModel } from '../../model/model';
import { tsDoc, tsKey, tsString } from './escape';
import { recordType, recordValue, tsType, varsOf, type TsContext } from './context';

/** The type section: names, events, records, snapshot, decisions, initial values. */

function union(names: readonly string[]): string {
  return names.length === 0 ? 'never' : names.map(tsString).join(' | ');
}

function eventType(e: EventModel): string {
  const doc = tsDoc(e.description);
  if (e.payload.length === 0) return `${doc}{ readonly type: ${tsString(e.name)} }`;
  const fields = e.payload.map((f) => `readonly ${tsKey(f.name)}: ${tsType(f.type)}`).join('; ');
  return `${doc}{ readonly type: ${tsString(e.name)}; readonly payload: { ${fields} } }`;
}

function eventUnion(events: readonly EventModel[]): string {
  return events.length === 0 ? 'never' : events.map((e) => `\n  | ${eventType(e)}`).join('');
}

export function typesSection(ctx: TsContext): string {
  const { model } = ctx;
  const client = model.events.filter((e) => e.source === 'client');
  const fired = model.events.filter((e) => e.source !== 'client');
  const durable = varsOf(model, 'durable');
  const volatile = varsOf(model, 'volatile');
  const ghost = varsOf(model, 'ghost');
  const initial = model.states[model.initialState]!;
  return `
export type StateName = ${union(model.states.map((s) => s.name))};
export const stateNames: readonly StateName[] = [${model.states.map((s) => tsString(s.name)).join(', ')}];

/** Requests clients send; each carries its payload, typed from the declared domains. */
export type ClientEvent = ${eventUnion(client)};
/** Timer and internal events: the machine fires them itself (\`Machine.fire\`). */
export type FiredEvent = ${eventUnion(fired)};
export type MachineEvent = ClientEvent | FiredEvent;
export type ClientEventName = ClientEvent["type"];
export type FiredEventName = FiredEvent["type"];
export type EventOf<T extends MachineEvent["type"]> = Extract<MachineEvent, { readonly type: T }>;

/** A transition's id, or \`#k\` for the k-th transition (0-based) when it has none. */
export type TransitionName = ${union(model.transitions.map((t) => t.name))};

/** Vars that survive a crash: restored from the persisted record. */
export type Durable = ${recordType(durable)};
/** Vars that a crash resets to their initial values. */
export type Volatile = ${recordType(volatile)};
/**
 * Specification-only truth (what the world observed). Not part of the runtime state: the store
 * never persists it and a crash never resets it. Transitions update it so that invariants (and
 * guards, if a design reads it) see it; production code may keep it in memory or drop it.
 */
export type Ghost = ${recordType(ghost)};
export type Vars = Durable & Volatile & Ghost;

/** The machine's runtime state. */
export interface Snapshot {
  readonly state: StateName;
  readonly durable: Durable;
  readonly volatile: Volatile;
}

/** Everything an invariant reads about the machine. */
export interface World extends Snapshot {
  readonly ghost: Ghost;
}

export type Ack = "durable" | "best-effort" | "none";
export type Reply = "ok" | "error";
/** A dedupe table's record of a request: its reply, or \`noreply\` when it was answered by silence. */
export type CachedReply = Reply | "noreply";

interface Applied {
  readonly kind: "apply";
  readonly transition: TransitionName;
  readonly target: StateName;
  /** The vars the transition assigns, with their new values. */
  readonly updates: Partial<Vars>;
  readonly next: Snapshot;
  readonly ghost: Ghost;
}

/**
 * What to do with an event: take a transition (with what its ack promises), reject it (reply
 * error), ignore it, or answer a duplicate from the dedupe record.
 */
export type Decision =
  | (Applied & ({ readonly ack: "durable" | "best-effort"; readonly reply: Reply } | { readonly ack: "none"; readonly reply: null }))
  | { readonly kind: "reject"; readonly reply: "error" }
  | { readonly kind: "ignore" }
  | { readonly kind: "duplicate"; readonly reply: CachedReply };

export interface DecideContext {
  /** The dedupe table's entry for this request, if any (the caller looks it up by the event's idempotency). */
  readonly cached?: CachedReply | undefined;
  readonly ghost?: Ghost | undefined;
}

/** Client observables (MODEL.md §2): counts of distinct requests per outcome, and crashes so far. */
export interface Observables {
  readonly sent: Readonly<Record<ClientEventName, number>>;
  readonly acked: Readonly<Record<ClientEventName, number>>;
  readonly failed: Readonly<Record<ClientEventName, number>>;
  readonly ambiguous: Readonly<Record<ClientEventName, number>>;
  readonly crashes: number;
}

export interface StepObservables {
  readonly before: Observables;
  readonly after: Observables;
}

export const initialDurable: Durable = ${recordValue(durable)};
export const initialVolatile: Volatile = ${recordValue(volatile)};
export const initialGhost: Ghost = ${recordValue(ghost)};
export const initialSnapshot: Snapshot = { state: ${tsString(initial.name)}, durable: initialDurable, volatile: initialVolatile };

export function worldOf(snapshot: Snapshot, ghost: Ghost): World {
  return { ...snapshot, ghost };
}
`;
}
