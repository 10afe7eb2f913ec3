import { selectTransition } from '../../engine/select';
import { evaluateUpdates } from '../../engine/updates';
import { EvaluationError, showValue, type EvalEnv, type EvalFrame, type InvariantModel, type Model, type TransitionModel, type ValueType } from '../../model/model';
import type { Violation } from '../../engine/violation';
import type { MonitorCounts, MonitorDesign, MonitorVerdict, MonitorWorld, Value, Vars } from './monitorCore';

/**
 * The monitor's view of a loaded design, on the model's own compiled expressions and the engine's
 * transition choice and updates: what the command line's `monitor` checks a log with. The
 * exported monitor gets the same view from the exported TypeScript module instead (`export.ts`).
 */
const EMPTY_PAYLOAD: Vars = Object.freeze({});
/** Distinct worlds kept interned (see `intern`): past it the table starts over, so memory stays bounded. */
const MAX_WORLDS = 4096;
const NO_PAYLOAD: readonly number[] = Object.freeze([]);
/** What `broken` returns when everything holds (most steps): no array per step. */
const NOTHING_BROKEN: string[] = [];

export function modelMonitorDesign(model: Model): MonitorDesign {
  const stateIndex = new Map(model.states.map((s) => [s.name, s.index]));
  const eventIndex = new Map(model.events.map((e) => [e.name, e.index]));

  const encode = (type: ValueType, value: Value | undefined): number | null => {
    switch (type.kind) {
      case 'int':
        return typeof value === 'number' && Number.isInteger(value) && value >= type.lo && value <= type.hi ? value : null;
      case 'bool':
        return typeof value === 'boolean' ? (value ? 1 : 0) : null;
      case 'enum': {
        const i = typeof value === 'string' ? type.values.indexOf(value) : -1;
        return i >= 0 ? i : null;
      }
    }
  };
  // Worlds are interned: a design's transitions keep coming back to the same few configurations,
  // so each (state, vars) is built once, with its encoded vars and its frame beside it. A trie keyed
  // by state then each var's value finds one without building a key; past MAX_WORLDS it starts over.
  interface Interned {
    readonly world: MonitorWorld;
    readonly vars: readonly number[];
    /** The frame invariants and guards read when no counts are involved. */
    readonly frame: EvalFrame;
    /** Per state invariant: one that reads no counts is broken in this world (computed once asked). */
    plainBroken: boolean[] | null;
  }
  type Trie = Map<number, Trie | Interned>;
  let trie: Trie = new Map();
  let internedCount = 0;
  let interned = new Map<MonitorWorld, Interned>();
  const NONE: readonly number[] = model.events.map(() => 0);
  const build = (state: number, vars: readonly number[]): Interned => {
    const parts: Record<'durable' | 'volatile' | 'ghost', Record<string, Value>> = { durable: {}, volatile: {}, ghost: {} };
    for (const v of model.vars) parts[v.storage][v.name] = showValue(v.type, vars[v.index]!);
    const world: MonitorWorld = { state: model.states[state]!.name, ...parts };
    const copy = vars.slice();
    return { world, vars: copy, frame: { state, vars: copy, sent: NONE, acked: NONE, failed: NONE, ambiguous: NONE, crashes: 0 }, plainBroken: null };
  };
  const intern = (state: number, vars: readonly number[]): Interned => {
    let node: Trie = trie;
    let key = state;
    for (let i = 0; i < vars.length; i++) {
      let next = node.get(key) as Trie | undefined;
      if (next === undefined) node.set(key, (next = new Map()));
      node = next;
      key = vars[i]!;
    }
    let entry = node.get(key) as Interned | undefined;
    if (entry === undefined) {
      if (internedCount >= MAX_WORLDS) {
        trie = new Map();
        interned = new Map();
        internedCount = 0;
        return intern(state, vars);
      }
      entry = build(state, vars);
      node.set(key, entry);
      interned.set(entry.world, entry);
      internedCount++;
    }
    return entry;
  };
  // A world the monitor built itself (after a crash) is encoded once and kept for the next ask.
  let foreign: MonitorWorld | null = null;
  let foreignEntry: Interned | null = null;
  const entryOf = (w: MonitorWorld): Interned => {
    const known = interned.get(w);
    if (known !== undefined) return known;
    if (w !== foreign) {
      foreign = w;
      foreignEntry = intern(stateIndex.get(w.state) ?? model.initialState, model.vars.map((v) => encode(v.type, w[v.storage][v.name]) ?? v.initial));
    }
    return foreignEntry!;
  };
  const readsCounts = [...model.invariants, ...model.transitions.flatMap((t) => t.invariants)].some((i) => i.expr.readsObservables);
  const frame = (w: MonitorWorld, counts: MonitorCounts | null): EvalFrame => {
    const entry = entryOf(w);
    // Counts cost four arrays a frame: built only when some invariant reads them.
    if (counts === null || !readsCounts) return entry.frame;
    const per = (r: Record<string, number>) => model.events.map((e) => r[e.name] ?? 0);
    return { state: entry.frame.state, vars: entry.vars, sent: per(counts.sent), acked: per(counts.acked), failed: per(counts.failed), ambiguous: per(counts.ambiguous), crashes: counts.crashes };
  };
  const take = (w: MonitorWorld, candidates: readonly TransitionModel[], payload: readonly number[]): MonitorVerdict => {
    const env: EvalEnv = { pre: frame(w, null), post: null, payload };
    const selection = selectTransition(candidates, env);
    if (selection.kind === 'error') return { kind: 'fault', message: `guard of ${selection.transition.name}: ${selection.message}` };
    if (selection.kind === 'none') return { kind: 'ignore' };
    const t = selection.transition;
    const updates = evaluateUpdates(model, t, env.pre.vars as readonly number[], env);
    if (!updates.ok) return { kind: 'fault', message: updateFault(updates.violations[0]!, updates.vars) };
    const event = t.event >= 0 ? model.events[t.event]! : null;
    const client = event?.source === 'client';
    return {
      kind: 'apply',
      transition: t.name,
      next: intern(t.to, updates.vars).world,
      ack: client ? t.ack : 'none',
      reply: client && t.ack !== 'none' ? t.reply : null,
    };
  };
  // `broken` asks again about the payload `decide` just encoded: a one-entry cache.
  let lastPayload: Vars | null = null;
  let lastEvent = -1;
  let lastEncoded: number[] | string = [];
  const payloadOf = (event: number, payload: Vars): number[] | string => {
    if (payload !== lastPayload || event !== lastEvent) {
      lastEncoded = encodePayload(event, payload);
      lastPayload = payload;
      lastEvent = event;
    }
    return lastEncoded;
  };
  const encodePayload = (event: number, payload: Vars): number[] | string => {
    const fields = model.events[event]!.payload;
    if (fields.length === 0 && payload === EMPTY_PAYLOAD) return [];
    const values = fields.map((f) => encode(f.type, payload[f.name]));
    let extra = false;
    for (const k in payload) if (!fields.some((f) => f.name === k)) extra = true;
    if (!extra && values.every((v) => v !== null)) return values as number[];
    // The same words as the exported module's parseRequest, so both monitors report alike.
    const issues = [
      ...Object.keys(payload).filter((k) => !fields.some((f) => f.name === k)).map((k) => `event.payload.${k}: unknown key`),
      ...fields.filter((_f, i) => values[i] === null).map((f) => `event.payload.${f.name}: ${expected(f.type)}`),
    ];
    return issues.join('; ');
  };
  // The exported module stops at the first var out of its range and words it so: both monitors report alike.
  const updateFault = (v: Violation, vars: readonly number[] | null): string => {
    const target = v.kind === 'out-of-range' ? model.vars.find((x) => x.name === v.name) : undefined;
    if (target === undefined || target.type.kind !== 'int' || vars === null) return v.detail;
    return `${target.name}: value ${vars[target.index]!} outside ${target.type.lo}..${target.type.hi}`;
  };
  const holds = (inv: InvariantModel, env: EvalEnv): boolean => {
    try {
      return inv.expr.evaluate(env) !== 0;
    } catch (error) {
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  };
  // Reported in document order: state invariants, step invariants, then the transition's own.
  const stateInvariants = model.invariants.filter((i) => i.kind === 'state');
  const stepInvariants = model.invariants.filter((i) => i.kind !== 'state');
  const transitionByName = new Map(model.transitions.map((t) => [t.name, t]));
  const initialVars = model.vars.map((v) => v.initial);
  return {
    name: model.name,
    initial: intern(model.initialState, initialVars).world,
    events: Object.fromEntries(model.events.map((e) => [e.name, { source: e.source, idempotency: e.idempotency }])),
    durableStates: new Set(model.states.filter((s) => s.durable).map((s) => s.name)),
    countsAcross: countsAcross(model),
    decide(world, event, payload) {
      const e = eventIndex.get(event)!;
      const state = stateIndex.get(world.state) ?? model.initialState;
      const p = payloadOf(e, payload);
      if (typeof p === 'string') return { kind: 'fault', message: p };
      const verdict = take(world, model.candidates[state]![e]!, p);
      if (verdict.kind === 'ignore' && model.events[e]!.source === 'client' && model.events[e]!.unhandled === 'reject') return { kind: 'reject' };
      return verdict;
    },
    restart(world) {
      return take(world, model.restarts[stateIndex.get(world.state) ?? model.initialState]!, []);
    },
    broken(before, after, counts, transition, payload) {
      const post = frame(after, counts.after);
      const t = transition === null ? undefined : transitionByName.get(transition);
      let out: string[] = NOTHING_BROKEN;
      // State invariants that read no counts depend on the world alone: evaluated once per world.
      const entry = entryOf(after);
      const plain = (entry.plainBroken ??= stateInvariants.map((inv) => !inv.expr.readsObservables && !holds(inv, { pre: entry.frame, post: null, payload: NO_PAYLOAD })));
      const env: EvalEnv = { pre: post, post: null, payload: NO_PAYLOAD };
      for (let i = 0; i < stateInvariants.length; i++) {
        const inv = stateInvariants[i]!;
        if (inv.expr.readsObservables ? !holds(inv, env) : plain[i]) (out === NOTHING_BROKEN ? (out = []) : out).push(inv.name);
      }
      const transitionInvariants = t?.invariants ?? [];
      if (stepInvariants.length === 0 && transitionInvariants.length === 0) return out;
      const p = t && t.event >= 0 ? payloadOf(t.event, payload) : NO_PAYLOAD;
      const stepEnv: EvalEnv = { pre: frame(before, counts.before), post, payload: typeof p === 'string' ? NO_PAYLOAD : p };
      for (const inv of stepInvariants) if (!holds(inv, stepEnv)) (out === NOTHING_BROKEN ? (out = []) : out).push(inv.name);
      for (const inv of transitionInvariants) if (!holds(inv, stepEnv)) (out === NOTHING_BROKEN ? (out = []) : out).push(inv.name);
      return out;
    },
  };
}

function expected(type: ValueType): string {
  switch (type.kind) {
    case 'int':
      return `an integer in ${type.lo}..${type.hi}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${type.values.join(', ')}`;
  }
}

/** Some step or transition invariant reads the client counts (before the step, or after it). */
export function countsAcross(model: Model): boolean {
  return [...model.invariants.filter((i) => i.kind === 'step'), ...model.transitions.flatMap((t) => t.invariants)].some((i) => i.expr.readsObservables);
}
