import { witnessText } from './witness';
import { EvaluationError } from '../../model/model';
import { callNameIndex } from '../../model/v2/callNames';
import { poolSlot, type EnvV2, type InvariantV2, type MessageV2, type ModelV2, type PayloadShape, type RoleV2, type TransitionV2 } from '../../model/v2/model';
import { emptyStep, type StepRef, type ViolationV2 } from './stepTypes';

/**
 * THE step rules of format version 2 (docs/format-v2.md, "Steps"): every enabled step of a
 * configuration, each with the configuration it produces and what it violated while computed
 * or across the step. The explorer and the simulator both call `forEachStep` and nothing else,
 * so there is one semantics by construction.
 *
 * Order (which shortest trace is reported): instance by instance, receive, then internal and
 * timer events, then restart (not for a role whose crashed instances stop); then the network's drop and duplicate, channel by channel; then
 * crash, instance by instance (only instances of roles that may crash, within their own limit).
 *
 * `next` handed to the sink is a scratch buffer, valid only during the call. Steps are applied
 * to it in place: it equals the configuration except in the slots the step wrote, which are
 * journaled (`written`, `writtenCount`: each slot once) and put back after the sink returns, so
 * nothing is copied per step and the explorer re-packs only what a step wrote.
 */
export type StepSink = (step: StepRef, next: Float64Array | null, violations: readonly ViolationV2[], changed: boolean) => void;

const NONE: readonly ViolationV2[] = [];

/** A pool kind some transition takes from one state of its receiving role: what receiving it there needs, read once. */
class PoolPlan {
  constructor(
    readonly message: MessageV2,
    /** The transitions leaving that state on this kind, in document order. */
    readonly candidates: readonly TransitionV2[],
    /** The first of `candidates` when it has no guard (always taken: nothing to select). */
    readonly unguarded: TransitionV2 | null,
    /** `unguarded` provably writes nothing from this state (`inert` in the constructor): its steps go to the sink unchanged without being applied. */
    readonly inert: boolean,
    /** `unguarded` at most enters another state and sends fixed pool messages (`plain` in the constructor): applied as those writes, without `take`. */
    readonly plain: boolean,
    /** `unguarded`'s sends when `plain`. */
    readonly sends: PlainSends,
    readonly senders: number,
    readonly senderFirst: number,
    readonly payloads: number,
    readonly fields: PayloadShape['fields'],
  ) {}
}

/**
 * Every pool slot one state of a role receives from, flattened in the order of the steps (kind,
 * sender, payload): slot `at[j] + local * mul[j]` for the instance `local`, with its plan, sender
 * and payload. An instance tests these slots in one loop instead of walking plans, senders and payloads.
 */
class PoolScan {
  readonly at: Int32Array;
  readonly mul: Int32Array;
  readonly plans: PoolPlan[] = [];
  readonly sender: Int32Array;
  readonly payload: Int32Array;

  constructor(plans: readonly PoolPlan[]) {
    const at: number[] = [];
    const mul: number[] = [];
    const sender: number[] = [];
    const payload: number[] = [];
    for (const plan of plans) {
      const count = plan.payloads;
      for (let s = 0; s < plan.senders; s++) {
        for (let p = 0; p < count; p++) {
          // A kind with one slot for every receiver (`MessageV2.receivers` 1): the same slot for each instance.
          const shared = plan.message.receivers === 1;
          at.push(poolSlot(plan.message, s, 0, p));
          mul.push(shared ? 0 : count);
          this.plans.push(plan);
          sender.push(s);
          payload.push(p);
        }
      }
    }
    this.at = new Int32Array(at);
    this.mul = new Int32Array(mul);
    this.sender = new Int32Array(sender);
    this.payload = new Int32Array(payload);
  }
}

/** An event some transition takes from one state of its role. */
class EventPlan {
  constructor(
    readonly event: number,
    readonly candidates: readonly TransitionV2[],
    readonly unguarded: TransitionV2 | null,
    /** As `PoolPlan.plain`. */
    readonly plain: boolean,
    readonly sends: PlainSends,
    readonly payloads: number,
    readonly fields: PayloadShape['fields'],
  ) {}
}

/**
 * The sends of a transition when each goes into the pool with no payload fields, to a fixed
 * receiver (`toAll` without `except`, or a role's only instance): the slots it sets, `at[k] +
 * sender * mul[k]` (`poolSlot`), one per receiver in `send`'s order, with the kind and receiving
 * instance for `onSend`. Nothing to evaluate, so nothing can fail.
 */
class PlainSends {
  constructor(
    readonly at: Int32Array,
    readonly mul: Int32Array,
    readonly message: Int32Array,
    readonly to: Int32Array,
  ) {}

  /** The sends of `t` when `fit`, else none (no arrays built for a transition that sends nothing: plans are built for every search). */
  static of(model: ModelV2, t: TransitionV2 | null): PlainSends {
    if (t === null || t.sends.length === 0 || !PlainSends.fit(model, t)) return NO_SENDS;
    const at: number[] = [];
    const mul: number[] = [];
    const message: number[] = [];
    const to: number[] = [];
    for (const s of t.sends) {
      const m = model.messages[s.message]!;
      const toRole = model.roles[m.to]!;
      for (let d = 0; d < (s.toAll ? toRole.instances : 1); d++) {
        at.push(poolSlot(m, 0, d, 0));
        mul.push(poolSlot(m, 1, d, 0) - poolSlot(m, 0, d, 0));
        message.push(m.index);
        to.push(toRole.first + d);
      }
    }
    return new PlainSends(new Int32Array(at), new Int32Array(mul), new Int32Array(message), new Int32Array(to));
  }

  /** Whether every send of `t` is of that kind. */
  static fit(model: ModelV2, t: TransitionV2): boolean {
    return t.sends.every((s) => {
      const m = model.messages[s.message]!;
      return m.pool && m.payload.fields.length === 0 && s.except.length === 0 && (s.toAll || s.to === null);
    });
  }
}

const NO_SENDS = new PlainSends(new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0));

interface Selected {
  transition: TransitionV2 | null;
  error: ViolationV2 | null;
}

/** What an empty bucket of `byKeyAndState` holds: one array for all of them, never written. */
const NO_TRANSITIONS: readonly TransitionV2[] = Object.freeze([]);

/**
 * `[key * states + state]`: the transitions of `r` that `keyOf` files under `key` (-1: none) and
 * that leave `state`, in document order. One pass over the transitions, and no array for an
 * empty bucket: the rules are built for every search, so their set-up is part of a small one.
 */
function byKeyAndState(r: RoleV2, keys: number, keyOf: (t: TransitionV2) => number): (readonly TransitionV2[])[] {
  const states = r.states.length;
  const buckets = new Array<readonly TransitionV2[]>(keys * states).fill(NO_TRANSITIONS);
  for (const t of r.transitions) {
    const key = keyOf(t);
    if (key < 0) continue;
    for (let s = 0; s < states; s++) {
      if (!t.from[s]) continue;
      const at = key * states + s;
      buckets[at] = buckets[at] === NO_TRANSITIONS ? [t] : [...buckets[at]!, t];
    }
  }
  return buckets;
}

export class StepRules {
  private readonly step: StepRef = emptyStep();
  private readonly next: Float64Array;
  private readonly env: EnvV2;
  private readonly checkEnv: EnvV2;
  private readonly selected: Selected = { transition: null, error: null };
  private readonly values: Float64Array;
  private readonly indices: Float64Array;
  private readonly sendTargets: Int32Array;
  /** [role][event * states + state]: the transitions an event may take from that state, in document order. */
  private readonly byEvent: (readonly TransitionV2[])[][];
  /** [role][message * states + state]: the same for receiving a message kind. */
  private readonly byMessage: (readonly TransitionV2[])[][];
  /** [role][state]: the `$restart` transitions from that state. */
  private readonly restarts: (readonly TransitionV2[])[][];
  /**
   * [planBase[role] + state]: the pool slots of the kinds sent to that role that some transition
   * takes from that state (kind order), and the events likewise (event order): an instance walks only these.
   */
  private readonly poolScans: PoolScan[];
  private readonly eventPlans: EventPlan[][];
  private readonly planBase: Int32Array;
  /** Whether any step invariant exists (checked across every step). */
  private readonly hasStepInvariants: boolean;
  private readonly stepInvariants: InvariantV2[];
  private readonly stateInvariants: InvariantV2[];
  private readonly codeKind: Int32Array;
  /** Channel codes of kinds on reliable links: never dropped or duplicated. */
  private readonly reliableCode: Uint8Array;
  /** Whether quiescence matters (a role declares final states and deadlocks are checked). */
  readonly tracksChange: boolean;
  /** The slots of `next` the current step changed, each once (`writtenCount` of them; a slot may have been changed back); valid during the sink call. */
  readonly written: Int32Array;
  writtenCount = 0;
  /**
   * Journal every write, also of a slot's own value (`written` then lists every slot the step
   * writes, whatever it held): set while a table learns a step (`localTables.ts`), whose writes
   * must hold for every configuration it is used for.
   */
  journalEvery = false;
  /** Told of every message a step sends (kind, receiving instance, payload index), before the sink sees the step; the explorer leaves it null. */
  onSend: ((message: number, to: number, payload: number) => void) | null = null;
  private readonly dirty: Uint8Array;
  private current: Float64Array;
  /** Some journaled slot was written back to its value before the step: `changed` must compare them all. */
  private rewritten = false;
  /** The pool slot of the set message being received (taken out by the step), else -1. */
  private consumeSlot = -1;
  /** The step being applied sends to a full channel under `"whenFull": "block"`: it is not a step. */
  private blocked = false;
  /** Transition invariants that are a call's replay check (format-v2.md §14): invariant name → the call event, reported as version 1's `replay`. */
  private readonly replayOf = new Map<string, string>();

  constructor(private readonly model: ModelV2) {
    this.next = new Float64Array(model.size);
    this.written = new Int32Array(model.size);
    this.dirty = new Uint8Array(model.size);
    this.current = this.next;
    const makeEnv = (): EnvV2 => ({ pre: model.initial, post: model.initial, self: 0, sender: 0, payload: new Float64Array(Math.max(1, model.payloadSlots)), bound: new Float64Array(Math.max(1, model.bound)) });
    this.env = makeEnv();
    this.checkEnv = makeEnv();
    const maxUpdates = Math.max(1, ...model.transitions.map((t) => t.updates.length));
    this.values = new Float64Array(maxUpdates);
    this.indices = new Float64Array(maxUpdates);
    this.sendTargets = new Int32Array(Math.max(1, ...model.transitions.map((t) => t.sends.length)));
    // Guards are tried only for transitions that leave the instance's current state (document order kept).
    this.byEvent = model.roles.map((r) => byKeyAndState(r, r.events.length, (t) => (t.trigger.kind === 'event' ? t.trigger.event : -1)));
    this.byMessage = model.roles.map((r) => byKeyAndState(r, model.messages.length, (t) => (t.trigger.kind === 'receive' ? t.trigger.message : -1)));
    this.restarts = model.roles.map((r) => byKeyAndState(r, 1, (t) => (t.trigger.kind === 'restart' ? 0 : -1)));
    const all = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)];
    this.stepInvariants = all.filter((i) => i.kind === 'step');
    this.stateInvariants = all.filter((i) => i.kind === 'state');
    this.hasStepInvariants = this.stepInvariants.length > 0;
    this.planBase = new Int32Array(model.roles.length);
    this.poolScans = [];
    this.eventPlans = [];
    const unguarded = (c: readonly TransitionV2[]): TransitionV2 | null => (c[0]!.guard === null ? c[0]! : null);
    // Taking `t` from state `st` without a channel writes nothing: no updates or sends, it stays (or
    // enters `st` again) with no durable state to record and no unflushed record, and no invariant
    // is checked across the step. Such a step (a message received again in the state it led to)
    // goes to the sink unchanged, exactly as applying it would. Never for a kind in a set: its receive removes it.
    const plain = (t: TransitionV2 | null, r: RoleV2): boolean =>
      t !== null && !this.hasStepInvariants && t.updates.length === 0 && PlainSends.fit(model, t) && t.invariants.length === 0 && r.record === null && (t.to < 0 || !(r.persistedSlot >= 0 && r.states[t.to]!.durable));
    const inert = (t: TransitionV2 | null, r: RoleV2, st: number): boolean => plain(t, r) && t!.sends.length === 0 && (t!.to < 0 || t!.to === st);
    const sendsOf = (t: TransitionV2 | null): PlainSends => PlainSends.of(model, t);
    for (const r of model.roles) {
      this.planBase[r.index] = this.poolScans.length;
      const states = r.states.length;
      const kinds = this.byMessage[r.index]!;
      const events = this.byEvent[r.index]!;
      for (let st = 0; st < states; st++) {
        const pool: PoolPlan[] = [];
        for (const m of model.messages) {
          const c = kinds[m.index * states + st]!;
          if (m.to !== r.index || !m.pool || c.length === 0) continue;
          const sender = model.roles[m.from]!;
          pool.push(new PoolPlan(m, c, unguarded(c), !m.consumed && inert(unguarded(c), r, st), !m.consumed && plain(unguarded(c), r), sendsOf(unguarded(c)), sender.instances, sender.first, m.payload.count, m.payload.fields));
        }
        this.poolScans.push(new PoolScan(pool));
        const evs: EventPlan[] = [];
        for (let e = 0; e < r.events.length; e++) {
          const c = events[e * states + st]!;
          if (c.length > 0) evs.push(new EventPlan(e, c, unguarded(c), plain(unguarded(c), r), sendsOf(unguarded(c)), r.events[e]!.payload.count, r.events[e]!.payload.fields));
        }
        this.eventPlans.push(evs);
      }
    }
    const net = model.network;
    this.codeKind = new Int32Array(net.codes + 1).fill(-1);
    this.reliableCode = new Uint8Array(net.codes + 1);
    for (const m of model.messages) {
      if (m.pool) continue;
      for (let p = 0; p < m.payload.count; p++) {
        this.codeKind[m.code + p] = m.index;
        this.reliableCode[m.code + p] = m.reliable ? 1 : 0;
      }
    }
    for (const [name, meaning] of callNameIndex(model.design)) if (meaning.what === 'replay') this.replayOf.set(name, meaning.event);
    this.tracksChange = model.checks.deadlock && model.roles.some((r) => r.states.some((s) => s.final));
  }

  /** Calls `sink` once per enabled step of `vec`, in the documented order. */
  forEachStep(vec: Float64Array, sink: StepSink): void {
    this.undo();
    this.next.set(vec);
    this.begin(vec);
    this.steps(vec, sink);
  }

  /**
   * `forEachStep` for `vec` when it is the array of the previous call, since changed at most in
   * the `count` slots listed in `changed` (an explorer's expanded configuration, unpacked in
   * place): only those are copied into the scratch vector.
   */
  forEachStepChanged(vec: Float64Array, changed: Int32Array, count: number, sink: StepSink): void {
    this.beginChanged(vec, changed, count);
    this.steps(vec, sink);
  }

  /**
   * The steps of `vec` in parts, for an explorer that takes some instances' steps from tables
   * (`localTables.ts`): `beginChanged` as `forEachStepChanged` starts, then `instanceSteps` for
   * every instance in order (role by role) and `globalSteps` make exactly `forEachStepChanged`'s
   * steps, in its order.
   */
  beginChanged(vec: Float64Array, changed: Int32Array, count: number): void {
    this.undo();
    if (vec !== this.current) this.next.set(vec);
    else for (let j = 0; j < count; j++) this.next[changed[j]!] = vec[changed[j]!]!;
    this.begin(vec);
  }

  private begin(vec: Float64Array): void {
    this.current = vec;
    // What `select` would set, for the steps whose one transition has no guard (`choose`).
    this.env.pre = vec;
    this.env.post = vec;
  }

  private steps(vec: Float64Array, sink: StepSink): void {
    const roles = this.model.roles;
    for (let ri = 0; ri < roles.length; ri++) {
      const role = roles[ri]!;
      for (let local = 0; local < role.instances; local++) this.instanceSteps(vec, role, local, sink);
    }
    this.globalSteps(vec, sink);
  }

  /** The steps instance `local` of `role` takes: receives from the pool, then from channels, then events (a restart when it is down). */
  instanceSteps(vec: Float64Array, role: RoleV2, local: number, sink: StepSink): void {
    const g = role.first + local;
    const base = role.bases[local]!;
    const modeSlot = role.modeSlot;
    if (modeSlot >= 0 && vec[base + modeSlot] === 1) {
      // A stopped instance (`"afterCrash": "stop"`) stays down: it takes no step at all.
      if (!role.stops) this.restart(vec, role, local, g, sink);
      return;
    }
    const state = vec[base + role.stateSlot]! | 0; // an int index: keyed loads stay fast
    const plans = this.planBase[role.index]!;
    // Kinds in the pool first (per-link models: a design may have both), then the channels, then events.
    // The pool slots this state receives from (`PoolScan`), tested here: a call only for a message present.
    const scan = this.poolScans[plans + state]!;
    const at = scan.at;
    const mul = scan.mul;
    for (let j = 0; j < at.length; j++) {
      const slot = at[j]! + local * mul[j]!;
      if (vec[slot] === 1) this.poolReceive(vec, role, local, g, scan, j, slot, sink);
    }
    if (this.model.network.channels.length > 0) this.channelReceives(vec, role, local, g, state, sink);
    const events = this.eventPlans[plans + state]!;
    if (events.length > 0) this.events(vec, role, local, g, events, sink);
  }

  /** The steps after every instance's: the network's faults, then crashes. */
  globalSteps(vec: Float64Array, sink: StepSink): void {
    const model = this.model;
    if (model.network.channels.length > 0) this.faults(vec, sink);
    if (model.crashSlot >= 0 && vec[model.crashSlot]! < model.crashes) {
      for (const role of model.roles) {
        if (role.modeSlot < 0) continue; // this role never crashes
        for (let local = 0; local < role.instances; local++) {
          const base = role.bases[local]!;
          // The role's own limit per instance, when it is below the design's budget.
          if (role.crashCountSlot >= 0 && vec[base + role.crashCountSlot]! >= role.crashes) continue;
          if (vec[base + role.modeSlot] === 0) this.crash(vec, role, local, role.first + local, sink);
        }
      }
    }
  }

  /**
   * For tables (`localTables.ts`): the pool slots whose presence alone decides every step an
   * instance of `role` takes in `state` (slot `at[j] + local * mul[j]`, tested in order), when
   * each transition it may take there is plain or inert (unguarded, fixed writes: the state it
   * enters and fixed pool messages, nothing taken out) and no channel can bring it a message;
   * else null. What such a step writes is then the same in every configuration.
   */
  localView(role: RoleV2, state: number): { readonly at: Int32Array; readonly mul: Int32Array } | null {
    if (this.model.network.channels.length > 0) return null;
    const plans = this.planBase[role.index]! + state;
    const scan = this.poolScans[plans]!;
    if (!scan.plans.every((p) => p.inert || p.plain)) return null;
    if (!this.eventPlans[plans]!.every((e) => e.plain)) return null;
    return scan;
  }

  /** Writes `values[j]` to `slots[j]` for j in [from, to) as a step would (journaled) and returns the successor, until `undo`. */
  applyWrites(slots: Int32Array, values: Float64Array, from: number, to: number): Float64Array {
    for (let j = from; j < to; j++) this.put(slots[j]!, values[j]!);
    return this.next;
  }

  /** State invariants of a configuration (design invariants once, role invariants per instance). */
  checkState(vec: Float64Array): ViolationV2[] {
    let out: ViolationV2[] | null = null;
    const env = this.checkEnv;
    env.pre = vec;
    env.post = vec;
    for (const inv of this.stateInvariants) {
      const v = this.holds(inv, env);
      if (v) (out ??= []).push(v);
    }
    return out ?? (NONE as ViolationV2[]);
  }

  private holds(inv: InvariantV2, env: EnvV2): ViolationV2 | null {
    const count = inv.role < 0 ? 1 : this.model.roles[inv.role]!.instances;
    for (let self = 0; self < count; self++) {
      env.self = self;
      try {
        if (inv.expr.evaluate(env) === 0) {
          const who = inv.role < 0 ? '' : ` for ${this.model.instances[this.model.roles[inv.role]!.first + self]!.name}`;
          return { kind: 'invariant', name: inv.name, detail: `${inv.name} is false${who}${witnessText(this.model, inv, env)}: ${inv.expr.text}`, step: false };
        }
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        return { kind: 'eval-error', name: inv.name, detail: `${inv.name} could not be evaluated: ${e.message}`, step: false };
      }
    }
    return null;
  }

  /** Receives the pool message in `slot`, the `j`th that `scan` lists for the instance's state (`PoolScan`). */
  private poolReceive(vec: Float64Array, role: RoleV2, local: number, g: number, scan: PoolScan, j: number, slot: number, sink: StepSink): void {
    const step = this.step;
    const plan = scan.plans[j]!;
    const s = scan.sender[j]!;
    const p = scan.payload[j]!;
    const direct = plan.unguarded;
    step.kind = 'receive';
    step.instance = g;
    step.channel = -1;
    step.position = -1;
    step.what = plan.message.index;
    if (plan.inert) {
      step.transition = direct!.index;
      step.payload = p;
      step.sender = plan.senderFirst + s;
      sink(step, this.next, NONE, false);
      return;
    }
    if (plan.plain) {
      step.transition = direct!.index;
      step.payload = p;
      step.sender = plan.senderFirst + s;
      this.enter(vec, role, local, direct!, plan.sends, sink);
      return;
    }
    if (plan.fields.length > 0) this.decodePayload(plan.fields, p);
    this.env.sender = s;
    if (direct !== null) this.choose(direct);
    else if (!this.select(vec, plan.candidates, local)) return;
    step.payload = p;
    step.sender = plan.senderFirst + s;
    // A set's message is taken out by its receive (docs/format-v2.md §6); the pool's stays.
    this.consumeSlot = plan.message.consumed ? slot : -1;
    this.take(vec, role, local, sink, -1, -1);
    this.consumeSlot = -1;
  }

  /** Receives from the channels to instance `g`: each channel's head, or every position when they reorder. */
  private channelReceives(vec: Float64Array, role: RoleV2, local: number, g: number, state: number, sink: StepSink): void {
    const model = this.model;
    const net = model.network;
    const step = this.step;
    const env = this.env;
    const kinds = this.byMessage[role.index]!;
    const states = role.states.length;
    const total = model.instances.length;
    for (let from = 0; from < total; from++) {
      const c = net.channelOf[from * total + g]!;
      if (c < 0) continue;
      const chBase = net.channels[c]!.base;
      const positions = net.reorder ? net.capacity : 1;
      for (let k = 0; k < positions; k++) {
        const code = vec[chBase + k]!;
        if (code === 0) break;
        if (net.reorder && earlierCopy(vec, chBase, k, code)) continue;
        const m = model.messages[this.codeKind[code]!]!;
        const p = code - m.code;
        this.decodePayload(m.payload.fields, p);
        const senderInstance = model.instances[from]!;
        env.sender = senderInstance.local;
        step.kind = 'receive';
        step.instance = g;
        step.what = m.index;
        step.payload = p;
        step.sender = from;
        step.channel = c;
        step.position = k;
        if (!this.select(vec, kinds[m.index * states + state]!, local)) {
          // `"unexpected": "wait"` (format-v2.md §6): it stays, as a TLA+ queue's head no action accepts.
          if (net.waitUnexpected) continue;
          // No transition takes it here: the message is consumed and ignored.
          this.selected.transition = null;
          this.selected.error = null;
        }
        this.take(vec, role, local, sink, chBase, k);
      }
    }
  }

  /** Internal and timer events: `plans`, those some transition takes from the instance's state, each with every payload. */
  private events(vec: Float64Array, role: RoleV2, local: number, g: number, plans: readonly EventPlan[], sink: StepSink): void {
    const step = this.step;
    // The step's fields that stay the same for every event of this instance (the sink never writes them).
    step.kind = 'event';
    step.instance = g;
    step.sender = -1;
    step.channel = -1;
    step.position = -1;
    for (let ei = 0; ei < plans.length; ei++) {
      const plan = plans[ei]!;
      const fields = plan.fields;
      const direct = plan.unguarded;
      step.what = plan.event;
      for (let p = 0; p < plan.payloads; p++) {
        if (plan.plain) {
          step.transition = direct!.index;
          step.payload = p;
          this.enter(vec, role, local, direct!, plan.sends, sink);
          continue;
        }
        if (fields.length > 0) this.decodePayload(fields, p);
        if (direct !== null) this.choose(direct);
        else if (!this.select(vec, plan.candidates, local)) continue;
        step.payload = p;
        this.take(vec, role, local, sink, -1, -1);
      }
    }
  }

  private restart(vec: Float64Array, role: RoleV2, local: number, g: number, sink: StepSink): void {
    const step = this.step;
    step.kind = 'restart';
    step.instance = g;
    step.what = -1;
    step.payload = 0;
    step.sender = -1;
    step.channel = -1;
    step.position = -1;
    if (!this.select(vec, this.restarts[role.index]![vec[role.bases[local]! + role.stateSlot]! | 0]!, local)) {
      this.selected.transition = null;
      this.selected.error = null;
    }
    this.take(vec, role, local, sink, -1, -1);
  }

  /** Selects a transition without a guard (the first candidate), as `select` would. */
  private choose(t: TransitionV2): void {
    this.selected.transition = t;
    this.selected.error = null;
  }

  /** The first of `candidates` (the transitions leaving the instance's state, in document order) whose guard is true. */
  private select(vec: Float64Array, candidates: readonly TransitionV2[], local: number): boolean {
    const env = this.env;
    env.pre = vec;
    env.post = vec;
    env.self = local;
    const selected = this.selected;
    for (let i = 0; i < candidates.length; i++) {
      const t = candidates[i]!;
      if (t.guard === null) {
        selected.transition = t;
        selected.error = null;
        return true;
      }
      try {
        if (t.guard.evaluate(env) !== 0) {
          selected.transition = t;
          selected.error = null;
          return true;
        }
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        selected.transition = t;
        selected.error = { kind: 'eval-error', name: t.name, detail: `The guard of ${t.name} failed: ${e.message}`, step: true };
        return true;
      }
    }
    return false;
  }

  /**
   * Applies the selected transition (or none) for the step in `this.step`: removes a received
   * channel message, sets the mode back to up on a restart, then updates, sends, the new state.
   */
  private take(vec: Float64Array, role: RoleV2, local: number, sink: StepSink, chBase: number, position: number): void {
    const model = this.model;
    const step = this.step;
    const { transition: t, error } = this.selected;
    step.transition = t === null ? -1 : t.index;
    this.blocked = false;
    if (error) {
      sink(step, null, [error], true);
      return;
    }
    const base = role.bases[local]!;
    if (chBase >= 0) this.removeAt(chBase, position, (model.network as { capacity: number }).capacity);
    if (this.consumeSlot >= 0) this.put(this.consumeSlot, 0);
    if (step.kind === 'restart') this.put(base + role.modeSlot, 0);
    let violations: ViolationV2[] | null = null;
    if (t !== null) {
      const env = this.env;
      env.pre = vec;
      env.self = local;
      try {
        const n = t.updates.length;
        for (let i = 0; i < n; i++) {
          const u = t.updates[i]!;
          this.values[i] = u.value(env);
          this.indices[i] = u.index === null ? 0 : u.index(env);
        }
        for (let i = 0; i < t.sends.length; i++) {
          const s = t.sends[i]!;
          this.sendTargets[i] = s.to === null ? 0 : s.to(env);
        }
        for (let i = 0; i < n; i++) {
          const u = t.updates[i]!;
          const v = this.values[i]!;
          const type = u.variable.type;
          if (type.kind === 'int' && (v < type.lo || v > type.hi)) {
            (violations ??= []).push({ kind: 'out-of-range', name: `${role.name}.${u.variable.name}`, detail: `${t.name} sets ${role.name}.${u.variable.name} to ${v}, outside [${type.lo}, ${type.hi}].`, step: true });
          }
          this.put(base + u.variable.offset + this.indices[i]!, v);
        }
        for (let i = 0; i < t.sends.length; i++) {
          const full = this.send(t, i, role, local, env);
          if (full) (violations ??= []).push(full);
        }
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        (violations ??= []).push({ kind: 'eval-error', name: t.name, detail: `${t.name} failed: ${e.message}`, step: true });
      }
      if (violations) {
        this.undo();
        // `"whenFull": "block"` (format-v2.md §6): a send to a full channel disables the step, as TLC's CONSTRAINT on a queue's length does.
        if (this.blocked) {
          this.blocked = false;
          return;
        }
        sink(step, null, violations, true);
        return;
      }
      if (t.to >= 0) {
        this.put(base + role.stateSlot, t.to);
        if (role.persistedSlot >= 0 && role.states[t.to]!.durable) this.put(base + role.persistedSlot, t.to);
      }
      if (role.record !== null) this.keepRecord(vec, role, base);
    }
    this.finish(vec, this.next, t, local, sink);
  }

  /**
   * Takes a plain transition `t` (unguarded, no updates, invariants, durable target or unflushed
   * record, sends only of fixed pool messages: `plain` in the constructor) for the step in
   * `this.step`: exactly what `take` does for it, which is setting its pool slots (`sends`, told
   * to `onSend` as `send` does) and entering its state.
   */
  private enter(vec: Float64Array, role: RoleV2, local: number, t: TransitionV2, sends: PlainSends, sink: StepSink): void {
    const slot = role.bases[local]! + role.stateSlot;
    const at = sends.at;
    if (at.length > 0) {
      const mul = sends.mul;
      for (let k = 0; k < at.length; k++) {
        if (this.onSend !== null) this.onSend(sends.message[k]!, sends.to[k]!, 0);
        this.put(at[k]! + local * mul[k]!, 1);
      }
      if (t.to >= 0) this.put(slot, t.to);
      sink(this.step, this.next, NONE, this.changed(vec));
      this.undo();
      return;
    }
    if (t.to < 0 || vec[slot] === t.to) {
      sink(this.step, this.next, NONE, false);
      return;
    }
    // `put` and `undo` for the one write, nothing journaled before it (no step is being applied).
    const next = this.next;
    next[slot] = t.to;
    this.written[0] = slot;
    this.writtenCount = 1;
    sink(this.step, next, NONE, true);
    next[slot] = vec[slot]!;
    this.writtenCount = 0;
  }

  /** One send of transition `t` (index `i`): into the pool, or appended to its channel; a payload field outside its int range is `out-of-range`, nothing sent. */
  private send(t: TransitionV2, i: number, role: RoleV2, local: number, env: EnvV2): ViolationV2 | null {
    const model = this.model;
    const next = this.next;
    const s = t.sends[i]!;
    const m = model.messages[s.message]!;
    const fields = m.payload.fields;
    let p = 0;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const v = s.payload[f]!(env);
      // Only an int field can be given a value outside its type (arithmetic); its payload index would name another message.
      const type = field.type;
      if (type.kind === 'int' && (v < type.lo || v > type.hi)) {
        return { kind: 'out-of-range', name: `${m.name}.${field.name}`, detail: `${t.name} sends ${m.name} with ${field.name} = ${v}, outside [${type.lo}, ${type.hi}].`, step: true };
      }
      p = p * field.values.length + (v - field.values[0]!);
    }
    const toRole = model.roles[m.to]!;
    const first = s.toAll ? 0 : this.sendTargets[i]!;
    const last = s.toAll ? toRole.instances - 1 : first;
    const net = model.network;
    for (let d = first; d <= last; d++) {
      if (s.except.length > 0 && excepted(s.except, env, d)) continue;
      if (this.onSend !== null) this.onSend(m.index, toRole.first + d, p);
      if (m.pool) {
        this.put(poolSlot(m, local, d, p), 1);
        continue;
      }
      const total = model.instances.length;
      const c = net.channelOf[(role.first + local) * total + toRole.first + d]!;
      const chBase = net.channels[c]!.base;
      let k = 0;
      while (k < net.capacity && next[chBase + k] !== 0) k++;
      if (k === net.capacity) {
        if (net.blockWhenFull) this.blocked = true;
        return { kind: 'channel-full', name: m.name, detail: `${t.name} sends ${m.name} to ${model.instances[toRole.first + d]!.name}, but that channel already holds ${net.capacity} message${net.capacity === 1 ? '' : 's'}, its capacity (a duplicate, a retry or a timer that fires again takes a slot too): raise "capacity" (at most 8), bound the sender, or carry ${m.name} in the pool with a link.`, step: true };
      }
      this.put(chBase + k, m.code + p);
    }
    return null;
  }

  /**
   * An unflushed record ("ack": "best-effort", docs/format-v2.md §7): when a step raises the flag,
   * the record on disk before the step (persisted state, durable vars) goes into the shadows;
   * when the flush lowers it, the shadows go back to their initial values (nothing to restore).
   */
  private keepRecord(vec: Float64Array, role: RoleV2, base: number): void {
    const rec = role.record!;
    const was = vec[base + rec.flag.offset]!;
    const now = this.next[base + rec.flag.offset]!;
    if (was === now) return;
    if (now === 1) {
      this.put(base + rec.state.offset, vec[base + (role.persistedSlot >= 0 ? role.persistedSlot : role.stateSlot)]!);
      for (const [d, sh] of rec.shadows) for (let k = 0; k < d.width; k++) this.put(base + sh.offset + k, vec[base + d.offset + k]!);
    } else {
      this.put(base + rec.state.offset, rec.state.initial);
      for (const [, sh] of rec.shadows) for (let k = 0; k < sh.width; k++) this.put(base + sh.offset + k, sh.initial);
    }
  }

  private crash(vec: Float64Array, role: RoleV2, local: number, g: number, sink: StepSink): void {
    const step = this.step;
    step.kind = 'crash';
    step.instance = g;
    step.transition = -1;
    step.what = -1;
    step.payload = 0;
    step.sender = -1;
    step.channel = -1;
    step.position = -1;
    const base = role.bases[local]!;
    this.put(base + role.modeSlot, 1);
    if (role.persistedSlot >= 0) this.put(base + role.stateSlot, vec[base + role.persistedSlot]!);
    const rec = role.record;
    if (rec !== null && vec[base + rec.flag.offset] === 1) {
      // Answered before it was durable: the record on disk is the shadow (the flag and shadows, volatile, are reset below).
      const persisted = vec[base + rec.state.offset]!;
      this.put(base + role.stateSlot, persisted);
      if (role.persistedSlot >= 0) this.put(base + role.persistedSlot, persisted);
      for (const [d, sh] of rec.shadows) for (let k = 0; k < d.width; k++) this.put(base + d.offset + k, vec[base + sh.offset + k]!);
    }
    for (const v of role.vars) if (v.storage === 'volatile') for (let k = 0; k < v.width; k++) this.put(base + v.offset + k, v.initial);
    if (role.crashCountSlot >= 0) this.put(base + role.crashCountSlot, vec[base + role.crashCountSlot]! + 1);
    this.put(this.model.crashSlot, vec[this.model.crashSlot]! + 1);
    this.finish(vec, this.next, null, local, sink);
  }

  private faults(vec: Float64Array, sink: StepSink): void {
    const model = this.model;
    const net = model.network;
    const step = this.step;
    const next = this.next;
    // A lossy network (format-v2.md §6) drops any message at any time, uncounted.
    const lossy = net.lossy;
    const canDrop = lossy || (model.dropSlot >= 0 && vec[model.dropSlot]! < net.drop);
    const canDuplicate = model.duplicateSlot >= 0 && vec[model.duplicateSlot]! < net.duplicate;
    if (!canDrop && !canDuplicate) return;
    const cap = net.capacity;
    for (let c = 0; c < net.channels.length && canDrop; c++) {
      const ch = net.channels[c]!;
      for (let k = 0; k < cap; k++) {
        const code = vec[ch.base + k]!;
        if (code === 0) break;
        if (this.reliableCode[code] === 1) continue;
        // Removing either of two equal neighbours (or, unordered, any equal copy) leaves the same channel.
        if (net.reorder ? earlierCopy(vec, ch.base, k, code) : k > 0 && vec[ch.base + k - 1] === code) continue;
        this.faultStep('drop', c, k, code);
        this.removeAt(ch.base, k, cap);
        if (!lossy) this.put(model.dropSlot, vec[model.dropSlot]! + 1);
        this.finish(vec, next, null, -1, sink);
      }
    }
    for (let c = 0; c < net.channels.length && canDuplicate; c++) {
      const ch = net.channels[c]!;
      if (vec[ch.base + cap - 1] !== 0) continue;
      let end = 0;
      while (vec[ch.base + end] !== 0) end++;
      for (let k = 0; k < end; k++) {
        const code = vec[ch.base + k]!;
        if (this.reliableCode[code] === 1 || earlierCopy(vec, ch.base, k, code)) continue;
        this.faultStep('duplicate', c, k, code);
        this.put(ch.base + end, code);
        this.put(model.duplicateSlot, vec[model.duplicateSlot]! + 1);
        this.finish(vec, next, null, -1, sink);
      }
    }
    void step;
  }

  private faultStep(kind: 'drop' | 'duplicate', c: number, k: number, code: number): void {
    const ch = this.model.network.channels[c]!;
    const m = this.model.messages[this.codeKind[code]!]!;
    const step = this.step;
    step.kind = kind;
    step.instance = ch.to;
    step.transition = -1;
    step.what = m.index;
    step.payload = code - m.code;
    step.sender = ch.from;
    step.channel = c;
    step.position = k;
  }

  /** Step invariants (and the transition's own) across the step, then hands it to the sink. */
  private finish(vec: Float64Array, next: Float64Array, t: TransitionV2 | null, local: number, sink: StepSink): void {
    let violations: ViolationV2[] | null = null;
    if (this.hasStepInvariants || (t !== null && t.invariants.length > 0)) {
      const env = this.checkEnv;
      env.pre = vec;
      env.post = next;
      env.payload = this.env.payload;
      env.sender = this.env.sender;
      for (const inv of this.stepInvariants) {
        const v = this.holds(inv, env);
        if (v) (violations ??= []).push(v);
      }
      if (t !== null) {
        for (const inv of t.invariants) {
          env.self = local;
          try {
            if (inv.expr.evaluate(env) === 0) (violations ??= []).push(this.transitionInvariantViolation(inv, t));
          } catch (e) {
            if (!(e instanceof EvaluationError)) throw e;
            (violations ??= []).push({ kind: 'eval-error', name: inv.name, detail: `${inv.name} could not be evaluated: ${e.message}`, step: false });
          }
        }
      }
    }
    sink(this.step, next, violations ?? NONE, this.changed(vec));
    this.undo();
  }

  private transitionInvariantViolation(inv: InvariantV2, t: TransitionV2): ViolationV2 {
    const call = this.replayOf.get(inv.name);
    if (call === undefined) return { kind: 'invariant', name: inv.name, detail: `${inv.name} is false across ${t.name}: ${inv.expr.text}`, step: false };
    return { kind: 'replay', name: call, detail: `A request of ${call} processed before was processed again by the transition "${t.name}", not from a dedupe table, and changed something or was answered differently than the first time.`, step: false };
  }

  /** Writes slot `i` of `next`, journaling it the first time in this step that it changes. */
  private put(i: number, v: number): void {
    if (this.dirty[i] === 0) {
      // Writing a slot its own value changes nothing: nothing to journal (a message received again).
      if (this.next[i] === v && !this.journalEvery) return;
      this.dirty[i] = 1;
      this.written[this.writtenCount++] = i;
    } else if (v === this.current[i]) this.rewritten = true;
    this.next[i] = v;
  }

  /** Puts the journaled slots of `next` back to the configuration being expanded. */
  undo(): void {
    const next = this.next;
    const from = this.current;
    for (let j = 0; j < this.writtenCount; j++) {
      const i = this.written[j]!;
      next[i] = from[i]!;
      this.dirty[i] = 0;
    }
    this.writtenCount = 0;
    this.rewritten = false;
  }

  private changed(vec: Float64Array): boolean {
    // Every journaled slot differs from `vec` unless one was written back.
    if (!this.rewritten) return this.writtenCount > 0;
    for (let j = 0; j < this.writtenCount; j++) {
      const i = this.written[j]!;
      if (this.next[i] !== vec[i]) return true;
    }
    return false;
  }

  /** Removes position k of the channel at `base`, shifting the later messages down. */
  private removeAt(base: number, k: number, cap: number): void {
    const next = this.next;
    for (let j = k; j < cap - 1; j++) this.put(base + j, next[base + j + 1]!);
    this.put(base + cap - 1, 0);
  }

  private decodePayload(fields: readonly { values: readonly number[] }[], p: number): void {
    const out = this.env.payload;
    for (let f = fields.length - 1; f >= 0; f--) {
      const values = fields[f]!.values;
      const n = values.length;
      out[f] = values[p % n]!;
      p = Math.floor(p / n);
    }
  }
}

/** Whether instance `d` is one a send to all leaves out (`except`, read before the step). */
function excepted(except: readonly ((env: EnvV2) => number)[], env: EnvV2, d: number): boolean {
  for (let k = 0; k < except.length; k++) if (except[k]!(env) === d) return true;
  return false;
}

function earlierCopy(vec: Float64Array, base: number, k: number, code: number): boolean {
  for (let j = 0; j < k; j++) if (vec[base + j] === code) return true;
  return false;
}

