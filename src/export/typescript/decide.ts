import type { Expr } from '../../model/ast';
import type { Model, TransitionModel } from '../../model/model';
import type { ParsedTransition } from '../expressions';
import { tsDoc, tsKey, tsMember, tsString } from './escape';
import { translate, type NameScope } from './expr';
import { eventOf, param, readsField, readsRecord, varNamed, type TsContext } from './context';

/**
 * `decide` and `decideRestart`: the pure core of MODEL.md §5. For each (event, state) the
 * candidate transitions are tried in document order and the first true guard wins; updates
 * read the snapshot before the step (simultaneous assignment) and int results are range-checked.
 */

function decideScope(model: Model): NameScope {
  const fail = (): never => {
    throw new Error('bug: observables outside invariants');
  };
  return {
    variable: (name) => {
      const v = varNamed(model, name);
      return v.storage === 'ghost' ? tsMember('ghost', name) : tsMember(`snapshot.${v.storage}`, name);
    },
    state: () => 'snapshot.state',
    field: (name) => tsMember('event.payload', name),
    observable: fail,
    crashes: fail,
  };
}

interface Reads {
  readonly snapshot: boolean;
  readonly ghost: boolean;
  readonly event: boolean;
}

function reads(model: Model, exprs: readonly (Expr | null)[]): Reads {
  return {
    snapshot: exprs.some((e) => readsRecord(model, e, 'durable') || readsRecord(model, e, 'volatile') || readsRecord(model, e, 'state')),
    ghost: exprs.some((e) => readsRecord(model, e, 'ghost')),
    event: exprs.some(readsField),
  };
}

function params(model: Model, t: TransitionModel, r: Reads): string {
  const event = eventOf(model, t);
  const list = [`${param('snapshot', r.snapshot)}: Snapshot`, `${param('ghost', r.ghost)}: Ghost`];
  if (event && r.event) list.push(`event: EventOf<${tsString(event.name)}>`);
  return list.join(', ');
}

function args(model: Model, t: TransitionModel, r: Reads): string {
  return eventOf(model, t) && r.event ? 'snapshot, ghost, event' : 'snapshot, ghost';
}

function guardFunction(ctx: TsContext, pt: ParsedTransition): string {
  if (!pt.guard) return '';
  const { model } = ctx;
  const t = pt.model;
  ctx.used.add('at');
  const body = translate(pt.guard, decideScope(model), ctx.used);
  return `function guard${t.index}(${params(model, t, reads(model, [pt.guard]))}): boolean {
  return at(${tsString(t.name)}, () => ${body});
}`;
}

function takeFunction(ctx: TsContext, pt: ParsedTransition): string {
  const { model } = ctx;
  const t = pt.model;
  const event = eventOf(model, t);
  const scope = decideScope(model);
  const r = reads(model, pt.updates.map((u) => u.expr));
  const lines: string[] = [];
  if (pt.updates.length > 0) {
    ctx.used.add('at');
    const computed = pt.updates.map((u) => `${tsKey(u.target.name)}: ${translate(u.expr, scope, ctx.used)}`);
    lines.push(`  // Every update reads the snapshot before the step (simultaneous assignment).`);
    const keys = pt.updates.map((u) => tsString(u.target.name)).join(' | ');
    lines.push(`  const values: Pick<Vars, ${keys}> = at(${tsString(t.name)}, () => ({ ${computed.join(', ')} }));`);
  }
  const value = (name: string): string => {
    const v = varNamed(model, name);
    const read = tsMember('values', name);
    if (v.type.kind !== 'int') return read;
    ctx.used.add('within');
    return `within(${tsString(name)}, ${read}, ${v.type.lo}, ${v.type.hi})`;
  };
  const updates = pt.updates.map((u) => `${tsKey(u.target.name)}: ${value(u.target.name)}`);
  if (updates.length > 0) lines.push(`  const updates = { ${updates.join(', ')} };`);
  const assigned = (storage: 'durable' | 'volatile' | 'ghost'): string => {
    const own = pt.updates.filter((u) => u.target.storage === storage);
    const base = storage === 'ghost' ? 'ghost' : `snapshot.${storage}`;
    if (own.length === 0) return base;
    return `{ ...${base}, ${own.map((u) => `${tsKey(u.target.name)}: ${tsMember('updates', u.target.name)}`).join(', ')} }`;
  };
  const target = model.states[t.to]!.name;
  const client = event?.source === 'client';
  const ack = client ? t.ack : 'none';
  const reply = client && t.ack !== 'none' ? tsString(t.reply) : 'null';
  const from = model.states[t.from]!.name;
  const label = `${t.name}: ${from} --${event ? event.name : '$restart'}--> ${target}`;
  return `${tsDoc(label, t.description)}function take${t.index}(${params(model, t, { ...r, snapshot: true, ghost: true })}): Decision {
${lines.join('\n')}
  return {
    kind: "apply",
    transition: ${tsString(t.name)},
    target: ${tsString(target)},
    updates: ${updates.length > 0 ? 'updates' : '{}'},
    next: { state: ${tsString(target)}, durable: ${assigned('durable')}, volatile: ${assigned('volatile')} },
    ghost: ${assigned('ghost')},
    ack: ${tsString(ack)},
    reply: ${reply},
  };
}`;
}

/** The `if (guard) return take` chain for one (state, event), ending in `fallback`. */
function chain(ctx: TsContext, candidates: readonly TransitionModel[], fallback: string): string {
  const lines: string[] = [];
  for (const t of candidates) {
    const pt = ctx.design.transitions[t.index]!;
    const a = args(ctx.model, t, reads(ctx.model, pt.updates.map((u) => u.expr)));
    const take = `return take${t.index}(${a});`;
    if (!pt.guard) {
      lines.push(take);
      return lines.join('\n');
    }
    const g = args(ctx.model, t, reads(ctx.model, [pt.guard]));
    lines.push(`if (guard${t.index}(${g})) ${take}`);
  }
  lines.push(fallback);
  return lines.join('\n');
}

/** `switch (snapshot.state)` over every state, states without candidates grouped into one case. */
function stateSwitch(ctx: TsContext, candidatesOf: (state: number) => readonly TransitionModel[], fallback: string): string {
  const { model } = ctx;
  const idle: string[] = [];
  const cases: string[] = [];
  for (const s of model.states) {
    const c = candidatesOf(s.index);
    if (c.length === 0) idle.push(s.name);
    else cases.push(`case ${tsString(s.name)}: {\n${chain(ctx, c, fallback)}\n}`);
  }
  if (idle.length > 0) cases.push(`${idle.map((n) => `case ${tsString(n)}:`).join('\n')}\n${fallback}`);
  ctx.used.add('unreachable');
  return `switch (snapshot.state) {\n${cases.join('\n')}\ndefault:\nreturn unreachable(snapshot.state);\n}`;
}

export function decideSection(ctx: TsContext): string {
  const { model, design } = ctx;
  const functions = design.transitions.flatMap((pt) => [guardFunction(ctx, pt), takeFunction(ctx, pt)]).filter((s) => s !== '');
  let usesCached = false;
  let usesSnapshot = false;
  const eventCases = model.events.map((e) => {
    const fallback = e.source === 'client' && e.unhandled === 'reject' ? 'return { kind: "reject", reply: "error" };' : 'return { kind: "ignore" };';
    const dedupe = e.source === 'client' && e.idempotency !== 'none';
    if (dedupe) usesCached = true;
    const candidates = model.states.map((s) => model.candidates[s.index]![e.index]!);
    const body = candidates.some((c) => c.length > 0) ? stateSwitch(ctx, (s) => candidates[s]!, fallback) : fallback;
    if (body !== fallback) usesSnapshot = true;
    const cached = dedupe ? 'if (context.cached !== undefined) return { kind: "duplicate", reply: context.cached };\n' : '';
    return `case ${tsString(e.name)}: {\n${cached}${body}\n}`;
  });
  ctx.used.add('unreachable');
  // A one-member union is no union: TypeScript narrows its \`type\` to never, not the event itself.
  const decideBody =
    model.events.length === 0
      ? 'return unreachable(event);'
      : `switch (event.type) {\n${eventCases.join('\n')}\ndefault:\nreturn unreachable(${model.events.length === 1 ? 'event.type' : 'event'});\n}`;
  const usesGhost = usesSnapshot;
  const hasRestarts = model.restarts.some((r) => r.length > 0);
  const restartBody = hasRestarts ? stateSwitch(ctx, (s) => model.restarts[s]!, 'return { kind: "ignore" };') : 'return { kind: "ignore" };';
  return `
${functions.join('\n\n')}

/**
 * Decides what an event does in a snapshot (MODEL.md §5): pure, no I/O. Throws \`ProtocolFault\`
 * when a guard or update divides by zero, leaves ±2^53, or assigns a var outside its type.
 */
export function decide(${param('snapshot', usesSnapshot)}: Snapshot, event: MachineEvent, ${param('context', usesCached || usesGhost)}: DecideContext = {}): Decision {
${usesGhost ? 'const ghost = context.ghost ?? initialGhost;' : ''}
${decideBody}
}

/** The \`$restart\` transition taken when the machine comes back up in \`snapshot.state\`, if any. */
export function decideRestart(${param('snapshot', hasRestarts)}: Snapshot, ${param('ghost', hasRestarts)}: Ghost = initialGhost): Decision {
${restartBody}
}
`;
}
