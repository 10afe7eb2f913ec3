import type { Model, ValueType } from '../model/model';
import type { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';

/**
 * Bit-packs a flat vector (`flatLayout.ts`) into a few Int32 words and back: each slot gets the
 * bits its range needs (a state index, a budget, a var's value minus its low bound, a channel
 * code), so a stored or queued configuration of kv-register takes 3 words instead of 45 slots.
 * Fingerprints are taken over the packed words, which also makes hashing cheaper.
 */
export interface FlatCodec {
  readonly words: number;
  /** Per slot of the layout: its low bound and how many values it can hold (0 for a slot never packed). */
  readonly slotLow: Int32Array;
  readonly slotValues: Int32Array;
  pack(v: Int32Array, out: Int32Array, o: number): void;
  /**
   * `pack` of a successor from its parent's record at `po` and the slots the step wrote
   * (`slots[0..n)`, repeats allowed): the parent's words with only those fields replaced.
   */
  repack(v: Int32Array, parent: Int32Array, po: number, slots: Int32Array, n: number, out: Int32Array, o: number): void;
  unpack(rec: Int32Array, o: number, v: Int32Array): void;
  /**
   * `unpack` into a vector that holds the record at `po` of `prev`: only the words that differ
   * are decoded. Records next to each other in a BFS level are siblings, so most words are equal.
   * Each decoded field is written through `j` (`FlatFingerprint.put`), so the fingerprint follows.
   */
  unpackChanged(rec: Int32Array, o: number, v: Int32Array, prev: Int32Array, po: number, j: FlatFingerprint): void;
}

export function createFlatCodec(model: Model, L: F.FlatLayout): FlatCodec {
  const env = model.environment;
  const slots: number[] = [];
  const lows: number[] = [];
  const widths: number[] = [];
  const slotLow = new Int32Array(L.width);
  const slotValues = new Int32Array(L.width);
  const field = (slot: number, lo: number, hi: number) => {
    slotLow[slot] = lo;
    slotValues[slot] = Math.min(hi - lo + 1, 0x7fffffff);
    slots.push(slot);
    lows.push(lo);
    widths.push(bits(hi - lo));
  };
  const n = L.requests;
  // Fields a design can never change are packed with no bits (their one value is restored on
  // unpack), decided from the model: the busy fields when no transition acks durable or
  // best-effort (the machine is never busy), the phase when none acks best-effort, the reply's
  // when those transitions all reply ok, the persisted state when only one state can be there.
  const acking = model.transitions.filter((t) => t.ack !== 'none');
  const busy = acking.length > 0;
  const replies = acking.map((t) => (t.reply === 'ok' ? 0 : 1));
  const persistedStates = [model.initialState, ...model.states.filter((s) => s.durable).map((s) => s.index)];
  field(F.MODE, 0, busy ? 2 : env.crashes > 0 ? 1 : 0);
  // A field that follows from another is not packed either: (slot, source, k, value when the source
  // holds k, value otherwise), set on unpack. With one request, the busy request is 1 exactly when busy.
  const derived: (readonly [number, number, number, number, number])[] = [];
  const derive = (slot: number, source: number, k: number, ifK: number, otherwise: number) => {
    derived.push([slot, source, k, ifK, otherwise]);
    slotLow[slot] = Math.min(ifK, otherwise);
    slotValues[slot] = Math.abs(ifK - otherwise) + 1;
  };
  if (busy && n === 1) derive(F.BUSY_R, F.MODE, 2, 1, 0);
  else field(F.BUSY_R, 0, busy ? n : 0);
  field(F.BUSY_PHASE, 0, acking.some((t) => t.ack === 'best-effort') ? 1 : 0);
  field(F.BUSY_REPLY, 0, Math.max(0, ...replies)); // 0 while not busy
  field(F.STATE, 0, model.states.length - 1);
  field(F.PSTATE, Math.min(...persistedStates), Math.max(...persistedStates));
  field(F.DROPS, 0, env.drop);
  field(F.DUPS, 0, env.duplicate);
  field(F.CRASHES, 0, env.crashes);
  // No transition acks best-effort: the persisted durable vars always equal the vars
  // (`persistedMirror` in `flatStep.ts`), so they are not packed but copied from the vars on unpack.
  const mirrored = !model.transitions.some((t) => t.ack === 'best-effort');
  const mirrors: (readonly [number, number])[] = [];
  for (const v of model.vars) {
    const [lo, hi] = range(v.type);
    field(L.vars + v.index, lo, hi);
    if (v.storage === 'durable' && mirrored) {
      mirrors.push([L.vars + v.index, L.pvars + v.index]);
      slotLow[L.pvars + v.index] = lo; // its range still tables its fingerprint words
      slotValues[L.pvars + v.index] = slotValues[L.vars + v.index]!;
    }
    else if (v.storage === 'durable') field(L.pvars + v.index, lo, hi);
    // Non-durable persisted slots never change (they stay at `initial`): not packed, restored below.
  }
  const replay = env.replay;
  const volatileDedupe = model.events.some((e) => e.idempotency === 'volatile');
  const durableDedupe = model.events.some((e) => e.idempotency === 'durable');
  const maxAttempts = Math.max(1, ...model.events.map((e) => e.maxAttempts));
  const maxPayloads = Math.max(1, ...model.events.map((e) => e.payloadValues.length));
  for (let r = 0; r < n; r++) {
    const b = L.clients + 7 * r;
    field(b + F.STATUS, 0, 4);
    // A request once sent keeps its event and at least one attempt: with one client event, its
    // event follows from whether it was sent, and so do its attempts when that event has one.
    const ce = model.clientEvents;
    if (ce.length === 1 && model.events[ce[0]!]!.maxAttempts === 1) derive(b + F.ATTEMPTS, b + F.STATUS, STATUS_UNSENT, 0, 1);
    else field(b + F.ATTEMPTS, 0, maxAttempts);
    if (ce.length === 1) derive(b + F.EVENT, b + F.STATUS, STATUS_UNSENT, -1, ce[0]!);
    else field(b + F.EVENT, -1, model.events.length - 1);
    field(b + F.PAYLOAD, 0, maxPayloads - 1);
    // The first outcome is only kept for replay checks, each dedupe table only for its idempotency.
    field(b + F.FIRST, 0, replay ? 3 : 0);
    field(b + F.DEDUPE, 0, volatileDedupe ? 3 : 0);
    field(b + F.PDEDUPE, 0, durableDedupe ? 3 : 0);
  }
  field(L.tmLen, 0, L.tmCap);
  for (let i = 0; i < L.tmCap; i++) field(L.tmLen + 1 + i, 0, n);
  field(L.tcLen, 0, L.tcCap);
  for (let i = 0; i < L.tcCap; i++) field(L.tcLen + 1 + i, 0, Math.max(0, 2 * n - 1));

  // Lay fields into words without straddling a word boundary.
  const word: number[] = [];
  const shift: number[] = [];
  let w = 0;
  let used = 0;
  for (let i = 0; i < slots.length; i++) {
    if (used + widths[i]! > 32) {
      w++;
      used = 0;
    }
    word.push(w);
    shift.push(used);
    used += widths[i]!;
  }
  const words = w + 1;
  // Zero-width fields always hold their low bound: restored on unpack, skipped on pack.
  const live = slots.map((_, i) => i).filter((i) => widths[i]! > 0);
  const constant = slots.map((_, i) => i).filter((i) => widths[i] === 0).map((i) => [slots[i]!, lows[i]!] as const);
  const MASK = Int32Array.from(live.map((i) => (widths[i]! >= 31 ? 0x7fffffff : (1 << widths[i]!) - 1)));
  // The same per field as one interleaved table (slot, low bound, shift, word) for `pack`.
  const D = Int32Array.from(live.flatMap((i) => [slots[i]!, lows[i]!, shift[i]!, word[i]!]));
  const fixed = [
    ...constant,
    ...model.vars.filter((v) => v.storage !== 'durable').map((v) => [L.pvars + v.index, v.initial] as const),
  ];
  const FIXED_SLOT = Int32Array.from(fixed.map(([slot]) => slot));
  const FIXED_VALUE = Int32Array.from(fixed.map(([, value]) => value));
  // A channel's slots past its length are zero, so `pack` visits only the used ones: live fields
  // [0, tmSlots + used toMachine) and [tcFrom, tcSlots + used toClient). Fields are in slot order.
  const upTo = (slot: number) => live.filter((i) => slots[i]! < slot).length;
  const tmSlots = upTo(L.tmLen + 1);
  const tcFrom = upTo(L.tcLen);
  const tcSlots = upTo(L.tcLen + 1);
  const tmLive = L.tmCap > 0 && upTo(L.tmLen + 2) > tmSlots;
  const tcLive = L.tcCap > 0 && upTo(L.tcLen + 2) > tcSlots;
  // Per bit of each word: the live field holding it (bits no field holds stay zero in every record).
  const BIT_FIELD = new Int32Array(32 * words);
  live.forEach((i, f) => {
    for (let bit = shift[i]!; bit < shift[i]! + widths[i]!; bit++) BIT_FIELD[32 * word[i]! + bit] = f;
  });
  // Per slot: its live field, -1 for a slot never packed (it never changes).
  const FIELD_OF = new Int32Array(L.width).fill(-1);
  live.forEach((i, f) => (FIELD_OF[slots[i]!] = f));
  // Per live field: the persisted slot that mirrors it (-1: none).
  const MIRROR = new Int32Array(live.length).fill(-1);
  for (const [slot, copy] of mirrors) if (FIELD_OF[slot]! >= 0) MIRROR[FIELD_OF[slot]!] = copy;
  const DERIVED = Int32Array.from(derived.flat());
  /** Sets each derived slot from its source (through `fp` when given, so the fingerprint follows). */
  const setDerived = (v: Int32Array, fp: FlatFingerprint | null): void => {
    for (let i = 0; i < DERIVED.length; i += 5) {
      const x = v[DERIVED[i + 1]!] === DERIVED[i + 2]! ? DERIVED[i + 3]! : DERIVED[i + 4]!;
      if (fp === null) v[DERIVED[i]!] = x;
      else if (v[DERIVED[i]!] !== x) fp.put(v, DERIVED[i]!, x);
    }
  };
  const MIRROR_FROM = Int32Array.from(mirrors.map(([slot]) => slot));
  const MIRROR_TO = Int32Array.from(mirrors.map(([, copy]) => copy));

  /** Decodes live fields [from, to) of the record at `o` into their slots of `v`. */
  const decode = (rec: Int32Array, o: number, v: Int32Array, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const j = 4 * i;
      v[D[j]!] = ((rec[o + D[j + 3]!]! >>> D[j + 2]!) & MASK[i]!) + D[j + 1]!;
    }
  };

  return {
    words,
    slotLow,
    slotValues,
    pack(v, out, o) {
      for (let k = 0; k < words; k++) out[o + k] = 0;
      const end1 = tmSlots + (tmLive ? v[L.tmLen]! : 0);
      const end2 = tcSlots + (tcLive ? v[L.tcLen]! : 0);
      let cur = 0;
      let acc = 0;
      for (let i = 0; i < end2; i++) {
        if (i === end1) i = tcFrom;
        const j = 4 * i;
        const wi = D[j + 3]!;
        if (wi !== cur) {
          out[o + cur] |= acc;
          cur = wi;
          acc = 0;
        }
        acc |= (v[D[j]!]! - D[j + 1]!) << D[j + 2]!;
      }
      out[o + cur] |= acc;
    },
    repack(v, parent, po, written, n, out, o) {
      for (let k = 0; k < words; k++) out[o + k] = parent[po + k]!;
      for (let k = 0; k < n; k++) {
        const slot = written[k]!, f = FIELD_OF[slot]!;
        if (f < 0) continue;
        const j = 4 * f, at = o + D[j + 3]!, sh = D[j + 2]!;
        out[at] = (out[at]! & ~(MASK[f]! << sh)) | ((v[slot]! - D[j + 1]!) << sh);
      }
    },
    unpackChanged(rec, o, v, prev, po, fp) {
      for (let w = 0; w < words; w++) {
        const x = rec[o + w]!;
        // Only the fields with a changed bit: the highest changed bit names its field.
        let changed = x ^ prev[po + w]!;
        while (changed !== 0) {
          const f = BIT_FIELD[32 * w + 31 - Math.clz32(changed)]!;
          const j = 4 * f, sh = D[j + 2]!, mask = MASK[f]!;
          const value = ((x >>> sh) & mask) + D[j + 1]!;
          fp.put(v, D[j]!, value);
          if (MIRROR[f]! >= 0) fp.put(v, MIRROR[f]!, value);
          changed &= ~(mask << sh);
        }
      }
      if (DERIVED.length > 0) setDerived(v, fp);
    },
    unpack(rec, o, v) {
      // Like `pack`, only the used part of each channel is decoded; the rest is zeroed.
      decode(rec, o, v, 0, tmSlots);
      const tmN = tmLive ? v[L.tmLen]! : 0;
      decode(rec, o, v, tmSlots, tmSlots + tmN);
      if (tmLive) for (let i = L.tmLen + 1 + tmN, e = L.tmLen + 1 + L.tmCap; i < e; i++) v[i] = 0;
      decode(rec, o, v, tcFrom, tcSlots);
      const tcN = tcLive ? v[L.tcLen]! : 0;
      decode(rec, o, v, tcSlots, tcSlots + tcN);
      if (tcLive) for (let i = L.tcLen + 1 + tcN, e = L.tcLen + 1 + L.tcCap; i < e; i++) v[i] = 0;
      for (let i = 0; i < FIXED_SLOT.length; i++) v[FIXED_SLOT[i]!] = FIXED_VALUE[i]!;
      for (let i = 0; i < MIRROR_FROM.length; i++) v[MIRROR_TO[i]!] = v[MIRROR_FROM[i]!]!;
      setDerived(v, null);
    },
  };
}

const STATUS_UNSENT = F.STATUS_CODE.unsent;

function bits(x: number): number {
  return x <= 0 ? 0 : 32 - Math.clz32(x);
}

function range(type: ValueType): [number, number] {
  switch (type.kind) {
    case 'int':
      return [type.lo, type.hi];
    case 'bool':
      return [0, 1];
    case 'enum':
      return [0, type.values.length - 1];
  }
}
