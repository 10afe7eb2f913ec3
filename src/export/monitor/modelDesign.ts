import { selectTransition } from '../../engine/select';
import { evaluateUpdates } from '../../engine/updates';
import { EvaluationError, showValue, type EvalEnv, type EvalFrame, type InvariantModel, type Model, type TransitionModel, type ValueType } from '../../model/model';
import type { MonitorCounts, MonitorDesign, MonitorVerdict, MonitorWorld, Value, Vars } from './monitorCore';

/**
 * The monitor's view of a loaded design, on the model's own compiled expressions and the engine's
 * transition choice and updates: what the command line's `monitor` checks a log with. The
 * exported monitor gets the same view from the exported TypeScript module instead (`export.ts`).
 */
const EMPTY_PAYLOAD: Vars = Object.freeze({});

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
  // The world just built or read is almost always the next one asked about: a one-entry cache
  // (a WeakMap entry per line cost more than the encoding it saved).
  let cachedWorld: MonitorWorld | null = null;
  let cachedVars: number[] = [];
  const varsOf = (w: MonitorWorld): number[] => {
    if (w !== cachedWorld) {
      cachedVars = model.vars.map((v) => encode(v.type, w[v.storage][v.name]) ?? v.initial);
      cachedWorld = w;
    }
    return cachedVars;
  };
  const worldOf = (state: number, vars: readonly number[]): MonitorWorld => {
    const parts: Record<'durable' | 'volatile' | 'ghost', Record<string, Value>> = { durable: {}, volatile: {}, ghost: {} };
    for (const v of model.vars) parts[v.storage][v.name] = showValue(v.type, vars[v.index]!);
    const w: MonitorWorld = { state: model.states[state]!.name, ...parts };
    cachedWorld = w;
    cachedVars = vars.slice();
    return w;
  };
  const readsCounts = [...model.invariants, ...model.transitions.flatMap((t) => t.invariants)].some((i) => i.expr.readsObservables);
  const NONE: readonly number[] = model.events.map(() => 0);
  const frame = (w: MonitorWorld, counts: MonitorCounts | null): EvalFrame => {
    const state = stateIndex.get(w.state) ?? model.initialState;
    // Counts cost four arrays a frame: built only when some invariant reads them.
    if (counts === null || !readsCounts) return { state, vars: varsOf(w), sent: NONE, acked: NONE, failed: NONE, ambiguous: NONE, crashes: counts?.crashes ?? 0 };
    const per = (r: Record<string, number>) => model.events.map((e) => r[e.name] ?? 0);
    return { state, vars: varsOf(w), sent: per(counts.sent), acked: per(counts.acked), failed: per(counts.failed), ambiguous: per(counts.ambiguous), crashes: counts.crashes };
  };
  const take = (w: MonitorWorld, candidates: readonly TransitionModel[], payload: readonly number[]): MonitorVerdict => {
    const env: EvalEnv = { pre: frame(w, null), post: null, payload };
    const selection = selectTransition(candidates, env);
    if (selection.kind === 'error') return { kind: 'fault', message: `guard of ${selection.transition.name}: ${selection.message}` };
    if (selection.kind === 'none') return { kind: 'ignore' };
    const t = selection.transition;
    const updates = evaluateUpdates(model, t, varsOf(w), env);
    if (!updates.ok) return { kind: 'fault', message: updates.violations.map((v) => v.detail).join('; ') };
    const event = t.event >= 0 ? model.events[t.event]! : null;
    const client = event?.source === 'client';
    return {
      kind: 'apply',
      transition: t.name,
      next: worldOf(t.to, updates.vars),
      ack: client ? t.ack : 'none',
      reply: client && t.ack !== 'none' ? t.reply : null,
    };
  };
  const payloadOf = (event: number, payload: Vars): number[] | string => {
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
  const holds = (inv: InvariantModel, env: EvalEnv): boolean => {
    try {
      return inv.expr.evaluate(env) !== 0;
    } catch (error) {
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  };
  const transitionByName = new Map(model.transitions.map((t) => [t.name, t]));
  const initialVars = model.vars.map((v) => v.initial);
  return {
    name: model.name,
    initial: worldOf(model.initialState, initialVars),
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
      const pre = frame(before, counts.before);
      const post = frame(after, counts.after);
      const out: string[] = [];
      const t = transition === null ? undefined : transitionByName.get(transition);
      const p = t && t.event >= 0 ? payloadOf(t.event, payload) : [];
      const stepEnv: EvalEnv = { pre, post, payload: typeof p === 'string' ? [] : p };
      for (const inv of model.invariants) {
        const env: EvalEnv = inv.kind === 'state' ? { pre: post, post: null, payload: [] } : stepEnv;
        if (!holds(inv, env)) out.push(inv.name);
      }
      for (const inv of t?.invariants ?? []) if (!holds(inv, stepEnv)) out.push(inv.name);
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
