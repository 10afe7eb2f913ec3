import { designNames } from './designScope';
import { BOOL, type Type } from './expr/types';
import type { ExprScope } from './expr/checker';
import { compileDesignExpression } from './expr/expression';
import {
  RESTART,
  type CompiledExpr,
  type DesignError,
  type EventModel,
  type InvariantModel,
  type Model,
  type StateModel,
  type TransitionModel,
  type ValueType,
  type VarModel,
} from './model';
import { toPointer } from './pointer';
import { RESTART_EVENT } from './restartEvent';
import type { Design } from './schema';
import { encodeValue, toValueType } from './valueTypes';

/**
 * Stage 5 of loading: checks and compiles every expression, then builds the indexed `Model`.
 * Runs after the semantic stage; when that stage found problems, only the expressions are
 * checked (to report everything at once) and no model is built.
 */
export function compileModel(design: Design, semanticErrors: readonly DesignError[]): { ok: true; model: Model } | { ok: false; errors: DesignError[] } {
  const errors: DesignError[] = [...semanticErrors];

  const { vars, events, fieldsOf, scopeFor } = designNames(design);
  const stateIndex = new Map<string, number>();
  design.states.forEach((s, i) => {
    if (!stateIndex.has(s.name)) stateIndex.set(s.name, i);
  });

  const compile = (text: string, path: (string | number)[], scope: ExprScope, expected: Type): CompiledExpr | null => {
    const result = compileDesignExpression(text, toPointer(path), scope, expected);
    if (result.ok) return result.expr;
    errors.push(...result.errors);
    return null;
  };

  const transitions: TransitionModel[] = [];
  design.transitions.forEach((t, k) => {
    const isRestart = t.event === RESTART_EVENT;
    const eventInfo = isRestart ? undefined : events.get(t.event);
    // An unknown event is reported already; its expressions would only echo that problem.
    if (!isRestart && eventInfo === undefined) return;
    const event: ExprScope['event'] = isRestart ? 'restart' : { name: t.event, fields: fieldsOf[eventInfo!.index]! };
    const guard = t.guard === undefined ? null : compile(t.guard, ['transitions', k, 'guard'], scopeFor('guard', event), BOOL);
    const updates = Object.entries(t.updates ?? {}).flatMap(([name, text]) => {
      const target = vars.get(name);
      if (!target) return [];
      const expr = compile(text, ['transitions', k, 'updates', name], scopeFor('update', event), target.type);
      return expr ? [{ var: target.index, expr }] : [];
    });
    const invariants: InvariantModel[] = (t.invariants ?? []).flatMap((inv, i) => {
      const expr = compile(inv.expr, ['transitions', k, 'invariants', i, 'expr'], scopeFor('transition invariant', event), BOOL);
      if (!expr) return [];
      const model: InvariantModel = { name: inv.name, kind: 'step', expr, transition: k, ...optional('description', inv.description) };
      return [model];
    });
    transitions.push({
      index: k,
      name: t.id ?? `#${k}`,
      ...optional('id', t.id),
      from: stateIndex.get(t.from) ?? -1,
      event: isRestart ? RESTART : eventInfo!.index,
      to: stateIndex.get(t.to) ?? -1,
      guard,
      updates,
      ack: t.ack ?? 'durable',
      reply: t.reply ?? 'ok',
      invariants,
      ...optional('description', t.description),
    });
  });

  const invariants: InvariantModel[] = design.invariants.flatMap((inv, i) => {
    const kind = inv.kind ?? 'state';
    const expr = compile(inv.expr, ['invariants', i, 'expr'], scopeFor(kind === 'step' ? 'step invariant' : 'state invariant', null), BOOL);
    if (!expr) return [];
    return [{ name: inv.name, kind, expr, ...optional('description', inv.description) }];
  });

  if (errors.length) return { ok: false, errors };
  return { ok: true, model: assemble(design, transitions, invariants) };
}

/** `{ key: value }` when value is defined, else `{}`: keeps absent optional fields absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function assemble(design: Design, transitions: TransitionModel[], invariants: InvariantModel[]): Model {
  const vars: VarModel[] = design.vars.map((v, index) => {
    const type = toValueType(v.type);
    return { name: v.name, index, type, storage: v.storage ?? 'durable', initial: encodeValue(type, v.initial) ?? 0, ...optional('description', v.description) };
  });
  const states: StateModel[] = design.states.map((s, index) => ({
    name: s.name,
    index,
    initial: s.initial === true,
    final: s.final === true,
    durable: (s.storage ?? 'durable') === 'durable',
    ...optional('description', s.description),
  }));
  const events: EventModel[] = design.events.map((e, index) => {
    const client = e.source === 'client';
    const payload = (e.payload ?? []).map((f, i) => ({ name: f.name, index: i, type: toValueType(f.type) }));
    return {
      name: e.name,
      index,
      source: e.source,
      payload,
      payloadValues: payloadValues(payload.map((f) => f.type)),
      maxAttempts: client ? (e.retry?.maxAttempts ?? 1) : 1,
      idempotency: client ? (e.idempotency ?? 'none') : 'none',
      unhandled: client ? (e.unhandled ?? 'reject') : 'reject',
      ...optional('afterMs', e.afterMs),
      ...optional('description', e.description),
    };
  });
  const candidates = states.map(() => events.map((): TransitionModel[] => []));
  const restarts = states.map((): TransitionModel[] => []);
  for (const t of transitions) {
    if (t.event === RESTART) restarts[t.from]!.push(t);
    else candidates[t.from]![t.event]!.push(t);
  }
  const env = design.environment;
  return {
    design,
    name: design.name,
    vars,
    states,
    events,
    transitions,
    invariants,
    environment: {
      requests: env?.requests ?? 1,
      drop: env?.network?.drop ?? 0,
      duplicate: env?.network?.duplicate ?? 0,
      reorder: env?.network?.reorder ?? false,
      crashes: env?.crashes ?? 0,
      deadlock: env?.checks?.deadlock ?? true,
      replay: env?.checks?.replay ?? true,
    },
    initialState: states.findIndex((s) => s.initial),
    candidates,
    restarts,
    clientEvents: events.filter((e) => e.source === 'client').map((e) => e.index),
    firedEvents: events.filter((e) => e.source !== 'client').map((e) => e.index),
    hasFinal: states.some((s) => s.final),
  };
}

/** Every payload value in `send` order: fields in order, each ascending, the last varying fastest. */
export function payloadValues(types: readonly ValueType[]): number[][] {
  let out: number[][] = [[]];
  for (const type of types) {
    const domain: number[] = [];
    if (type.kind === 'int') for (let v = type.lo; v <= type.hi; v++) domain.push(v);
    else if (type.kind === 'bool') domain.push(0, 1);
    else type.values.forEach((_, i) => domain.push(i));
    out = out.flatMap((prefix) => domain.map((v) => [...prefix, v]));
  }
  return out;
}
