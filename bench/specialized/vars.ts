/**
 * A hand-specialized explorer for `varsDesign` (bench/shapes.ts), for measurement only. It uses
 * what a person knows of this one design: every step persists, so the persisted durable vars
 * always equal the current ones, and the persisted state is always `Run` (the only durable
 * state); neither is stored. One client request, no network faults. What §6–§7 ask of every new
 * configuration is done too: the invariant `d0 <= 2`, the states and transitions reached; no
 * configuration of this design is quiescent (up, `Pause` is enabled in both states; busy, an ack
 * is; recovering, the restart is), so its outcomes are all 0 without a look.
 */
import type { VarsParams } from '../shapeDesigns';
import { layout, reachedOf, search, type SpecializedResult } from './packedSearch';

const UP = 0, BUSY_OK = 1, BUSY_ERROR = 2, RECOVERING = 3;
const UNSENT = 0, PENDING = 1, OK = 2, ERROR = 3, AMBIGUOUS = 4;
const RUN = 0, PAUSED = 1;

export function exploreVars(p: VarsParams): SpecializedResult {
  const n = p.pairs;
  const pairs = [...Array(n).keys()];
  const shape = layout([
    ['mode', 2], ['state', 1], ['crashes', 2], ['status', 3], ['toMachine', 1], ['replyOk', 1], ['replyError', 1],
    ...pairs.flatMap((i) => [[`d${i}`, 2], [`v${i}`, 2]] as const),
  ]);
  const f = shape.field;
  const mode = f('mode'), state = f('state'), crashes = f('crashes'), status = f('status');
  const toMachine = f('toMachine'), replyOk = f('replyOk'), replyError = f('replyError');
  const d = pairs.map((i) => f(`d${i}`));
  const v = pairs.map((i) => f(`v${i}`));
  // §7 coverage: states Run, Paused; transitions #0..#n-1 Step i, #n Sync, #n+1 Pause (Run),
  // #n+2 Pause (Paused), #n+3 Poke (Run), #n+4 Poke (Paused), #n+5 $restart.
  const statesReached = new Uint8Array(2), transitionsReached = new Uint8Array(n + 6);

  const result = search(shape, ({ get, set, emit }) => {
    const m = get(mode);
    const s = get(state);
    if (get(status) === UNSENT) {
      set(status, PENDING); // send Poke
      set(toMachine, 1);
      emit();
    }
    if (m === UP && get(toMachine) === 1) {
      set(toMachine, 0); // deliver: Run → d0 := 0 (ok), Paused → error; both persist and wait for the ack
      transitionsReached[s === RUN ? n + 3 : n + 4] = 1;
      if (s === RUN) set(d[0]!, 0);
      set(mode, s === RUN ? BUSY_OK : BUSY_ERROR);
      emit();
    }
    if (m === BUSY_OK || m === BUSY_ERROR) {
      set(m === BUSY_OK ? replyOk : replyError, 1); // ack
      set(mode, UP);
      emit();
    }
    for (const [reply, outcome] of [[replyOk, OK], [replyError, ERROR]] as const) {
      if (get(reply) === 0) continue;
      set(reply, 0); // receive
      if (get(status) === PENDING) set(status, outcome);
      emit();
    }
    if (get(status) === PENDING) {
      set(status, AMBIGUOUS); // timeout: no retries
      emit();
    }
    if (m === UP) {
      if (s === RUN) {
        for (let i = 0; i < n; i++) {
          const di = get(d[i]!);
          if (!(di <= get(d[(i + 1) % n]!) || di === 0)) continue;
          transitionsReached[i] = 1;
          set(d[i]!, (di + 1) % 3); // fire Step i
          set(v[i]!, Math.min(get(v[i]!) + 1, 2));
          emit();
        }
        const d0 = get(d[0]!);
        if (get(v[0]!) !== d0) {
          const last = get(d[n - 1]!); // fire Sync (simultaneous: both read before either is set)
          transitionsReached[n] = 1;
          set(v[0]!, d0);
          set(v[n - 1]!, last);
          emit();
        }
        transitionsReached[n + 1] = 1;
        set(v[0]!, 0); // fire Pause: Run → Paused
        set(state, PAUSED);
        emit();
      } else {
        transitionsReached[n + 2] = 1;
        set(state, RUN); // fire Pause: Paused → Run
        emit();
      }
    }
    if (m === RECOVERING) {
      transitionsReached[n + 5] = 1;
      set(v[0]!, get(d[0]!)); // restart in Run (the only durable state)
      set(mode, UP);
      emit();
    }
    if (m !== RECOVERING && get(crashes) < p.crashes) {
      set(mode, RECOVERING); // crash: Run, durable vars kept, volatile vars to 0
      set(state, RUN);
      for (const x of v) set(x, 0);
      set(crashes, get(crashes) + 1);
      emit();
    }
  }, (get) => {
    statesReached[get(state)] = 1;
    return get(d[0]!) <= 2; // the invariant `in range`
  });
  return { ...result, statesReached: reachedOf(statesReached), transitionsReached: reachedOf(transitionsReached), outcomes: { ok: 0, error: 0, ambiguous: 0 } };
}
