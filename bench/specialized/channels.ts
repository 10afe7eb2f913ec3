/**
 * A hand-specialized explorer for `channelsDesign` (bench/shapes.ts), for measurement only: every
 * rule of MODEL.md §4–§6 this design can exercise, written out for it (reordering channels as
 * counts per message, durable acks, the two-state counter, crash and `$restart`), and what §6–§7
 * ask of every new configuration: the invariant `total <= 2`, the states and transitions
 * reached, quiescence and the outcomes of the quiescent ones. Its figures equal the engine's
 * (`specialized.test.ts`).
 */
import type { ChannelsParams } from '../shapeDesigns';
import { layout, reachedOf, search, type SpecializedResult } from './packedSearch';

// Modes: up, busy(ack, ok), busy(ack, error), recovering. Client statuses as in MODEL.md §3.
const UP = 0, BUSY_OK = 1, BUSY_ERROR = 2, RECOVERING = 3;
const UNSENT = 0, PENDING = 1, OK = 2, ERROR = 3, AMBIGUOUS = 4;

export function exploreChannels(p: ChannelsParams): SpecializedResult {
  const R = p.requests;
  const copyBits = 32 - Math.clz32(2 + p.duplicate); // one send, one retry, the duplicates
  const requests = [...Array(R).keys()];
  const shape = layout([
    ['mode', 2], ['busyR', 2], ['state', 1], ['pstate', 1], ['total', 2], ['cache', 2], ['moved', 2],
    ['ptotal', 2], ['drops', 2], ['dups', 2], ['crashes', 2],
    ...requests.flatMap((r) => [[`status${r}`, 3], [`attempts${r}`, 1], [`tm${r}`, copyBits], [`ok${r}`, copyBits], [`err${r}`, copyBits]] as const),
  ]);
  const f = shape.field;
  const mode = f('mode'), busyR = f('busyR'), state = f('state'), pstate = f('pstate');
  const total = f('total'), cache = f('cache'), moved = f('moved'), ptotal = f('ptotal');
  const drops = f('drops'), dups = f('dups'), crashes = f('crashes');
  const status = requests.map((r) => f(`status${r}`));
  const attempts = requests.map((r) => f(`attempts${r}`));
  const toMachine = requests.map((r) => f(`tm${r}`));
  const toClient = requests.flatMap((r) => [f(`ok${r}`), f(`err${r}`)]); // (r, ok), (r, error) by request
  const channels = [...toMachine, ...toClient];
  const faults = [[p.drop, drops, -1], [p.duplicate, dups, 1]] as const;
  // §7: states Open, Full; transitions #0 (Open, total < 1), #1 (Open), #2 (Full), #3 ($restart).
  const statesReached = new Uint8Array(2), transitionsReached = new Uint8Array(4);
  const outcomes = { ok: 0, error: 0, ambiguous: 0 };

  const result = search(shape, ({ get, set, emit }) => {
    const m = get(mode);
    for (let r = 0; r < R; r++) {
      if (get(status[r]!) !== UNSENT) continue; // send: the lowest unsent request
      set(status[r]!, PENDING);
      set(toMachine[r]!, get(toMachine[r]!) + 1);
      emit();
      break;
    }
    if (m === UP) {
      for (let r = 0; r < R; r++) {
        const c = get(toMachine[r]!);
        if (c === 0) continue;
        set(toMachine[r]!, c - 1); // deliver r: Open & total < 1 → #0, Open → #1, Full → #2 (error)
        const t = get(total);
        if (get(state) === 0) {
          const full = t >= 1;
          transitionsReached[full ? 1 : 0] = 1;
          set(total, full ? 2 : t + 1);
          set(ptotal, full ? 2 : t + 1);
          if (!full) set(cache, Math.min(get(cache) + 1, 2));
          set(moved, Math.min(get(moved) + 1, 3));
          if (full) {
            set(state, 1);
            set(pstate, 1);
          }
          set(mode, BUSY_OK);
        } else {
          transitionsReached[2] = 1;
          set(mode, BUSY_ERROR);
        }
        set(busyR, r);
        emit();
      }
    }
    if (m === BUSY_OK || m === BUSY_ERROR) {
      const ch = toClient[2 * get(busyR) + (m === BUSY_OK ? 0 : 1)]!; // ack
      set(ch, get(ch) + 1);
      set(mode, UP);
      set(busyR, 0);
      emit();
    }
    for (let k = 0; k < 2 * R; k++) {
      const c = get(toClient[k]!);
      if (c === 0) continue;
      set(toClient[k]!, c - 1); // receive
      const r = k >> 1;
      if (get(status[r]!) === PENDING) set(status[r]!, k & 1 ? ERROR : OK);
      emit();
    }
    for (let r = 0; r < R; r++) {
      if (get(status[r]!) !== PENDING) continue; // timeout: retry once, then ambiguous
      if (get(attempts[r]!) === 0) {
        set(attempts[r]!, 1);
        set(toMachine[r]!, get(toMachine[r]!) + 1);
      } else set(status[r]!, AMBIGUOUS);
      emit();
    }
    if (m === RECOVERING) {
      if (get(state) === 0) {
        transitionsReached[3] = 1; // restart: Open's $restart, Full has none
        set(cache, get(total));
      }
      set(mode, UP);
      emit();
    }
    for (const [budget, spent, delta] of faults) {
      if (get(spent) >= budget) continue;
      for (const ch of channels) {
        const c = get(ch);
        if (c === 0) continue;
        set(ch, c + delta); // drop or duplicate one distinct message
        set(spent, get(spent) + 1);
        emit();
      }
    }
    if (m !== RECOVERING && get(crashes) < p.crashes) {
      set(mode, RECOVERING); // crash: back to the persisted record, the volatile cache to 0
      set(busyR, 0);
      set(state, get(pstate));
      set(total, get(ptotal));
      set(cache, 0);
      set(crashes, get(crashes) + 1);
      emit();
    }
  }, (get) => {
    statesReached[get(state)] = 1;
    // Quiescent (§6): up, every channel empty, no request unsent or pending (no internal events).
    let quiet = get(mode) === UP;
    for (let k = 0; quiet && k < channels.length; k++) quiet = get(channels[k]!) === 0;
    if (quiet) {
      let ok = false, error = false, ambiguous = false;
      for (let r = 0; r < R && quiet; r++) {
        const s = get(status[r]!);
        quiet = s !== UNSENT && s !== PENDING;
        ok ||= s === OK;
        error ||= s === ERROR;
        ambiguous ||= s === AMBIGUOUS;
      }
      if (quiet) {
        if (ok) outcomes.ok++;
        if (error) outcomes.error++;
        if (ambiguous) outcomes.ambiguous++;
      }
    }
    return get(total) <= 2; // the invariant `bounded`
  });
  return { ...result, statesReached: reachedOf(statesReached), transitionsReached: reachedOf(transitionsReached), outcomes };
}
