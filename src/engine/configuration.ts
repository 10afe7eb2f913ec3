import type { Model } from '../model/model';

/**
 * A configuration of MODEL.md §3 in readable form: plain, JSON-serialisable data that the
 * simulator shows and `applyStep` transforms. The explorer packs it into typed arrays
 * (`flatLayout.ts`, `flatCodec.ts`) and never keeps these objects around.
 *
 * Request ids are 1-based (`Charge#1`); arrays indexed by request hold request r at r - 1.
 */

/** A request id, 1..requests. */
export type RequestId = number;

export type Reply = 'ok' | 'error';
/** What a dedupe table remembers for a request. */
export type CachedReply = Reply | 'noreply';
export type ClientStatus = 'unsent' | 'pending' | 'ok' | 'error' | 'ambiguous';
export type FirstOutcome = 'none' | 'ok' | 'error' | 'noreply';

export type Mode =
  | { readonly kind: 'up' }
  | { readonly kind: 'busy'; readonly request: RequestId; readonly phase: 'ack' | 'persist'; readonly reply: Reply }
  | { readonly kind: 'recovering' };

export interface ReplyMessage {
  readonly request: RequestId;
  readonly reply: Reply;
}

export interface ClientRequest {
  readonly status: ClientStatus;
  /** Event index, -1 while unsent. */
  readonly event: number;
  /** Payload values (encoded), empty while unsent. */
  readonly payload: readonly number[];
  readonly attempts: number;
}

export interface Budgets {
  readonly drops: number;
  readonly duplicates: number;
  readonly crashes: number;
}

export interface Configuration {
  readonly mode: Mode;
  readonly state: number;
  /** Every var, ghost ones included, encoded as in model.ts. */
  readonly vars: readonly number[];
  readonly persisted: {
    readonly state: number;
    /** Every var's slot; only durable vars ever change here (the others stay at `initial`). */
    readonly vars: readonly number[];
    /** Durable dedupe table: index r - 1, null when r has no entry. */
    readonly dedupe: readonly (CachedReply | null)[];
  };
  /** Volatile dedupe table: index r - 1. */
  readonly dedupe: readonly (CachedReply | null)[];
  /** Request ids in flight to the machine: a FIFO sequence, or a sorted multiset with `reorder`. */
  readonly toMachine: readonly RequestId[];
  /** Replies in flight to the client: a FIFO sequence, or a sorted multiset with `reorder`. */
  readonly toClient: readonly ReplyMessage[];
  /** Index r - 1. */
  readonly clients: readonly ClientRequest[];
  /** Index r - 1; all `none` while the replay check is off (so it never splits configurations). */
  readonly firstOutcome: readonly FirstOutcome[];
  readonly budgets: Budgets;
}

export const UP: Mode = { kind: 'up' };
export const RECOVERING: Mode = { kind: 'recovering' };

const UNSENT: ClientRequest = { status: 'unsent', event: -1, payload: [], attempts: 0 };

/** The initial configuration of §3: up, initial state and values, empty tables and channels. */
export function initialConfiguration(model: Model): Configuration {
  const n = model.environment.requests;
  const vars = model.vars.map((v) => v.initial);
  return {
    mode: UP,
    state: model.initialState,
    vars,
    persisted: { state: model.initialState, vars: vars.slice(), dedupe: new Array(n).fill(null) },
    dedupe: new Array(n).fill(null),
    toMachine: [],
    toClient: [],
    clients: new Array(n).fill(UNSENT),
    firstOutcome: new Array(n).fill('none'),
    budgets: { drops: 0, duplicates: 0, crashes: 0 },
  };
}

/** `Charge#1` for a sent request, `#1` while unsent. */
export function requestLabel(model: Model, config: Configuration, request: RequestId): string {
  const event = config.clients[request - 1]?.event ?? -1;
  const name = event >= 0 ? model.events[event]?.name : undefined;
  return `${name ?? ''}#${request}`;
}

/** Orders reply messages inside a multiset channel (reorder: true), so equal multisets are equal arrays. */
export function compareReplies(a: ReplyMessage, b: ReplyMessage): number {
  return a.request - b.request || (a.reply === b.reply ? 0 : a.reply === 'ok' ? -1 : 1);
}

export function sameReply(a: ReplyMessage, b: ReplyMessage): boolean {
  return a.request === b.request && a.reply === b.reply;
}
