import type { Model, TransitionModel } from '../../model/model';
import { boolContext, promelaExpr, varContext, type PromelaExpr } from './expr';
import type { Layout } from './layout';
import { currentScope, eventOf } from './scopes';
import { promelaComment } from './text';

/**
 * Guard selection and taking a transition (MODEL.md §5, §4 `fire`/`restart`), as Promela
 * statements inside one `d_step`. Any violation found while the step is computed (an erroring
 * guard or update, a value out of range, a replay) is `assert(0)`: the step violates, like the
 * explorer's step violations; which one it was is read back by replaying the trail in the engine.
 */

export type Taking = 'deliver' | 'fire' | 'restart';

function guardOf(model: Model, layout: Layout, t: TransitionModel): PromelaExpr | null {
  if (t.guard === null) return null;
  return promelaExpr(t.guard, boolContext(model, 'guard', eventOf(model, t.event)), currentScope(layout, eventOf(model, t.event)));
}

/** Is some transition of `candidates` selected (or does a guard fail on the way)? As one expression. */
export function selectable(model: Model, layout: Layout, candidates: readonly TransitionModel[]): string {
  const terms: string[] = [];
  for (const t of candidates) {
    const g = guardOf(model, layout, t);
    if (g === null) return `(${[...terms, '1'].join(' || ')})`;
    if (g.fails !== '0') terms.push(g.fails);
    terms.push(g.value);
  }
  return terms.length === 0 ? '0' : `(${terms.join(' || ')})`;
}

/** The statements choosing among `candidates` in document order; `none` runs when no guard holds. */
export function chain(model: Model, layout: Layout, candidates: readonly TransitionModel[], taking: Taking, none: string[]): string[] {
  if (candidates.length === 0) return none;
  const [t, ...rest] = candidates as [TransitionModel, ...TransitionModel[]];
  const g = guardOf(model, layout, t);
  const take = [promelaComment(`transition ${t.name}`), ...takeTransition(model, layout, t, taking)];
  if (g === null) return take;
  const choice = ['if', `:: ${g.value} ->`, ...indent(take), ':: else ->', ...indent(chain(model, layout, rest, taking, none)), 'fi;'];
  if (g.fails === '0') return choice;
  return ['if', `:: ${g.fails} -> assert(0)  /* the guard fails to evaluate */`, ':: else ->', ...indent(choice), 'fi;'];
}

/** The outcome code of a client transition (first outcomes, dedupe entries): 1 ok, 2 error, 3 noreply. */
function outcomeCode(t: TransitionModel): number {
  return t.ack === 'none' ? 3 : t.reply === 'ok' ? 1 : 2;
}

function takeTransition(model: Model, layout: Layout, t: TransitionModel, taking: Taking): string[] {
  const event = eventOf(model, t.event);
  const out: string[] = [];
  if (layout.tracksTransition) out.push(`ht = ${t.index + 1};`);
  for (const u of t.updates) {
    const v = model.vars[u.var]!;
    const e = promelaExpr(u.expr, varContext(model, event, v.type), currentScope(layout, event));
    if (e.fails !== '0') out.push(`if :: ${e.fails} -> assert(0) :: else -> skip fi;  /* the update of var ${v.index} fails to evaluate */`);
    out.push(`n${v.index} = ${e.value};`);
  }
  for (const u of t.updates) {
    const v = model.vars[u.var]!;
    if (v.type.kind === 'int') out.push(`assert(n${v.index} >= ${v.type.lo} && n${v.index} <= ${v.type.hi});  /* out of range */`);
  }
  const updated = [...new Set(t.updates.map((u) => u.var))];
  if (taking === 'deliver' && model.environment.replay) {
    const same = [`st == ${t.to}`, ...updated.map((i) => `n${i} == v${i}`), `fo[hr - 1] == ${outcomeCode(t)}`];
    out.push(`assert(fo[hr - 1] == 0 || (${same.join(' && ')}));  /* replay */`);
    out.push(`if :: fo[hr - 1] == 0 -> fo[hr - 1] = ${outcomeCode(t)} :: else -> skip fi;`);
  }
  out.push(`st = ${t.to};`);
  for (const i of updated) out.push(`v${i} = n${i}; n${i} = 0;`);
  if (taking !== 'deliver') {
    out.push('persist();');
    return out;
  }
  const e = model.events[t.event]!;
  const reply = t.reply === 'ok' ? 0 : 1;
  switch (t.ack) {
    case 'durable':
      out.push('persist();');
      if (e.idempotency !== 'none') out.push(`${e.idempotency === 'durable' ? 'dp' : 'dv'}[hr - 1] = ${reply + 1};`);
      out.push(`md = 1; bq = hr; bph = 0; brp = ${reply};`);
      break;
    case 'best-effort':
      if (e.idempotency === 'volatile') out.push(`dv[hr - 1] = ${reply + 1};`);
      out.push(`hm = hr * 2 + ${reply}; toC();`, `md = 1; bq = hr; bph = 1; brp = ${reply};`);
      break;
    case 'none':
      out.push('persist();');
      if (e.idempotency !== 'none') out.push(`${e.idempotency === 'durable' ? 'dp' : 'dv'}[hr - 1] = 3;`);
      break;
  }
  return out;
}

/** §5 for a delivered request `hr` of client event `e`: dedupe, then the transition or the unhandled rule. */
export function deliverBody(model: Model, layout: Layout, e: number): string[] {
  const event = model.events[e]!;
  const outcome = event.unhandled === 'reject' ? 2 : 3;
  const unhandled = [
    ...(event.unhandled === 'reject' ? ['hm = hr * 2 + 1; toC();'] : ['skip;']),
    ...(model.environment.replay
      ? [`assert(fo[hr - 1] == 0 || fo[hr - 1] == ${outcome});  /* replay */`, `if :: fo[hr - 1] == 0 -> fo[hr - 1] = ${outcome} :: else -> skip fi;`]
      : []),
  ];
  const byState = ['if'];
  model.states.forEach((s) => {
    const candidates = model.candidates[s.index]![e]!;
    if (candidates.length > 0) byState.push(`:: st == ${s.index} ->`, ...indent(chain(model, layout, candidates, 'deliver', unhandled)));
  });
  byState.push(':: else ->', ...indent(unhandled), 'fi;');
  if (event.idempotency === 'none') return byState;
  const table = event.idempotency === 'durable' ? 'dp' : 'dv';
  return [
    'if',
    `:: ${table}[hr - 1] != 0 ->  /* dedupe hit */`,
    `   if :: ${table}[hr - 1] != 3 -> hm = hr * 2 + ${table}[hr - 1] - 1; toC() :: else -> skip fi;`,
    ':: else ->',
    ...indent(byState),
    'fi;',
  ];
}

/** `fire` or `restart`: the state's candidates; `restart` with none just comes back up. */
export function takeBody(model: Model, layout: Layout, event: number | 'restart'): string[] {
  const lines = ['if'];
  model.states.forEach((s) => {
    const candidates = event === 'restart' ? model.restarts[s.index]! : model.candidates[s.index]![event]!;
    if (candidates.length > 0) lines.push(`:: st == ${s.index} ->`, ...indent(chain(model, layout, candidates, event === 'restart' ? 'restart' : 'fire', ['skip;'])));
  });
  lines.push(':: else -> skip', 'fi;');
  return lines;
}

/** Is `fire E` enabled (mode up, some transition selected or a guard failing)? */
export function fireEnabled(model: Model, layout: Layout, event: number): string {
  const terms: string[] = [];
  model.states.forEach((s) => {
    const candidates = model.candidates[s.index]![event]!;
    if (candidates.length > 0) terms.push(`(st == ${s.index} && ${selectable(model, layout, candidates)})`);
  });
  return terms.length === 0 ? '0' : `(${terms.join(' || ')})`;
}

export function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `   ${l}`);
}
