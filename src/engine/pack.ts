import type { Model, ValueType } from '../model/model';
import type {
  CachedReply,
  ClientRequest,
  ClientStatus,
  Configuration,
  FirstOutcome,
  Mode,
  Reply,
  ReplyMessage,
} from './configuration';

/**
 * Packs a configuration into a fixed-width Int32 record and back, so the explorer keeps levels
 * as flat typed arrays and fingerprints records instead of strings. The layout depends on the
 * model only; every field is a small offset (a var's value minus its low bound, a request's
 * payload as its index in `payloadValues`). Channels are sequences of 3- or 4-bit codes, or
 * per-message counts when `reorder` makes them multisets.
 *
 * Slots: mode, state, persisted state, budgets, vars, durable vars, 2 per request, then channels.
 */
export interface Codec {
  readonly width: number;
  pack(config: Configuration, out: Int32Array, offset: number): void;
  unpack(record: Int32Array, offset: number): Configuration;
}

const STATUS: readonly ClientStatus[] = ['unsent', 'pending', 'ok', 'error', 'ambiguous'];
const FIRST: readonly FirstOutcome[] = ['none', 'ok', 'error', 'noreply'];
const CACHED: readonly (CachedReply | null)[] = [null, 'ok', 'error', 'noreply'];
const REPLIES: readonly Reply[] = ['ok', 'error'];

export function createCodec(model: Model): Codec {
  const env = model.environment;
  const n = env.requests;
  const nv = model.vars.length;
  const lows = model.vars.map((v) => low(v.type));
  if (model.vars.some((v) => v.type.kind === 'int' && v.type.hi - v.type.lo > 0x7fffffff)) {
    return wideCodec(model);
  }
  const durable = model.vars.filter((v) => v.storage === 'durable').map((v) => v.index);
  const maxAttempts = Math.max(1, ...model.clientEvents.map((e) => model.events[e]!.maxAttempts));
  // Every copy in a channel was sent once: requests × attempts, plus duplicates (replies: one per delivery, plus acks).
  const machineCap = n * maxAttempts + env.duplicate;
  const clientCap = machineCap + n + env.duplicate;
  const machinePer = 10; // 3-bit codes (request 1..4)
  const clientPer = 7; // 4-bit codes ((r - 1) * 2 + reply + 1)
  const machineSlots = env.reorder ? 1 : 1 + Math.ceil(machineCap / machinePer);
  const clientSlots = env.reorder ? 2 : 1 + Math.ceil(clientCap / clientPer);

  const varBase = 4;
  const durableBase = varBase + nv;
  const clientBase = durableBase + durable.length;
  const machineBase = clientBase + 2 * n;
  const replyBase = machineBase + machineSlots;
  const width = replyBase + clientSlots;
  // Payload index: mixed radix over the fields, last varying fastest (the order of payloadValues).
  const radices = model.events.map((e) => e.payload.map((f) => size(f.type)));
  const fieldLows = model.events.map((e) => e.payload.map((f) => low(f.type)));

  function pack(c: Configuration, out: Int32Array, o: number): void {
    const m = c.mode;
    out[o] = m.kind === 'up' ? 0 : m.kind === 'recovering' ? 1 : 2 + (((m.request - 1) * 2 + (m.phase === 'ack' ? 0 : 1)) * 2 + (m.reply === 'ok' ? 0 : 1));
    out[o + 1] = c.state;
    out[o + 2] = c.persisted.state;
    out[o + 3] = c.budgets.drops | (c.budgets.duplicates << 4) | (c.budgets.crashes << 8);
    for (let i = 0; i < nv; i++) out[o + varBase + i] = c.vars[i]! - lows[i]!;
    for (let i = 0; i < durable.length; i++) out[o + durableBase + i] = c.persisted.vars[durable[i]!]! - lows[durable[i]!]!;
    for (let r = 0; r < n; r++) {
      const cl = c.clients[r]!;
      out[o + clientBase + 2 * r] =
        STATUS_CODE[cl.status] |
        (cl.attempts << 3) |
        ((cl.event + 1) << 6) |
        (FIRST_CODE[c.firstOutcome[r]!] << 15) |
        (cachedCode(c.dedupe[r]!) << 17) |
        (cachedCode(c.persisted.dedupe[r]!) << 20);
      out[o + clientBase + 2 * r + 1] = cl.event < 0 ? 0 : payloadIndex(cl.event, cl.payload);
    }
    if (env.reorder) {
      let counts = 0;
      for (const r of c.toMachine) counts += 1 << (4 * (r - 1));
      out[o + machineBase] = counts;
      let lo = 0;
      let hi = 0;
      for (const msg of c.toClient) {
        const code = replyCode(msg);
        if (code < 8) lo += 1 << (4 * code);
        else hi += 1 << (4 * (code - 8));
      }
      out[o + replyBase] = lo;
      out[o + replyBase + 1] = hi;
      return;
    }
    writeSequence(c.toMachine, requestCode, 3, machinePer, machineCap, out, o + machineBase, machineSlots);
    writeSequence(c.toClient, replyCode, 4, clientPer, clientCap, out, o + replyBase, clientSlots);
  }

  function unpack(rec: Int32Array, o: number): Configuration {
    const code = rec[o]!;
    let mode: Mode;
    if (code === 0) mode = UP;
    else if (code === 1) mode = RECOVERING;
    else {
      const k = code - 2;
      mode = { kind: 'busy', request: (k >> 2) + 1, phase: (k >> 1) & 1 ? 'persist' : 'ack', reply: REPLIES[k & 1]! };
    }
    const vars = new Array<number>(nv);
    for (let i = 0; i < nv; i++) vars[i] = rec[o + varBase + i]! + lows[i]!;
    const pvars = model.vars.map((v) => v.initial);
    for (let i = 0; i < durable.length; i++) pvars[durable[i]!] = rec[o + durableBase + i]! + lows[durable[i]!]!;
    const clients = new Array<ClientRequest>(n);
    const firstOutcome = new Array<FirstOutcome>(n);
    const dedupe = new Array<CachedReply | null>(n);
    const pdedupe = new Array<CachedReply | null>(n);
    for (let r = 0; r < n; r++) {
      const a = rec[o + clientBase + 2 * r]!;
      const event = ((a >> 6) & 0x1ff) - 1;
      const status = STATUS[a & 7]!;
      clients[r] = event < 0 ? UNSENT : { status, event, payload: model.events[event]!.payloadValues[rec[o + clientBase + 2 * r + 1]!]!, attempts: (a >> 3) & 7 };
      firstOutcome[r] = FIRST[(a >> 15) & 3]!;
      dedupe[r] = CACHED[(a >> 17) & 7]!;
      pdedupe[r] = CACHED[(a >> 20) & 7]!;
    }
    let toMachine: number[];
    let toClient: ReplyMessage[];
    if (env.reorder) {
      toMachine = [];
      const counts = rec[o + machineBase]!;
      for (let r = 1; r <= n; r++) for (let k = (counts >>> (4 * (r - 1))) & 15; k > 0; k--) toMachine.push(r);
      toClient = [];
      for (let code = 0; code < 2 * n; code++) {
        const word = code < 8 ? rec[o + replyBase]! : rec[o + replyBase + 1]!;
        for (let k = (word >>> (4 * (code & 7))) & 15; k > 0; k--) toClient.push(replyOf(code));
      }
    } else {
      toMachine = readSequence(rec, o + machineBase, 3, machinePer);
      toClient = readSequence(rec, o + replyBase, 4, clientPer).map(replyOf);
    }
    return {
      mode,
      state: rec[o + 1]!,
      vars,
      persisted: { state: rec[o + 2]!, vars: pvars, dedupe: pdedupe },
      dedupe,
      toMachine,
      toClient,
      clients,
      firstOutcome,
      budgets: { drops: rec[o + 3]! & 15, duplicates: (rec[o + 3]! >> 4) & 15, crashes: (rec[o + 3]! >> 8) & 15 },
    };
  }

  function payloadIndex(event: number, payload: readonly number[]): number {
    const rs = radices[event]!;
    const ls = fieldLows[event]!;
    let index = 0;
    for (let i = 0; i < rs.length; i++) index = index * rs[i]! + (payload[i]! - ls[i]!);
    return index;
  }

  return { width, pack, unpack };
}

const UP: Mode = { kind: 'up' };
const RECOVERING: Mode = { kind: 'recovering' };
const UNSENT: ClientRequest = { status: 'unsent', event: -1, payload: [], attempts: 0 };

function replyCode(m: ReplyMessage): number {
  return (m.request - 1) * 2 + (m.reply === 'ok' ? 0 : 1);
}

const replyMessages: ReplyMessage[] = Array.from({ length: 16 }, (_, code) => ({ request: (code >> 1) + 1, reply: REPLIES[code & 1]! }));
function replyOf(code: number): ReplyMessage {
  return replyMessages[code]!;
}

/** Slot 0 holds the length; codes (stored + 1, so 0 means empty) fill the next slots `per` at a time. */
function writeSequence<T>(items: readonly T[], code: (item: T) => number, bits: number, per: number, cap: number, out: Int32Array, o: number, slots: number): void {
  // A bound broken here is a bug in the bound (it follows from requests, attempts and duplicates).
  if (items.length > cap) throw new Error(`channel holds ${items.length} messages, beyond its bound ${cap}`);
  out[o] = items.length;
  for (let s = 1; s < slots; s++) out[o + s] = 0;
  for (let i = 0; i < items.length; i++) out[o + 1 + Math.floor(i / per)]! |= code(items[i]!) << (bits * (i % per));
}

function requestCode(r: number): number {
  return r;
}

const STATUS_CODE: Record<ClientStatus, number> = { unsent: 0, pending: 1, ok: 2, error: 3, ambiguous: 4 };
const FIRST_CODE: Record<FirstOutcome, number> = { none: 0, ok: 1, error: 2, noreply: 3 };
function cachedCode(c: CachedReply | null): number {
  return c === null ? 0 : c === 'ok' ? 1 : c === 'error' ? 2 : 3;
}

function readSequence(rec: Int32Array, o: number, bits: number, per: number): number[] {
  const length = rec[o]!;
  const mask = (1 << bits) - 1;
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = (rec[o + 1 + Math.floor(i / per)]! >>> (bits * (i % per))) & mask;
  return codes;
}

function low(type: ValueType): number {
  return type.kind === 'int' ? type.lo : 0;
}

function size(type: ValueType): number {
  return type.kind === 'int' ? type.hi - type.lo + 1 : type.kind === 'bool' ? 2 : type.values.length;
}

/**
 * A var whose range is wider than 2^31 does not fit a slot as an offset: such models keep the
 * narrow layout with every var zeroed and append each value (live, then persisted) as two
 * slots holding exact 26-bit-and-above halves.
 */
function wideCodec(model: Model): Codec {
  const narrow: Model = { ...model, vars: model.vars.map((v) => ({ ...v, type: { kind: 'int', lo: 0, hi: 0 } })) };
  const inner = createCodec(narrow);
  const nv = model.vars.length;
  const zeros = model.vars.map(() => 0);
  const split = (x: number, out: Int32Array, o: number) => {
    const high = Math.floor(x / 2 ** 26);
    out[o] = high;
    out[o + 1] = x - high * 2 ** 26;
  };
  const join = (rec: Int32Array, o: number) => rec[o]! * 2 ** 26 + rec[o + 1]!;
  return {
    width: inner.width + 4 * nv,
    pack(c, out, o) {
      inner.pack({ ...c, vars: zeros, persisted: { ...c.persisted, vars: zeros } }, out, o);
      for (let i = 0; i < nv; i++) {
        split(c.vars[i]!, out, o + inner.width + 2 * i);
        split(c.persisted.vars[i]!, out, o + inner.width + 2 * nv + 2 * i);
      }
    },
    unpack(rec, o) {
      const c = inner.unpack(rec, o);
      const vars = Array.from({ length: nv }, (_, i) => join(rec, o + inner.width + 2 * i));
      const pvars = Array.from({ length: nv }, (_, i) => join(rec, o + inner.width + 2 * nv + 2 * i));
      return { ...c, vars, persisted: { ...c.persisted, vars: pvars } };
    },
  };
}
