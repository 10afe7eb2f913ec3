/**
 * A hand-specialized explorer for Gray and Lamport's TwoPhase.tla as the version-2 example
 * `examples/v2/tla-two-phase.protocol.json` writes it (`rms` resource managers), for measurement
 * only: the bench's `v2 TwoPhase N RMs` rows. What a person knows of this one design:
 * - The pool is never emptied (format-v2.md §6): a message in it is a bit. `Commit` and `Abort`
 *   go `toAll` at once and nothing else sends them, so one bit each stands for the engine's N
 *   pool slots (the configurations correspond one to one); `Prepared` is one bit per RM.
 * - `RM[i]` is `working` until it sends `Prepared`, and the TM is `init` until it sends `Commit`
 *   or `Abort`; so `Prepare` never finds its message already sent, nor the TM's events theirs.
 * - Receiving a message in the state it leads to (`Commit` when committed, `Prepared` from an RM
 *   already in `prepared`) changes nothing: a step (the engine counts it) with no look-up (`stay`).
 * Steps in the engine's order (format-v2.md §8): the TM's receives by sender, `Commit`, `Abort`;
 * then each RM's receives (`Commit`, `Abort`), `Prepare`, `ChooseToAbort`. So each stored step
 * index is the engine's ordinal. No state is final, so the engine checks no deadlock; no crashes,
 * no channels. Each new configuration gets what the engine does to it (explorer.ts `store1`):
 * the invariants TPTypeOK and TCConsistent and the states reached; the transitions reached are
 * marked per step, as the engine's sink does.
 */
import { layout, reachedOf, search, type SpecializedResult } from './packedSearch';

export interface TwoPhaseParams {
  readonly rms: number;
}

const INIT = 0, TM_COMMITTED = 1, TM_ABORTED = 2;
const WORKING = 0, PREPARED = 1, COMMITTED = 2, ABORTED = 3;
// §7 coverage in document order: states TM.init, committed, aborted, then RM.working … aborted;
// transitions TMRcvPrepared, TMCommit, TMAbort, RMPrepare, RMChooseToAbort, RMRcvCommitMsg, RMRcvAbortMsg.
const RM_STATES = 3;
const TM_RCV_PREPARED = 0, TM_COMMIT = 1, TM_ABORT = 2, RM_PREPARE = 3, RM_CHOOSE_TO_ABORT = 4, RM_RCV_COMMIT = 5, RM_RCV_ABORT = 6;

export function exploreTwoPhase({ rms: n }: TwoPhaseParams): SpecializedResult {
  const ids = [...Array(n).keys()];
  // 4n + 4 bits: one word up to 7 RMs (the engine packs 6n + 2 bits: N pool slots each for Commit and Abort).
  const shape = layout([
    ['tm', 2], ['commit', 1], ['abort', 1],
    ...ids.flatMap((i) => [[`rm${i}`, 2], [`tmPrepared${i}`, 1], [`preparedMsg${i}`, 1]] as const),
  ]);
  const f = shape.field;
  const tm = f('tm'), commit = f('commit'), abort = f('abort');
  const rm = ids.map((i) => f(`rm${i}`));
  const tmPrepared = ids.map((i) => f(`tmPrepared${i}`));
  const preparedMsg = ids.map((i) => f(`preparedMsg${i}`));
  const statesReached = new Uint8Array(RM_STATES + 4), transitionsReached = new Uint8Array(7);

  const result = search(shape, ({ get, set, emit, stay }) => {
    if (get(tm) === INIT) {
      let all = true;
      for (let i = 0; i < n; i++) {
        const known = get(tmPrepared[i]!);
        if (known === 0) all = false;
        if (get(preparedMsg[i]!) === 0) continue;
        transitionsReached[TM_RCV_PREPARED] = 1; // receive Prepared from RM[i]
        if (known === 1) stay();
        else {
          set(tmPrepared[i]!, 1);
          emit();
        }
      }
      if (all) {
        transitionsReached[TM_COMMIT] = 1; // TMCommit: every RM prepared
        set(tm, TM_COMMITTED);
        set(commit, 1);
        emit();
      }
      transitionsReached[TM_ABORT] = 1;
      set(tm, TM_ABORTED);
      set(abort, 1);
      emit();
    }
    const committed = get(commit), aborted = get(abort);
    for (let i = 0; i < n; i++) {
      const s = get(rm[i]!);
      if (committed === 1) {
        transitionsReached[RM_RCV_COMMIT] = 1; // from any state
        if (s === COMMITTED) stay();
        else {
          set(rm[i]!, COMMITTED);
          emit();
        }
      }
      if (aborted === 1) {
        transitionsReached[RM_RCV_ABORT] = 1;
        if (s === ABORTED) stay();
        else {
          set(rm[i]!, ABORTED);
          emit();
        }
      }
      if (s === WORKING) {
        transitionsReached[RM_PREPARE] = 1;
        set(rm[i]!, PREPARED);
        set(preparedMsg[i]!, 1);
        emit();
        transitionsReached[RM_CHOOSE_TO_ABORT] = 1;
        set(rm[i]!, ABORTED);
        emit();
      }
    }
  }, (get) => {
    statesReached[get(tm)] = 1;
    let seen = 0; // the RM states present, a bit each
    let typeOk = true;
    for (let i = 0; i < n; i++) {
      const s = get(rm[i]!);
      seen |= 1 << s;
      if (s === WORKING && get(tmPrepared[i]!) === 1) typeOk = false; // TPTypeOK: prepared[r] => r has left working
    }
    for (let s = 0; s < 4; s++) if ((seen >>> s) & 1) statesReached[RM_STATES + s] = 1;
    return typeOk && ((seen >>> COMMITTED) & (seen >>> ABORTED) & 1) === 0; // TCConsistent
  });
  return { ...result, statesReached: reachedOf(statesReached), transitionsReached: reachedOf(transitionsReached) };
}
