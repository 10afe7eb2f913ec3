import type { EvalEnv, EvalFrame, InvariantModel, Model, TransitionModel } from '../model/model';
import { stateInvariants, stepInvariants } from './checks';
import { bounds, enterPlans, type EnterPlan, type EnterViolations } from './flatEnter';
import { FlatFrames } from './flatFrame';
import type { FlatCodec } from './flatCodec';
import { firedTables, markKeptInvariants, NONE as NO_TRANSITION, stepTable, UNSELECTED, type FiredTable } from './flatMemo';
import { clearBusy, count, firstOccurrence, indexOf, insert, removeAt, setMode } from './flatChannels';
import { FlatFingerprint } from './flatFingerprint';
import * as F from './flatLayout';
import { NO_INVARIANTS, NO_VIOLATIONS, checkInvariant, replayViolation } from './flatViolations';
import { ACK, CRASH, DELIVER, DROP_C, DROP_M, DUP_C, DUP_M, FIRE, PERSIST, RECEIVE, RESTART, SEND, TIMEOUT } from './flatStepKinds';
import { evaluationMessage } from './select';
import type { Violation } from './violation';

/**
 * MODEL.md §4-§6 on flat vectors (`flatLayout.ts`): the explorer's fast path. It enumerates the
 * enabled steps in exactly the order of `enabledActions` (traces name steps by that index and
 * are rebuilt through the readable engine) and applies them without building objects. The
 * property tests hold it to the readable engine through a naive explorer.
 */
export * from './flatStepKinds';

const NO_PAYLOAD: readonly number[] = [];
const { unsent: UNSENT, pending: PENDING, ok: OK, error: ERROR, ambiguous: AMBIGUOUS } = F.STATUS_CODE;
const { none: NONE, ok: OUT_OK, error: OUT_ERROR, noreply: NOREPLY } = F.OUTCOME_CODE;
const NO_FRAME: EvalFrame = { state: 0, vars: NO_PAYLOAD, sent: NO_PAYLOAD, acked: NO_PAYLOAD, failed: NO_PAYLOAD, ambiguous: NO_PAYLOAD, crashes: 0 };

export class FlatStepper implements EnterViolations {
  kinds = new Int32Array(64);
  args = new Int32Array(64);
  args2 = new Int32Array(64);
  /** Violations of the last `apply` / `checkStep` / `checkState`. */
  violations: Violation[] = NO_VIOLATIONS;
  /** Whether any step invariant or transition invariant exists: otherwise `checkStep` has nothing to do. */
  readonly hasStepChecks: boolean;
  /** Transition selected by the last `apply`, -1 for none. */
  transition = -1;
  private taken: TransitionModel | null = null;
  private payload: readonly number[] = NO_PAYLOAD;
  /** The values of the last `updates`, in the order of its transition's `updates` (the other vars keep theirs). */
  private readonly newValues: number[];
  private readonly stateInv: InvariantModel[];
  private readonly stepInv: InvariantModel[];
  private readonly stateObs: boolean;
  private readonly durable: number[];
  /** Per var: the bounds of its type (`inType`), and 1 when its values are whole numbers (bool, enum). */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly whole: Uint8Array;
  /** Per state: 1 when durable. */
  private readonly durableState: Uint8Array;
  private readonly volatile: number[];
  /** The initial values of `volatile`, in its order. */
  private readonly initial: Int32Array;
  private readonly frames: FlatFrames;
  private readonly clientEvents: Int32Array;
  private readonly payloadCounts: Int32Array;
  /** The one guard/update environment, refilled before each use. */
  private readonly env: { pre: EvalEnv['pre']; post: EvalEnv['post']; payload: EvalEnv['payload'] };
  /** The message of the guard error the last `select` met (it then returns its transition with `selError` set). */
  private selError: string | null = null;
  /** Per transition: its updates and its entry into its target, resolved once (`flatEnter.ts`). */
  private readonly plans: EnterPlan[];
  /** Per state and fired event: which transition the event takes and what it writes, by the vars' values they read (`flatMemo.ts`). */
  private readonly tables: (FiredTable | null)[][];
  /** Per step kind and argument, the table of a step that is no transition (`flatMemo.ts`, `stepTable`), or null. */
  private readonly kindTables: (FiredTable | null)[][];
  /** Per enumerated step: its table (null: none, or a FIRE whose guard failed to evaluate) and key there, for the expander. */
  stepTable: (FiredTable | null)[] = [];
  stepKey = new Int32Array(64);

  /**
   * `j` journals every write `apply` makes (`flatFingerprint.ts`): the caller starts it with the
   * parent's fingerprint, reads the successor's after `apply`, and undoes it to get the parent back.
   */
  constructor(
    private readonly model: Model,
    private readonly L: F.FlatLayout,
    private readonly j: FlatFingerprint,
    /** The codec of the records, to tabulate fired transitions' writes (`flatMemo.ts`); null: only their selection. */
    writes: FlatCodec | null = null,
  ) {
    this.newValues = model.vars.map(() => 0);
    this.stateInv = stateInvariants(model);
    this.stepInv = stepInvariants(model);
    this.stateObs = this.stateInv.some((i) => i.expr.readsObservables);
    this.hasStepChecks = this.stepInv.length > 0 || model.transitions.some((t) => t.invariants.length > 0);
    this.frames = new FlatFrames(L, model.events.length, Int32Array.from(model.clientEvents));
    this.env = { pre: NO_FRAME, post: null, payload: NO_PAYLOAD };
    this.clientEvents = Int32Array.from(model.clientEvents);
    this.payloadCounts = Int32Array.from(model.events.map((e) => e.payloadValues.length));
    const varBounds = model.vars.map((_, i) => bounds(model, i));
    this.lo = Float64Array.from(varBounds, (b) => b[0]);
    this.hi = Float64Array.from(varBounds, (b) => b[1]);
    this.whole = Uint8Array.from(varBounds, (b) => b[2]);
    this.durable = model.vars.filter((v) => v.storage === 'durable').map((v) => v.index);
    this.volatile = model.vars.filter((v) => v.storage === 'volatile').map((v) => v.index);
    this.initial = Int32Array.from(this.volatile, (i) => model.vars[i]!.initial);
    this.durableState = Uint8Array.from(model.states.map((s) => (s.durable ? 1 : 0)));
    this.plans = enterPlans(model, L, j, this);
    // Step invariants read the successor's vector, which a tabulated write leaves unbuilt.
    const tabulated = writes !== null && !this.hasStepChecks ? writes : null;
    this.tables = firedTables(model, L, tabulated);
    this.kindTables = this.stepTables(tabulated);
    markKeptInvariants([...this.tables.flat(), ...this.kindTables.flat()], this.stateInv, L);
  }

  /**
   * The tables of the steps that are no transition, by kind and argument: what each reads and
   * writes, stated here beside `apply` (`ExploreOptions.verifyTables` holds every tabulated
   * step to `apply` in the tests). A crash that resets a volatile var reads the persisted state
   * and the crash count, and writes what `crash` writes (with `mirror`: the durable vars are
   * their persisted values, so it leaves them). On counted channels (a message is a count per
   * code): a drop or duplicate of code a reads and writes its count, the channel's length and the budget's count; a
   * receive, also its request's status; a timeout reads the request's attempts and event (its
   * retry limit) and writes the attempts or the status, and the toMachine count it retries into.
   */
  private stepTables(codec: FlatCodec | null): (FiredTable | null)[][] {
    const { model, L } = this;
    const n = L.requests;
    const tables: (FiredTable | null)[][] = Array.from({ length: CRASH + 1 }, () => new Array<FiredTable | null>(2 * n + 1).fill(null));
    if (codec === null) return tables;
    // A crash that resets no var (it writes the mode, the count and the replies cached) measured
    // cheaper taken than looked up (register rows: 6-19 % slower with its table; its successors
    // are mostly new, and a new successor from a table is decoded twice): no table for it.
    if (L.mirror && model.environment.crashes > 0 && this.volatile.length > 0)
      tables[CRASH]![0] = stepTable(codec, [F.PSTATE, F.CRASHES], this.crashWrites(codec));
    if (!L.counted) return tables;
    const same = (reads: number[]) => stepTable(codec, reads, reads);
    for (let a = 1; a <= n; a++) {
      const c = L.clients + 7 * (a - 1), count = L.tmLen + a;
      tables[DROP_M]![a] = same([count, L.tmLen, F.DROPS]);
      tables[DUP_M]![a] = same([count, L.tmLen, F.DUPS]);
      tables[TIMEOUT]![a] = stepTable(codec, [c + F.ATTEMPTS, c + F.EVENT, count, L.tmLen], [c + F.ATTEMPTS, c + F.STATUS, count, L.tmLen]);
    }
    for (let code = 0; code < 2 * n; code++) {
      const count = L.tcLen + 1 + code;
      tables[DROP_C]![code] = same([count, L.tcLen, F.DROPS]);
      tables[DUP_C]![code] = same([count, L.tcLen, F.DUPS]);
      tables[RECEIVE]![code] = same([count, L.tcLen, L.clients + 7 * (code >> 1) + F.STATUS]);
    }
    return tables;
  }

  /** The step pushed last goes with the table of its kind and argument (`stepTables`), when there is one, and its key there. */
  private tabled(v: Int32Array, kind: number, a: number): void {
    const table = this.kindTables[kind]![a]!;
    if (table === null) return;
    const i = this.count - 1;
    this.stepTable[i] = table;
    this.stepKey[i] = table.vars.key(v);
  }

  /**
   * The slots a crash writes, from its one statement (`crash`) journaled on two vectors that
   * differ in every slot (each slot's value its own, so a copy from another slot changes it): a
   * write the journal skips on one (the value already there) it takes on the other. (Journals of
   * their own: `crash` and `setMode` only ever see journals, so they stay monomorphic.)
   */
  private crashWrites(codec: FlatCodec): number[] {
    const written = new Set<number>();
    for (const first of [-1, -2]) {
      const journal = new FlatFingerprint(codec);
      this.crash(Int32Array.from({ length: this.L.width }, (_, i) => first - i), journal);
      for (const slot of journal.slots.subarray(0, journal.n)) written.add(slot);
    }
    return [...written];
  }

  private push(kind: number, a: number, b = 0): void {
    const i = this.count++;
    if (i >= this.kinds.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.kinds = grow(this.kinds);
      this.args = grow(this.args);
      this.args2 = grow(this.args2);
      this.stepKey = grow(this.stepKey);
    }
    this.kinds[i] = kind;
    this.args[i] = a;
    this.args2[i] = b;
    this.stepTable[i] = null;
  }
  private count = 0;

  /** Fills `kinds`/`args`/`args2` with the enabled steps; returns how many. */
  enumerate(v: Int32Array): number {
    const { model, L } = this;
    const env = model.environment;
    this.count = 0;
    for (let r = 0; r < L.requests; r++) {
      if (v[L.clients + 7 * r + F.STATUS] !== UNSENT) continue;
      const ce = this.clientEvents;
      for (let j = 0; j < ce.length; j++) {
        const e = ce[j]!, k = this.payloadCounts[e]!;
        for (let p = 0; p < k; p++) this.push(SEND, j, p); // the event's place among the client events (`F.EVENT`)
      }
      break;
    }
    const mode = v[F.MODE]!;
    const tm = L.tmLen, tc = L.tcLen;
    const tmN = v[tm]!, tcN = v[tc]!;
    const n = L.requests;
    const counted = L.counted;
    // A counted channel (a multiset): one step per message code with a count, codes ascending
    // (the sorted multiset's distinct messages); its steps name the code.
    if (mode === 0) {
      if (counted) {
        if (tmN > 0) for (let r = 1; r <= n; r++) if (v[tm + r]! > 0) this.push(DELIVER, r);
      } else if (tmN > 0) this.push(DELIVER, v[tm + 1]!);
    } else if (mode === 2) this.push(v[F.BUSY_PHASE] === 0 ? ACK : PERSIST, v[F.BUSY_R]!);
    if (counted) {
      if (tcN > 0)
        for (let c = 0; c < 2 * n; c++)
          if (v[tc + 1 + c]! > 0) {
            this.push(RECEIVE, c);
            this.tabled(v, RECEIVE, c);
          }
    } else if (tcN > 0) this.push(RECEIVE, 0);
    for (let r = 0; r < n; r++)
      if (v[L.clients + 7 * r + F.STATUS] === PENDING) {
        this.push(TIMEOUT, r + 1);
        this.tabled(v, TIMEOUT, r + 1);
      }
    if (mode === 0 && model.firedEvents.length > 0) {
      const s = v[F.STATE]!;
      const cands = model.candidates[s]!, tables = this.tables[s]!;
      let genv: EvalEnv | null = null;
      // The selected transition goes with the step (-1 after a guard error), so `apply` does not
      // evaluate the guards again; a table (`flatMemo.ts`) answers for the vars' values it has met.
      const fired = model.firedEvents;
      for (let k = 0; k < fired.length; k++) {
        const e = fired[k]!, table = tables[k]!;
        const key = table !== null ? table.vars.key(v) : 0;
        let selected = table !== null ? table.selected(key) : UNSELECTED;
        if (selected === UNSELECTED) {
          genv ??= this.guardEnv(v, NO_PAYLOAD);
          const t = this.select(cands[e]!, genv);
          selected = t === null ? NO_TRANSITION : this.selError === null ? t.index : UNSELECTED;
          if (table !== null) table.learnSelection(key, selected);
        }
        if (selected === NO_TRANSITION) continue;
        const i = this.count;
        this.push(FIRE, e, selected === UNSELECTED ? -1 : selected); // -1, a guard's eval-error: `apply` selects again and reports it
        if (selected === UNSELECTED) continue;
        this.stepTable[i] = table;
        this.stepKey[i] = key;
      }
    }
    if (mode === 1) this.push(RESTART, 0);
    if (counted) {
      if (v[F.DROPS]! < env.drop) this.pushCounted(v, DROP_M, DROP_C, tmN, tcN);
      if (v[F.DUPS]! < env.duplicate) this.pushCounted(v, DUP_M, DUP_C, tmN, tcN);
    } else {
      if (v[F.DROPS]! < env.drop) {
        // A sequence: one drop per run of equal neighbours.
        for (let i = 0; i < tmN; i++) if (i === 0 || v[tm + 1 + i] !== v[tm + i]) this.push(DROP_M, i);
        for (let i = 0; i < tcN; i++) if (i === 0 || v[tc + 1 + i] !== v[tc + i]) this.push(DROP_C, i);
      }
      if (v[F.DUPS]! < env.duplicate) {
        for (let i = 0; i < tmN; i++) if (firstOccurrence(v, tm + 1, i)) this.push(DUP_M, v[tm + 1 + i]!);
        for (let i = 0; i < tcN; i++) if (firstOccurrence(v, tc + 1, i)) this.push(DUP_C, v[tc + 1 + i]!);
      }
    }
    if (v[F.CRASHES]! < env.crashes && mode !== 1) {
      this.push(CRASH, 0);
      this.tabled(v, CRASH, 0);
    }
    return this.count;
  }

  /** Steps `kindM`, `kindC` (drop or duplicate) of each message code with a count, toMachine's then toClient's. */
  private pushCounted(v: Int32Array, kindM: number, kindC: number, tmN: number, tcN: number): void {
    const L = this.L, n = L.requests;
    if (tmN > 0)
      for (let r = 1; r <= n; r++)
        if (v[L.tmLen + r]! > 0) {
          this.push(kindM, r);
          this.tabled(v, kindM, r);
        }
    if (tcN > 0)
      for (let c = 0; c < 2 * n; c++)
        if (v[L.tcLen + 1 + c]! > 0) {
          this.push(kindC, c);
          this.tabled(v, kindC, c);
        }
  }

  /** §6 quiescence on a vector. */
  quiescent(v: Int32Array): boolean {
    const { model, L } = this;
    if (v[F.MODE] !== 0 || v[L.tmLen] !== 0 || v[L.tcLen] !== 0) return false;
    for (let r = 0; r < L.requests; r++) {
      const s = v[L.clients + 7 * r + F.STATUS];
      if (s === PENDING || (s === UNSENT && model.clientEvents.length > 0)) return false;
    }
    const fired = model.firedEvents;
    if (fired.length === 0) return true;
    const s = v[F.STATE]!;
    const cands = model.candidates[s]!, tables = this.tables[s]!;
    for (let k = 0; k < fired.length; k++) {
      // Enabled when a transition is selected, or a guard fails to evaluate (a table that knows answers first).
      const table = tables[k]!, selected = table !== null ? table.selected(table.vars.key(v)) : UNSELECTED;
      if (selected === NO_TRANSITION) continue;
      if (selected >= 0 || this.select(cands[fired[k]!]!, this.guardEnv(v, NO_PAYLOAD)) !== null) return false;
    }
    return true;
  }

  /** State invariants and deadlock of a vector, into `violations`. */
  checkState(v: Int32Array, quiescent: boolean): Violation[] {
    let out = NO_VIOLATIONS;
    if (this.stateInv.length > 0) {
      const env = this.guardEnv(v, NO_PAYLOAD, this.stateObs);
      for (const inv of this.stateInv) out = checkInvariant(inv, env, out);
    }
    const { model } = this;
    const s = model.states[v[F.STATE]!]!;
    if (quiescent && model.environment.deadlock && model.hasFinal && !s.final) {
      if (out === NO_VIOLATIONS) out = [];
      out.push({ kind: 'deadlock', name: s.name, detail: `nothing is left to do but faults, and ${s.name} is not final`, step: false });
    }
    return out;
  }

  /** Step and taken-transition invariants across the last `apply` (`pre`: a copy of the parent; `post`: the successor). */
  checkStep(pre: Int32Array, post: Int32Array): Violation[] {
    const taken = this.taken?.invariants ?? NO_INVARIANTS;
    if (this.stepInv.length === 0 && taken.length === 0) return NO_VIOLATIONS;
    const obs = this.stepInv.some((i) => i.expr.readsObservables) || taken.some((i) => i.expr.readsObservables);
    const env: EvalEnv = { pre: this.frames.frame(pre, obs), post: this.frames.frame(post, obs), payload: this.payload };
    let out = NO_VIOLATIONS;
    for (const inv of this.stepInv) out = checkInvariant(inv, env, out);
    for (const inv of taken) out = checkInvariant(inv, env, out);
    return out;
  }

  /**
   * Applies step i of the last enumeration to `v` in place, every write through the journal;
   * false when it violated while computed (see `violations`). Each case reads a slot before it
   * writes it, so `v` reads as the parent until written.
   */
  apply(v: Int32Array, i: number): boolean {
    const { model, L, j } = this;
    const kind = this.kinds[i]!, a = this.args[i]!, b = this.args2[i]!;
    this.violations = NO_VIOLATIONS;
    this.transition = -1;
    this.taken = null;
    this.payload = NO_PAYLOAD;
    switch (kind) {
      case SEND: {
        let r = 0;
        while (v[L.clients + 7 * r + F.STATUS] !== UNSENT) r++;
        const c = L.clients + 7 * r;
        j.set(v, c + F.STATUS, PENDING);
        j.set(v, c + F.ATTEMPTS, 1);
        j.set(v, c + F.EVENT, a);
        j.set(v, c + F.PAYLOAD, b);
        this.pushMachine(v, r + 1);
        return true;
      }
      case DELIVER:
        if (L.counted) count(j, v, L.tmLen, L.tmCap, L.tmLen + a, -1);
        else removeAt(j, v, L.tmLen, indexOf(v, L.tmLen, a));
        return this.deliver(v, a);
      case ACK:
        this.pushClient(v, (a - 1) * 2 + v[F.BUSY_REPLY]!);
        clearBusy(j, v);
        return true;
      case PERSIST: {
        this.persist(v);
        const c = L.clients + 7 * (a - 1);
        if (model.events[this.clientEvents[v[c + F.EVENT]!]!]!.idempotency === 'durable') j.set(v, c + F.PDEDUPE, v[F.BUSY_REPLY]! + 1);
        clearBusy(j, v);
        return true;
      }
      case RECEIVE: {
        const code = L.counted ? a : v[L.tcLen + 1 + a]!;
        this.removeClient(v, a);
        const c = L.clients + 7 * (code >> 1);
        if (v[c + F.STATUS] === PENDING) j.set(v, c + F.STATUS, (code & 1) === 0 ? OK : ERROR);
        return true;
      }
      case TIMEOUT: {
        const c = L.clients + 7 * (a - 1);
        const attempts = v[c + F.ATTEMPTS]!;
        if (attempts < model.events[this.clientEvents[v[c + F.EVENT]!]!]!.maxAttempts) {
          j.set(v, c + F.ATTEMPTS, attempts + 1);
          this.pushMachine(v, a);
        } else j.set(v, c + F.STATUS, AMBIGUOUS);
        return true;
      }
      case FIRE:
        return b >= 0 ? this.proceed(v, model.transitions[b]!, this.guardEnv(v, NO_PAYLOAD)) : this.take(v, model.candidates[v[F.STATE]!]![a]!);
      case RESTART:
        j.set(v, F.MODE, 0);
        return this.take(v, model.restarts[v[F.STATE]!]!);
      case DROP_M:
        if (L.counted) count(j, v, L.tmLen, L.tmCap, L.tmLen + a, -1);
        else removeAt(j, v, L.tmLen, a);
        j.set(v, F.DROPS, v[F.DROPS]! + 1);
        return true;
      case DROP_C:
        this.removeClient(v, a);
        j.set(v, F.DROPS, v[F.DROPS]! + 1);
        return true;
      case DUP_M:
        this.pushMachine(v, a);
        j.set(v, F.DUPS, v[F.DUPS]! + 1);
        return true;
      case DUP_C:
        this.pushClient(v, a);
        j.set(v, F.DUPS, v[F.DUPS]! + 1);
        return true;
      case CRASH:
        this.crash(v, j);
        return true;
    }
    throw new Error(`unknown step kind ${kind}`);
  }

  /**
   * A crash of `v` (MODEL.md §5), each write through `write`: recovering, in the persisted state,
   * the durable vars their persisted values, the volatile ones their initial values, no reply
   * cached in memory, one crash more. The one statement of a crash: `apply` journals it, and the
   * crash's table (`flatMemo.ts`) takes the slots it writes from it (`crashWrites`: the same on every vector).
   */
  private crash(v: Int32Array, write: FlatFingerprint): void {
    const { L, durable, volatile, initial } = this;
    setMode(write, v, 1, 0, 0, 0);
    write.set(v, F.STATE, v[F.PSTATE]!);
    if (!L.mirror) for (let k = 0; k < durable.length; k++) write.set(v, L.vars + durable[k]!, v[L.pvars + durable[k]!]!); // with `mirror` they are the persisted values
    for (let k = 0; k < volatile.length; k++) write.set(v, L.vars + volatile[k]!, initial[k]!);
    for (let r = 0; r < L.requests; r++) write.set(v, L.clients + 7 * r + F.DEDUPE, 0);
    write.set(v, F.CRASHES, v[F.CRASHES]! + 1);
  }

  /** §5 on `v`, whose toMachine channel has already lost the message of request r. */
  private deliver(v: Int32Array, r: number): boolean {
    const { model, L, j } = this;
    const c = L.clients + 7 * (r - 1);
    const e = this.clientEvents[v[c + F.EVENT]!]!;
    const event = model.events[e]!;
    if (event.idempotency !== 'none') {
      const cached = v[c + (event.idempotency === 'durable' ? F.PDEDUPE : F.DEDUPE)]!;
      if (cached !== NONE) {
        if (cached !== NOREPLY) this.pushClient(v, (r - 1) * 2 + cached - OUT_OK);
        return true;
      }
    }
    const payload = event.payloadValues[v[c + F.PAYLOAD]!]!;
    this.payload = payload;
    const env = this.guardEnv(v, payload);
    const t = this.select(model.candidates[v[F.STATE]!]![e]!, env);
    if (t !== null && this.selError !== null) {
      this.violate({ kind: 'eval-error', name: t.name, detail: `guard of ${t.name}: ${this.selError}`, step: true });
      return false;
    }
    const replay = model.environment.replay;
    const first = v[c + F.FIRST]!;
    if (t === null) {
      const outcome = event.unhandled === 'reject' ? OUT_ERROR : NOREPLY;
      if (outcome === OUT_ERROR) this.pushClient(v, (r - 1) * 2 + 1);
      if (replay && first !== NONE && first !== outcome) {
        this.violate(replayViolation(event.name, r));
        return false;
      }
      if (replay && first === NONE) j.set(v, c + F.FIRST, outcome);
      return true;
    }
    this.transition = t.index;
    const outcome = t.ack === 'none' ? NOREPLY : t.reply === 'ok' ? OUT_OK : OUT_ERROR;
    if (!replay) {
      if (!this.plans[t.index]!(v, env)) return false;
      this.taken = t;
    } else {
      const updated = this.updates(t, env);
      if (first !== NONE) {
        let changed = t.to !== v[F.STATE] || outcome !== first;
        if (updated !== 'error') for (let k = 0; k < t.updates.length && !changed; k++) changed = this.newValues[k] !== v[L.vars + t.updates[k]!.var];
        if (changed) this.violate(replayViolation(event.name, r));
      }
      if (this.violations.length > 0) return false;
      if (first === NONE) j.set(v, c + F.FIRST, outcome);
      this.enter(v, t);
    }
    const reply = t.reply === 'ok' ? 0 : 1;
    if (t.ack === 'durable') {
      this.persist(v);
      if (event.idempotency === 'durable') j.set(v, c + F.PDEDUPE, reply + 1);
      else if (event.idempotency === 'volatile') j.set(v, c + F.DEDUPE, reply + 1);
      setMode(j, v, 2, r, 0, reply);
    } else if (t.ack === 'best-effort') {
      if (event.idempotency === 'volatile') j.set(v, c + F.DEDUPE, reply + 1);
      this.pushClient(v, (r - 1) * 2 + reply);
      setMode(j, v, 2, r, 1, reply);
    } else {
      this.persist(v);
      if (event.idempotency === 'durable') j.set(v, c + F.PDEDUPE, NOREPLY);
      else if (event.idempotency === 'volatile') j.set(v, c + F.DEDUPE, NOREPLY);
    }
    return true;
  }

  /** `fire` and `restart`: select, update, enter, persist. */
  private take(v: Int32Array, candidates: readonly TransitionModel[]): boolean {
    const env = this.guardEnv(v, NO_PAYLOAD);
    const t = this.select(candidates, env);
    if (t !== null && this.selError !== null) {
      this.violate({ kind: 'eval-error', name: t.name, detail: `guard of ${t.name}: ${this.selError}`, step: true });
      return false;
    }
    if (t === null) return true;
    return this.proceed(v, t, env);
  }

  /** `fire` and `restart` once t is selected: update, enter, persist. */
  private proceed(v: Int32Array, t: TransitionModel, env: EvalEnv): boolean {
    this.transition = t.index;
    if (!this.plans[t.index]!(v, env)) return false;
    this.taken = t;
    this.persist(v);
    return true;
  }

  /** Enters t's target with the updated vars (`newValues`; a var no update names keeps its value). */
  private enter(v: Int32Array, t: TransitionModel): void {
    const { L, j } = this;
    j.set(v, F.STATE, t.to);
    const updates = t.updates;
    for (let k = 0; k < updates.length; k++) j.set(v, L.vars + updates[k]!.var, this.newValues[k]!);
    this.taken = t;
  }

  /** Simultaneous updates into `newValues` (all read `env`, the vector before any is written), with eval-error and out-of-range step violations. */
  private updates(t: TransitionModel, env: EvalEnv): 'ok' | 'violation' | 'error' {
    const updates = t.updates;
    for (let k = 0; k < updates.length; k++) {
      const u = updates[k]!;
      try {
        this.newValues[k] = u.expr.evaluate(env);
      } catch (error) {
        this.updateError(t, k, error);
        return 'error';
      }
    }
    let ok = true;
    const { lo, hi, whole } = this;
    for (let k = 0; k < updates.length; k++) {
      const u = updates[k]!, i = u.var, x = this.newValues[k]!;
      // `inType` of the var's type, from its bounds: an int's, a bool's 0..1, an enum's indices (whole numbers).
      if (x >= lo[i]! && x <= hi[i]! && (whole[i] === 0 || Number.isInteger(x))) continue;
      ok = false;
      this.outOfRange(t, k, x);
    }
    return ok ? 'ok' : 'violation';
  }

  /** The eval-error of update k of t. */
  updateError(t: TransitionModel, k: number, error: unknown): void {
    const u = t.updates[k]!;
    const detail = `update of ${this.model.vars[u.var]!.name}: ${evaluationMessage(error, u.expr.text)}`;
    this.violate({ kind: 'eval-error', name: t.name, detail, step: true });
  }

  /** Update k of t set its var to x, outside its type. */
  outOfRange(t: TransitionModel, k: number, x: number): void {
    const v = this.model.vars[t.updates[k]!.var]!;
    this.violate({ kind: 'out-of-range', name: v.name, detail: `${t.name} sets ${v.name} to ${x}, outside its type`, step: true });
  }

  /** The shared environment over `v`'s frame (bare names only). */
  private guardEnv(v: Int32Array, payload: readonly number[], observables = false): EvalEnv {
    const env = this.env;
    env.pre = this.frames.frame(v, observables);
    env.post = null;
    env.payload = payload;
    return env;
  }

  /**
   * `selectTransition` without its result objects: the first transition whose guard is true,
   * null for none; on a guard error, that transition with `selError` set (§6: guards are tried
   * in document order, a later guard's error is no violation once an earlier one holds).
   */
  private select(candidates: readonly TransitionModel[], env: EvalEnv): TransitionModel | null {
    this.selError = null;
    for (let i = 0; i < candidates.length; i++) {
      const t = candidates[i]!;
      if (t.guard === null) return t;
      try {
        if (t.guard.evaluate(env) !== 0) return t;
      } catch (error) {
        this.selError = evaluationMessage(error, t.guard.text);
        return t;
      }
    }
    return null;
  }

  private violate(v: Violation): void {
    if (this.violations === NO_VIOLATIONS) this.violations = [];
    this.violations.push(v);
  }

  /** Persists the state (when durable) and the durable vars (none to write with `mirror`: their persisted values are not held). */
  private persist(v: Int32Array): void {
    const { L, j } = this;
    const s = v[F.STATE]!;
    if (this.durableState[s] === 1 && v[F.PSTATE] !== s) j.set(v, F.PSTATE, s);
    if (L.mirror) return;
    const durable = this.durable;
    for (let k = 0; k < durable.length; k++) {
      const i = durable[k]!, x = v[L.vars + i]!;
      if (v[L.pvars + i] !== x) j.set(v, L.pvars + i, x);
    }
  }

  private pushMachine(v: Int32Array, r: number): void {
    const L = this.L;
    if (L.counted) count(this.j, v, L.tmLen, L.tmCap, L.tmLen + r, 1);
    else insert(this.j, v, L.tmLen, L.tmCap, r);
  }

  private pushClient(v: Int32Array, code: number): void {
    const L = this.L;
    if (L.counted) count(this.j, v, L.tcLen, L.tcCap, L.tcLen + 1 + code, 1);
    else insert(this.j, v, L.tcLen, L.tcCap, code);
  }

  /** Takes a reply off toClient: the one of code `a` (counted), or the one at place `a`. */
  private removeClient(v: Int32Array, a: number): void {
    const L = this.L;
    if (L.counted) count(this.j, v, L.tcLen, L.tcCap, L.tcLen + 1 + a, -1);
    else removeAt(this.j, v, L.tcLen, a);
  }
}
