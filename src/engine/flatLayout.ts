import type { Model } from '../model/model';
import type { CachedReply, ClientRequest, ClientStatus, Configuration, FirstOutcome, Mode, ReplyMessage } from './configuration';

/**
 * The explorer's working form of a configuration: one Int32 slot per field, every field always
 * in canonical form (busy fields zero unless busy, channel tails zero), so two vectors are equal
 * exactly when the configurations are. The fast stepper (`flatStep.ts`) works on these vectors
 * directly; fingerprints are taken over the whole vector.
 *
 * Each channel is its length, then either its messages in order (FIFO: `cap` slots, the unused
 * tail zero) or, with `reorder` (`counted`), one count per message code: toMachine's request r at
 * `tmLen + r`, toClient's code c at `tcLen + 1 + c`. A count is canonical by construction (no
 * sorting), and a delivery or a drop writes one count instead of shifting the messages after it.
 *
 * With `mirror` the persisted vars are not held at all (their slots stay 0): no transition acks
 * best-effort, so every step that changes a var persists and a crash restores the persisted
 * values; in every reachable configuration a durable var's persisted value is its current value
 * (any other var's, its initial value). Persisting or crashing then writes no var.
 */
export interface FlatLayout {
  readonly width: number;
  readonly nv: number;
  readonly requests: number;
  readonly vars: number;
  readonly pvars: number;
  /** Start of request r's (0-based) seven slots: `client(r) = clients + 7 * r`. */
  readonly clients: number;
  readonly tmLen: number;
  /** The most messages a channel can hold (the sum of its counts when `counted`). */
  readonly tmCap: number;
  readonly tcLen: number;
  readonly tcCap: number;
  /** Channels are multisets held as counts per message code (`reorder`), else sequences. */
  readonly counted: boolean;
  /** The persisted vars follow from the vars (no best-effort ack): their slots stay 0. */
  readonly mirror: boolean;
}

export const MODE = 0; // 0 up, 1 recovering, 2 busy
export const BUSY_R = 1; // 1-based request
export const BUSY_PHASE = 2; // 0 ack, 1 persist
export const BUSY_REPLY = 3; // 0 ok, 1 error
export const STATE = 4;
export const PSTATE = 5;
export const DROPS = 6;
export const DUPS = 7;
export const CRASHES = 8;
// Offsets inside a request's seven slots.
export const STATUS = 0; // 0 unsent, 1 pending, 2 ok, 3 error, 4 ambiguous
export const ATTEMPTS = 1;
export const EVENT = 2; // the event's place in `model.clientEvents`, -1 while unsent
export const PAYLOAD = 3; // index in payloadValues
export const FIRST = 4; // 0 none, 1 ok, 2 error, 3 noreply
export const DEDUPE = 5; // 0 none, 1 ok, 2 error, 3 noreply
export const PDEDUPE = 6;

export function flatLayout(model: Model): FlatLayout {
  const env = model.environment;
  const nv = model.vars.length;
  const n = env.requests;
  const maxAttempts = Math.max(1, ...model.clientEvents.map((e) => model.events[e]!.maxAttempts));
  const tmCap = n * maxAttempts + env.duplicate;
  // A reply is appended once per delivery (§5) or per duplicate (§4), and a delivery takes a
  // request off toMachine: a channel's sends, retries and duplicates bound both channels.
  const tcCap = tmCap;
  const vars = 9;
  const pvars = vars + nv;
  const clients = pvars + nv;
  const tmLen = clients + 7 * n;
  const counted = env.reorder;
  const mirror = !model.transitions.some((t) => t.ack === 'best-effort');
  // Slots after each length: the messages (a sequence), or a count per code (requests 1..n; replies 0..2n-1).
  const tcLen = tmLen + 1 + (counted ? n : tmCap);
  return { width: tcLen + 1 + (counted ? 2 * n : tcCap), nv, requests: n, vars, pvars, clients, tmLen, tmCap, tcLen, tcCap, counted, mirror };
}

/**
 * Whether every value fits an Int32 slot and its range a 30-bit field (`flatCodec.ts`); other
 * models take the explorer's readable path.
 */
export function fitsFlat(model: Model): boolean {
  return model.vars.every((v) => v.type.kind !== 'int' || (v.type.lo >= -0x80000000 && v.type.hi <= 0x7fffffff && v.type.hi - v.type.lo < 2 ** 30));
}

/**
 * The one definition of the codes a flat slot holds for a request's status and for an outcome
 * (the first outcome and both dedupe tables; 0 is "none" / no entry). `flatStep.ts` writes them
 * as these numbers.
 */
export const STATUS_CODE = { unsent: 0, pending: 1, ok: 2, error: 3, ambiguous: 4 } as const satisfies Record<ClientStatus, number>;
export const OUTCOME_CODE = { none: 0, ok: 1, error: 2, noreply: 3 } as const satisfies Record<FirstOutcome, number>;
const STATUSES: readonly ClientStatus[] = ['unsent', 'pending', 'ok', 'error', 'ambiguous'];
const OUTCOMES: readonly FirstOutcome[] = ['none', 'ok', 'error', 'noreply'];
const CACHED: readonly (CachedReply | null)[] = [null, 'ok', 'error', 'noreply'];
const REPLY_OF = (code: number): ReplyMessage => ({ request: (code >> 1) + 1, reply: (code & 1) === 0 ? 'ok' : 'error' });

export function toFlat(model: Model, L: FlatLayout, c: Configuration, out: Int32Array): void {
  out.fill(0);
  const m = c.mode;
  out[MODE] = m.kind === 'up' ? 0 : m.kind === 'recovering' ? 1 : 2;
  if (m.kind === 'busy') {
    out[BUSY_R] = m.request;
    out[BUSY_PHASE] = m.phase === 'ack' ? 0 : 1;
    out[BUSY_REPLY] = m.reply === 'ok' ? 0 : 1;
  }
  out[STATE] = c.state;
  out[PSTATE] = c.persisted.state;
  out[DROPS] = c.budgets.drops;
  out[DUPS] = c.budgets.duplicates;
  out[CRASHES] = c.budgets.crashes;
  for (let i = 0; i < L.nv; i++) {
    out[L.vars + i] = c.vars[i]!;
    if (!L.mirror) out[L.pvars + i] = c.persisted.vars[i]!;
  }
  for (let r = 0; r < L.requests; r++) {
    const b = L.clients + 7 * r;
    const cl = c.clients[r]!;
    out[b + STATUS] = STATUS_CODE[cl.status];
    out[b + ATTEMPTS] = cl.attempts;
    out[b + EVENT] = model.clientEvents.indexOf(cl.event);
    out[b + PAYLOAD] = cl.event < 0 ? 0 : model.events[cl.event]!.payloadValues.findIndex((p) => p.every((x, i) => x === cl.payload[i]));
    out[b + FIRST] = OUTCOME_CODE[c.firstOutcome[r]!];
    out[b + DEDUPE] = c.dedupe[r] === null ? 0 : OUTCOME_CODE[c.dedupe[r]!];
    out[b + PDEDUPE] = c.persisted.dedupe[r] === null ? 0 : OUTCOME_CODE[c.persisted.dedupe[r]!];
  }
  out[L.tmLen] = c.toMachine.length;
  out[L.tcLen] = c.toClient.length;
  const code = (m: ReplyMessage) => (m.request - 1) * 2 + (m.reply === 'ok' ? 0 : 1);
  if (L.counted) {
    for (const r of c.toMachine) out[L.tmLen + r]!++;
    for (const m of c.toClient) out[L.tcLen + 1 + code(m)]!++;
  } else {
    c.toMachine.forEach((r, i) => (out[L.tmLen + 1 + i] = r));
    c.toClient.forEach((m, i) => (out[L.tcLen + 1 + i] = code(m)));
  }
}

/** A channel's messages in order (a counted channel's codes ascending: the sorted multiset). */
function messages(L: FlatLayout, v: Int32Array, len: number, codes: number, first: number): number[] {
  if (!L.counted) return Array.from(v.subarray(len + 1, len + 1 + v[len]!));
  const out: number[] = [];
  for (let k = 0; k < codes; k++) for (let c = v[len + 1 + k]!; c > 0; c--) out.push(first + k);
  return out;
}

/** The inverse of `toFlat`: the readable configuration of a flat vector. */
export function fromFlat(model: Model, L: FlatLayout, v: Int32Array): Configuration {
  const reply = v[BUSY_REPLY] === 0 ? 'ok' : 'error';
  const mode: Mode =
    v[MODE] === 0 ? { kind: 'up' } : v[MODE] === 1 ? { kind: 'recovering' } : { kind: 'busy', request: v[BUSY_R]!, phase: v[BUSY_PHASE] === 0 ? 'ack' : 'persist', reply };
  const clients: ClientRequest[] = [];
  const firstOutcome: FirstOutcome[] = [], dedupe: (CachedReply | null)[] = [], pdedupe: (CachedReply | null)[] = [];
  for (let r = 0; r < L.requests; r++) {
    const b = L.clients + 7 * r;
    const event = v[b + EVENT]! < 0 ? -1 : model.clientEvents[v[b + EVENT]!]!;
    clients.push({ status: STATUSES[v[b + STATUS]!]!, event, payload: event < 0 ? [] : model.events[event]!.payloadValues[v[b + PAYLOAD]!]!, attempts: v[b + ATTEMPTS]! });
    firstOutcome.push(OUTCOMES[v[b + FIRST]!]!);
    dedupe.push(CACHED[v[b + DEDUPE]!]!);
    pdedupe.push(CACHED[v[b + PDEDUPE]!]!);
  }
  const vars = Array.from(v.subarray(L.vars, L.vars + L.nv));
  const pvars = L.mirror ? model.vars.map((x) => (x.storage === 'durable' ? vars[x.index]! : x.initial)) : Array.from(v.subarray(L.pvars, L.pvars + L.nv));
  return {
    mode,
    state: v[STATE]!,
    vars,
    persisted: { state: v[PSTATE]!, vars: pvars, dedupe: pdedupe },
    dedupe,
    toMachine: messages(L, v, L.tmLen, L.requests, 1),
    toClient: messages(L, v, L.tcLen, 2 * L.requests, 0).map(REPLY_OF),
    clients,
    firstOutcome,
    budgets: { drops: v[DROPS]!, duplicates: v[DUPS]!, crashes: v[CRASHES]! },
  };
}
