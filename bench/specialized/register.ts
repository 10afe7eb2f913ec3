/**
 * A hand-specialized explorer for `registerDesign` (bench/engineDesigns.ts: kv-register and the
 * payload-heavy rows), for measurement only. FIFO channels are bit strings of request indexes
 * (every reply of this design is `ok`, so a reply is its request); the durable dedupe table is one
 * bit per request. What a person knows of this design is used: every processing step persists at
 * once, so the persisted value always equals the current one and `firstOutcome[r]` is set exactly
 * when r is in the persisted table; neither is stored twice.
 */
import type { FamilyParams } from '../engineDesigns';
import { layout, search, type SpecializedResult } from './packedSearch';

const UP = 0, BUSY = 1, RECOVERING = 2;
const UNSENT = 0, PENDING = 1, OK = 2, AMBIGUOUS = 4;

export function exploreRegister(p: FamilyParams): SpecializedResult {
  if (p.reorder) throw new Error('the specialized register explorer covers FIFO channels only');
  const R = p.requests;
  const rb = Math.max(1, 32 - Math.clz32(R - 1)); // bits of a request index
  const vb = 32 - Math.clz32(p.values); // bits of 0..values
  const L = 2 * R + p.budget; // longest channel: every send and retry, plus the duplicates
  const lb = 32 - Math.clz32(L);
  const requests = [...Array(R).keys()];
  const shape = layout([
    ['mode', 2], ['busyR', rb], ['value', vb], ['writes', 4], ['drops', 2], ['dups', 2], ['crashes', 1],
    ['tmLen', lb], ['tm', L * rb], ['tcLen', lb], ['tc', L * rb],
    ...requests.flatMap((r) => [[`status${r}`, 3], [`attempts${r}`, 1], [`payload${r}`, vb], [`deduped${r}`, 1]] as const),
  ]);
  const f = shape.field;
  const mode = f('mode'), busyR = f('busyR'), value = f('value'), writes = f('writes');
  const drops = f('drops'), dups = f('dups'), crashes = f('crashes');
  const status = requests.map((r) => f(`status${r}`));
  const attempts = requests.map((r) => f(`attempts${r}`));
  const payload = requests.map((r) => f(`payload${r}`));
  const deduped = requests.map((r) => f(`deduped${r}`));
  const channels = [[f('tmLen'), f('tm')], [f('tcLen'), f('tc')]] as const;
  const [[tmLen, tm], [tcLen, tc]] = channels;
  const entryMask = (1 << rb) - 1;

  return search(shape, ({ get, set, emit }) => {
    const append = (len: typeof tmLen, seq: typeof tm, r: number): void => {
      const n = get(len);
      set(seq, get(seq) | (r << (n * rb)));
      set(len, n + 1);
    };
    const checkInvariants = (): void => {
      let sent = 0, acked = 0;
      for (let r = 0; r < R; r++) {
        const s = get(status[r]!);
        if (s !== UNSENT) sent++;
        if (s === OK) acked++;
      }
      if (get(writes) > sent || (acked > 0 && get(value) === 0)) throw new Error('an invariant broke');
    };
    const step = (): void => {
      checkInvariants();
      emit();
    };
    const m = get(mode);
    for (let r = 0; r < R; r++) {
      if (get(status[r]!) !== UNSENT) continue;
      for (let v = 1; v <= p.values; v++) {
        set(status[r]!, PENDING); // send Put(v) as the lowest unsent request
        set(payload[r]!, v);
        append(tmLen, tm, r);
        step();
      }
      break;
    }
    if (m === UP && get(tmLen) > 0) {
      const r = get(tm) & entryMask; // deliver the first request
      set(tm, get(tm) >>> rb);
      set(tmLen, get(tmLen) - 1);
      if (get(deduped[r]!)) append(tcLen, tc, r); // a dedupe hit answers from the table
      else {
        set(value, get(payload[r]!));
        set(writes, get(writes) + 1);
        set(deduped[r]!, 1);
        set(mode, BUSY);
        set(busyR, r);
      }
      step();
    }
    if (m === BUSY) {
      append(tcLen, tc, get(busyR)); // ack
      set(mode, UP);
      set(busyR, 0);
      step();
    }
    if (get(tcLen) > 0) {
      const r = get(tc) & entryMask; // receive the first reply
      set(tc, get(tc) >>> rb);
      set(tcLen, get(tcLen) - 1);
      if (get(status[r]!) === PENDING) set(status[r]!, OK);
      step();
    }
    for (let r = 0; r < R; r++) {
      if (get(status[r]!) !== PENDING) continue; // timeout: one retry, then ambiguous
      if (get(attempts[r]!) === 0) {
        set(attempts[r]!, 1);
        append(tmLen, tm, r);
      } else set(status[r]!, AMBIGUOUS);
      step();
    }
    if (m === RECOVERING) {
      set(mode, UP); // restart: no $restart transition
      step();
    }
    if (get(drops) < p.budget) {
      for (const [len, seq] of channels) {
        const n = get(len);
        const s = get(seq);
        for (let k = 0; k < n; k++) {
          // One drop per distinct result: dropping either of two adjacent equal entries is one step.
          if (k > 0 && ((s >>> (k * rb)) & entryMask) === ((s >>> ((k - 1) * rb)) & entryMask)) continue;
          const low = s & ((1 << (k * rb)) - 1);
          set(seq, low | ((s >>> ((k + 1) * rb)) << (k * rb)));
          set(len, n - 1);
          set(drops, get(drops) + 1);
          step();
        }
      }
    }
    if (get(dups) < p.budget) {
      for (const [len, seq] of channels) {
        const n = get(len);
        const s = get(seq);
        let seen = 0;
        for (let k = 0; k < n; k++) {
          const r = (s >>> (k * rb)) & entryMask;
          if (seen & (1 << r)) continue;
          seen |= 1 << r;
          append(len, seq, r); // duplicate each distinct message once, at the end
          set(dups, get(dups) + 1);
          step();
        }
      }
    }
    if (m !== RECOVERING && get(crashes) < Math.min(p.budget, 1)) {
      set(mode, RECOVERING); // crash: value and the dedupe table are durable; a busy ack is lost
      set(busyR, 0);
      set(crashes, 1);
      step();
    }
  });
}
