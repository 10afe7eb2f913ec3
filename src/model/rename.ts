import type { Expr } from './ast';
import { designNames, type DesignNames } from './designScope';
import { checkExpression, type ExprScope } from './expr/checker';
import { parseExpression } from './expr/parser';
import { BOOL, INT, type Type } from './expr/types';
import { identifierProblem } from './identifiers';
import { RESTART_EVENT } from './restartEvent';
import type { Design, TransitionJson } from './schema';

/**
 * What a person renamed. `owner` of an enum value is the var's name, or `Event.field` for a
 * payload field's enum: a quoted value follows only where it was read as that owner's enum.
 */
export type Rename =
  | { readonly kind: 'var'; readonly from: string; readonly to: string }
  | { readonly kind: 'state'; readonly from: string; readonly to: string }
  | { readonly kind: 'event'; readonly from: string; readonly to: string }
  | { readonly kind: 'field'; readonly event: string; readonly from: string; readonly to: string }
  | { readonly kind: 'enumValue'; readonly owner: string; readonly from: string; readonly to: string };

/**
 * Rewrites every reference to `rename.from` (transition ends and events, update keys, layout,
 * a var's initial value, and names inside expressions) so that it reads `rename.to`. The
 * declaration itself is left to the caller. Expressions are parsed and typed against `design`
 * (the names before the rename), so a quoted `"Charged"` follows a state rename only where it is
 * compared with `state`, never where it is some enum's value; only the renamed tokens change,
 * the rest of the text (spacing, parentheses) stays as written. An expression that does not parse
 * is left alone. Pure: returns `design` itself when nothing refers to the name.
 */
export function renameReferences(design: Design, rename: Rename): Design {
  if (rename.from === rename.to || identifierProblem(rename.to, 'name') !== null) return design;
  const names = designNames(design);
  const match = matcher(rename);
  const rewrite: Rewrite = (text, scope, expected) => rewriteExpression(text, scope, expected, match);

  let changed = false;
  const transitions = design.transitions.map((t) => {
    const next = renameInTransition(t, rename, names, rewrite);
    if (next !== t) changed = true;
    return next;
  });
  const invariants = design.invariants.map((inv) => {
    const role = inv.kind === 'step' ? 'step invariant' : 'state invariant';
    const expr = rewrite(inv.expr, names.scopeFor(role, null), BOOL);
    if (expr === inv.expr) return inv;
    changed = true;
    return { ...inv, expr };
  });
  const vars = design.vars.map((v) => {
    if (rename.kind !== 'enumValue' || v.name !== rename.owner || v.initial !== rename.from) return v;
    changed = true;
    return { ...v, initial: rename.to };
  });
  let layout = design.layout;
  if (rename.kind === 'state' && layout && Object.hasOwn(layout, rename.from)) {
    changed = true;
    layout = Object.fromEntries(Object.entries(layout).map(([k, p]) => [k === rename.from ? rename.to : k, p]));
  }
  if (!changed) return design;
  return { ...design, vars, transitions, invariants, ...(layout ? { layout } : {}) };
}

type Rewrite = (text: string, scope: ExprScope, expected: Type) => string;

function renameInTransition(t: TransitionJson, r: Rename, names: DesignNames, rewrite: Rewrite): TransitionJson {
  let next = t;
  const set = <K extends keyof TransitionJson>(key: K, value: TransitionJson[K]) => {
    if (next[key] !== value) next = { ...next, [key]: value };
  };
  if (r.kind === 'state') {
    set('from', t.from === r.from ? r.to : t.from);
    set('to', t.to === r.from ? r.to : t.to);
  }
  if (r.kind === 'event' && t.event === r.from) set('event', r.to);
  // A payload field is read only by the transitions on its event.
  if (r.kind === 'field' && t.event !== r.event) return next;
  // A transition on an unknown event cannot read a payload; its other names still follow.
  const info = t.event === RESTART_EVENT ? undefined : names.events.get(t.event);
  const event: ExprScope['event'] = t.event === RESTART_EVENT ? 'restart' : info ? { name: t.event, fields: names.fieldsOf[info.index]! } : null;
  if (t.guard !== undefined) set('guard', rewrite(t.guard, names.scopeFor('guard', event), BOOL));
  if (t.updates) {
    const updates: Record<string, string> = {};
    let touched = false;
    for (const [key, text] of Object.entries(t.updates)) {
      const newKey = r.kind === 'var' && key === r.from ? r.to : key;
      const newText = rewrite(text, names.scopeFor('update', event), names.vars.get(key)?.type ?? INT);
      if (newKey !== key || newText !== text) touched = true;
      updates[newKey] = newText;
    }
    if (touched) set('updates', updates);
  }
  if (t.invariants) {
    let touched = false;
    const invariants = t.invariants.map((inv) => {
      const expr = rewrite(inv.expr, names.scopeFor('transition invariant', event), BOOL);
      if (expr === inv.expr) return inv;
      touched = true;
      return { ...inv, expr };
    });
    if (touched) set('invariants', invariants);
  }
  return next;
}

interface TextEdit {
  /** 1-based columns, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Matcher = (node: Expr, literalType: (Type & { kind: 'enum' }) | undefined) => TextEdit | null;

/** Which tokens of a node name the renamed thing, and what they become. */
function matcher(r: Rename): Matcher {
  switch (r.kind) {
    case 'var':
      return (n) => (n.kind === 'name' && n.name === r.from ? { start: n.start, end: n.start + r.from.length, text: r.to } : null);
    case 'event':
      return (n) => {
        if (n.kind !== 'observable' || n.event !== r.from) return null;
        const end = n.primed ? n.end - 1 : n.end;
        return { start: end - r.from.length, end, text: r.to };
      };
    case 'field':
      return (n) => (n.kind === 'field' && n.field === r.from ? { start: n.end - r.from.length, end: n.end, text: r.to } : null);
    case 'state':
      return (n, type) => (n.kind === 'string' && n.value === r.from && type?.isState ? { start: n.start, end: n.end, text: `"${r.to}"` } : null);
    case 'enumValue':
      return (n, type) =>
        n.kind === 'string' && n.value === r.from && type && !type.isState && type.owner === r.owner
          ? { start: n.start, end: n.end, text: `"${r.to}"` }
          : null;
  }
}

function rewriteExpression(text: string, scope: ExprScope, expected: Type, match: Matcher): string {
  const parsed = parseExpression(text);
  if (!parsed.ok) return text;
  const { literalTypes } = checkExpression(parsed.expr, scope, expected);
  const edits: TextEdit[] = [];
  const visit = (node: Expr): void => {
    const edit = match(node, literalTypes.get(node));
    if (edit) edits.push(edit);
    for (const child of children(node)) visit(child);
  };
  visit(parsed.expr);
  if (edits.length === 0) return text;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - 1) + e.text + out.slice(e.end - 1);
  return out;
}

function children(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.then, node.otherwise];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
