import { selectTransition } from '../../engine/select';
import { evaluateUpdates } from '../../engine/updates';
import { EvaluationError, showValue, type EvalEnv, type EvalFrame, type InvariantModel, type Model, type TransitionModel, type ValueType } from '../../model/model';
import type { MonitorCounts, MonitorDesign, MonitorVerdict, MonitorWorld, Value, Vars } from './monitorCore';

/**
 * The monitor's view of a loaded design, on the model's own compiled expressions and the engine's
 * transition choice and updates: what the command line's `monitor` checks a log with. The
 * exported monitor gets the same view from the exported TypeScript module instead (`export.ts`).
 */
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
  const encoded = new WeakMap<MonitorWorld, number[]>();
  const varsOf = (w: MonitorWorld): number[] => {
    let vars = encoded.get(w);
    if (vars === undefined) {
      vars = model.vars.map((v) => encode(v.type, w[v.storage][v.name]) ?? v.initial);
      encoded.set(w, vars);
    }
    return vars;
  };
  const worldOf = (state: number, vars: readonly number[]): MonitorWorld => {
    const parts: Record<'durable' | 'volatile' | 'ghost', Record<string, Value>> = { durable: {}, volatile: {}, ghost: {} };
    for (const v of model.vars) parts[v.storage][v.name] = showValue(v.type, vars[v.index]!);
    const w: MonitorWorld = { state: model.states[state]!.name, ...parts };
    encoded.set(w, vars.slice());
    return w;
  };
  const frame = (w: MonitorWorld, counts: MonitorCounts | null): EvalFrame => {
    const per = (r: Record<string, number> | undefined) => model.events.map((e) => r?.[e.name] ?? 0);
    return {
      state: stateIndex.get(w.state) ?? model.initialState,
      vars: varsOf(w),
      sent: per(counts?.sent),
      acked: per(counts?.acked),
      failed: per(counts?.failed),
      ambiguous: per(counts?.ambiguous),
      crashes: counts?.crashes ?? 0,
    };
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
  const payloads = new WeakMap<Vars, number[] | string>();
  const payloadOf = (event: number, payload: Vars): number[] | string => {
    let p = payloads.get(payload);
    if (p === undefined) {
      // The same words as the exported module's parseRequest, so both monitors report alike.
      const fields = model.events[event]!.payload;
      const values = fields.map((f) => encode(f.type, payload[f.name]));
      const issues = [
        ...Object.keys(payload).filter((k) => !fields.some((f) => f.name === k)).map((k) => `event.payload.${k}: unknown key`),
        ...fields.filter((_f, i) => values[i] === null).map((f) => `event.payload.${f.name}: ${expected(f.type)}`),
      ];
      p = issues.length > 0 ? issues.join('; ') : (values as number[]);
      payloads.set(payload, p);
    }
    return p;
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
