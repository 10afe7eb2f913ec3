import type { Model, ValueType } from '../model/model';
import * as F from './flatLayout';

/**
 * Bit-packs a flat vector (`flatLayout.ts`) into a few Int32 words and back: each slot gets the
 * bits its range needs (a state index, a budget, a var's value minus its low bound, a channel
 * code), so a stored or queued configuration of kv-register takes 3 words instead of 45 slots.
 * Fingerprints are taken over the packed words, which also makes hashing cheaper.
 */
export interface FlatCodec {
  readonly words: number;
  /**
   * Per slot of the layout, four Int32: the word of its field (-1 for a slot never packed: it
   * never changes), the field's mask shifted in place, its low bound, its shift. A write of x to
   * the slot is `word = (word & ~mask) | ((x - low) << shift)` (`FlatFingerprint.set`).
   */
  readonly slotFields: Int32Array;
  pack(v: Int32Array, out: Int32Array, o: number): void;
  unpack(rec: Int32Array, o: number, v: Int32Array): void;
  /**
   * `unpack` into a vector that holds the record at `po` of `prev`: only the words that differ
   * are decoded. Records next to each other in a BFS level are siblings, so most words are equal.
   */
  unpackChanged(rec: Int32Array, o: number, v: Int32Array, prev: Int32Array, po: number): void;
}

export function createFlatCodec(model: Model, L: F.FlatLayout): FlatCodec {
  const env = model.environment;
  const slots: number[] = [];
  const lows: number[] = [];
  const widths: number[] = [];
  const field = (slot: number, lo: number, hi: number) => {
    slots.push(slot);
    lows.push(lo);
    widths.push(bits(hi - lo));
  };
  const n = L.requests;
  // Each range is the widest this design can reach (MODEL.md §5), not the widest the slot can
  // hold: a field no step of this design writes takes no bits (`agreement.test.ts` round-trips
  // every reachable vector through the codec, so a range too narrow fails there).
  const clientEvents = model.clientEvents.map((e) => model.events[e]!);
  const maxAttempts = Math.max(1, ...clientEvents.map((e) => e.maxAttempts));
  const maxPayloads = Math.max(1, ...clientEvents.map((e) => e.payloadValues.length));
  const idempotent = (kind: string) => (clientEvents.some((e) => e.idempotency === kind) ? 3 : 0);
  // The persisted state is the initial one or a durable one.
  const persistable = model.states.filter((s) => s.durable || s.index === model.initialState).map((s) => s.index);
  // A channel holds at most a request's sends and every duplicate, and so many replies to it (one per delivery).
  const copies = maxAttempts + env.duplicate;
  field(F.MODE, 0, 2);
  field(F.BUSY_R, 0, n);
  field(F.BUSY_PHASE, 0, L.mirror ? 0 : 1); // the persist phase follows a best-effort ack only
  field(F.BUSY_REPLY, 0, model.transitions.some((t) => t.reply === 'error') ? 1 : 0);
  field(F.STATE, 0, model.states.length - 1);
  field(F.PSTATE, 0, Math.max(...persistable));
  field(F.DROPS, 0, env.drop);
  field(F.DUPS, 0, env.duplicate);
  field(F.CRASHES, 0, env.crashes);
  for (const v of model.vars) {
    const [lo, hi] = range(v.type);
    field(L.vars + v.index, lo, hi);
    if (v.storage === 'durable' && !L.mirror) field(L.pvars + v.index, lo, hi);
    // Non-durable persisted slots never change (they stay at `initial`; every one at 0 with `mirror`): not packed, restored below.
  }
  for (let r = 0; r < n; r++) {
    const b = L.clients + 7 * r;
    field(b + F.STATUS, 0, 4);
    field(b + F.ATTEMPTS, 0, maxAttempts);
    field(b + F.EVENT, -1, model.clientEvents.length - 1);
    field(b + F.PAYLOAD, 0, maxPayloads - 1);
    field(b + F.FIRST, 0, model.environment.replay ? 3 : 0); // written only to check replays
    field(b + F.DEDUPE, 0, idempotent('volatile'));
    field(b + F.PDEDUPE, 0, idempotent('durable'));
  }
  field(L.tmLen, 0, L.tmCap);
  if (L.counted) for (let r = 1; r <= n; r++) field(L.tmLen + r, 0, Math.min(L.tmCap, copies));
  else for (let i = 0; i < L.tmCap; i++) field(L.tmLen + 1 + i, 0, n);
  field(L.tcLen, 0, L.tcCap);
  if (L.counted) for (let c = 0; c < 2 * n; c++) field(L.tcLen + 1 + c, 0, Math.min(L.tcCap, copies));
  else for (let i = 0; i < L.tcCap; i++) field(L.tcLen + 1 + i, 0, Math.max(0, 2 * n - 1));

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
    ...model.vars.filter((v) => L.mirror || v.storage !== 'durable').map((v) => [L.pvars + v.index, L.mirror ? 0 : v.initial] as const),
  ];
  const FIXED_SLOT = Int32Array.from(fixed.map(([slot]) => slot));
  const FIXED_VALUE = Int32Array.from(fixed.map(([, value]) => value));
  // A sequence's slots past its length are zero, so `pack` visits only the used ones: live fields
  // [0, tmSlots + used toMachine) and [tcFrom, tcSlots + used toClient). Fields are in slot order.
  // A counted channel's fields are all visited (as part of [0, tmSlots) and [tcFrom, tcSlots)).
  const upTo = (slot: number) => live.filter((i) => slots[i]! < slot).length;
  const tmSlots = L.counted ? upTo(L.tcLen) : upTo(L.tmLen + 1);
  const tcFrom = upTo(L.tcLen);
  const tcSlots = L.counted ? live.length : upTo(L.tcLen + 1);
  const tmLive = !L.counted && L.tmCap > 0 && upTo(L.tmLen + 2) > tmSlots;
  const tcLive = !L.counted && L.tcCap > 0 && upTo(L.tcLen + 2) > tcSlots;
  // Per bit of each word: the live field holding it (bits no field holds stay zero in every record).
  const BIT_FIELD = new Int32Array(32 * words);
  live.forEach((i, f) => {
    for (let bit = shift[i]!; bit < shift[i]! + widths[i]!; bit++) BIT_FIELD[32 * word[i]! + bit] = f;
  });
  // Per slot: its live field, -1 for a slot never packed (it never changes).
  const slotFields = new Int32Array(4 * L.width);
  for (let s = 0; s < L.width; s++) slotFields[4 * s] = -1;
  live.forEach((i, f) => {
    const s = 4 * slots[i]!;
    slotFields.set([word[i]!, MASK[f]! << shift[i]!, lows[i]!, shift[i]!], s);
  });

  /** Decodes live fields [from, to) of the record at `o` into their slots of `v`. */
  const decode = (rec: Int32Array, o: number, v: Int32Array, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const j = 4 * i;
      v[D[j]!] = ((rec[o + D[j + 3]!]! >>> D[j + 2]!) & MASK[i]!) + D[j + 1]!;
    }
  };

  return {
    words,
    slotFields,
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
    unpackChanged(rec, o, v, prev, po) {
      for (let w = 0; w < words; w++) {
        const x = rec[o + w]!;
        // Only the fields with a changed bit: the highest changed bit names its field.
        let changed = x ^ prev[po + w]!;
        while (changed !== 0) {
          const f = BIT_FIELD[32 * w + 31 - Math.clz32(changed)]!;
          const j = 4 * f, sh = D[j + 2]!, mask = MASK[f]!;
          v[D[j]!] = ((x >>> sh) & mask) + D[j + 1]!;
          changed &= ~(mask << sh);
        }
      }
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
    },
  };
}

/** Per record word, the bits of the fields of `slots` (a slot never packed has none). */
export function fieldBits(codec: FlatCodec, slots: readonly number[]): Int32Array {
  const out = new Int32Array(codec.words);
  const fields = codec.slotFields;
  for (const s of slots) if (fields[4 * s]! >= 0) out[fields[4 * s]!]! |= fields[4 * s + 1]!;
  return out;
}

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
