import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import { mapLevels, type DesignV2, type RoleJson, type TransitionJsonV2, type ValueTypeJsonV2 } from '../../model/v2/schema';

/**
 * Renaming a var or a state of one role inside expressions, by what each name refers to rather
 * than by its spelling: `x` in its own role, `RM[2].x`, `r.x` with `r` quantified over RM,
 * `holder.x` with `holder` an id var of RM; and a state name where it is compared with a state
 * of that role (`r.state == "prepared"`). A reference whose instance cannot be told from the
 * text alone (a conditional, `sender` outside a receive) is renamed only when no other role has
 * a var or state of that name. Text that does not parse is left as it is (the loader reports it).
 */

/** Where an expression stands: its role (none for design invariants and `initially`) and, in a receive, the message. */
export interface ExpressionPlace {
  readonly role: RoleJson | null;
  readonly transition?: TransitionJsonV2;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  /** What stands there now (an edit whose columns read anything else is not made). */
  readonly was: string;
  readonly text: string;
}

/** `x` of role `role` renamed `to` in `text`. */
export function renameVarIn(design: DesignV2, place: ExpressionPlace, text: string, role: string, from: string, to: string): string {
  const others = design.roles.some((r) => r.name !== role && (r.vars ?? []).some((v) => v.name === from));
  return rewrite(text, (tree) => {
    const edits: Edit[] = [];
    walk(tree, new Map(), (node, bound) => {
      const own = !bound.has(from) && place.role?.name === role;
      if (node.kind === 'name' && node.name === from && own) edits.push({ start: node.start, end: node.start + from.length, was: from, text: to });
      // A set var named as what a quantifier ranges over (`forall v in votes: …`).
      if (node.kind === 'quantifier' && node.role === from && own) edits.push({ start: node.roleStart, end: node.roleStart + from.length, was: from, text: to });
      if (node.kind === 'member' && node.name === from) {
        const owner = instanceRole(design, place, node.target, bound);
        if (owner === role || (owner === null && !others)) {
          const end = node.end - (node.primed ? 1 : 0);
          edits.push({ start: end - from.length, end, was: from, text: to });
        }
      }
    });
    return edits;
  });
}

/** The state `from` of role `role` renamed `to` where `text` compares a state of that role with it. */
export function renameStateIn(design: DesignV2, place: ExpressionPlace, text: string, role: string, from: string, to: string): string {
  const others = design.roles.some((r) => r.name !== role && r.states.some((s) => s.name === from));
  const quoted = JSON.stringify(to);
  return rewrite(text, (tree) => {
    const edits: Edit[] = [];
    const isState = (node: ExprV2, bound: ReadonlyMap<string, string>): boolean => {
      if (node.kind === 'name') return node.name === 'state' && !bound.has('state') && place.role?.name === role;
      if (node.kind !== 'member' || node.name !== 'state') return false;
      const owner = instanceRole(design, place, node.target, bound);
      return owner === role || (owner === null && !others);
    };
    walk(tree, new Map(), (node, bound) => {
      if (node.kind !== 'binary' || (node.op !== '==' && node.op !== '!=')) return;
      for (const [a, b] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        if (b.kind === 'string' && b.value === from && isState(a, bound)) edits.push({ start: b.start, end: b.end, was: JSON.stringify(from), text: quoted });
      }
    });
    return edits;
  });
}

/** The message kind `from` renamed `to` where `text` quantifies over it (`exists m in Vote: …`). */
export function renameQuantifiedKindIn(text: string, from: string, to: string): string {
  return rewrite(text, (tree) => {
    const edits: Edit[] = [];
    walk(tree, new Map(), (node) => {
      if (node.kind === 'quantifier' && node.role === from) edits.push({ start: node.roleStart, end: node.roleStart + from.length, was: from, text: to });
    });
    return edits;
  });
}

/** A payload field of message kind `kind` renamed where `text` reads it from a quantified message (`m.F`, m over the kind). */
export function renameQuantifiedFieldIn(text: string, kind: string, from: string, to: string): string {
  return rewrite(text, (tree) => {
    const edits: Edit[] = [];
    walk(tree, new Map(), (node, bound) => {
      if (node.kind === 'member' && node.name === from && node.target.kind === 'name' && bound.get(node.target.name) === kind) {
        const end = node.end - (node.primed ? 1 : 0);
        edits.push({ start: end - from.length, end, was: from, text: to });
      }
    });
    return edits;
  });
}

function rewrite(text: string, find: (tree: ExprV2) => Edit[]): string {
  const parsed = parseExpressionV2(text);
  if (!parsed.ok) return text;
  const edits = find(parsed.expr).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) if (text.slice(e.start - 1, e.end - 1) === e.was) out = out.slice(0, e.start - 1) + e.text + out.slice(e.end - 1);
  return out;
}

/** Visits every node with the quantified names in scope there (name → the role, message kind or set var they range over; empty over a written set). */
function walk(node: ExprV2, bound: ReadonlyMap<string, string>, visit: (node: ExprV2, bound: ReadonlyMap<string, string>) => void): void {
  visit(node, bound);
  switch (node.kind) {
    case 'member':
      return walk(node.target, bound, visit);
    case 'index':
      walk(node.target, bound, visit);
      return walk(node.index, bound, visit);
    case 'quantifier': {
      if (node.over) walk(node.over, bound, visit);
      const inner = new Map(bound);
      for (const n of node.names) inner.set(n, node.role);
      return walk(node.body, inner, visit);
    }
    case 'unary':
      return walk(node.operand, bound, visit);
    case 'binary':
      walk(node.left, bound, visit);
      return walk(node.right, bound, visit);
    case 'conditional':
      walk(node.test, bound, visit);
      walk(node.then, bound, visit);
      return walk(node.otherwise, bound, visit);
    case 'call':
      for (const a of node.args) walk(a, bound, visit);
      return;
    default:
      return;
  }
}

/** The role whose instance `node` names, when the text tells it; null otherwise. */
function instanceRole(design: DesignV2, place: ExpressionPlace, node: ExprV2, bound: ReadonlyMap<string, string>): string | null {
  const roleNamed = (name: string) => design.roles.find((r) => r.name === name);
  const idRole = (type: ValueTypeJsonV2 | undefined): string | null => {
    if (type && typeof type === 'object' && 'id' in type) return type.id;
    return null;
  };
  const varType = (role: string | undefined, name: string) => roleNamed(role ?? '')?.vars?.find((v) => v.name === name)?.type;
  switch (node.kind) {
    case 'name': {
      const q = bound.get(node.name);
      if (q !== undefined) {
        // Over a role or a message kind: that; over a set var of ids: their role.
        if (roleNamed(q) || design.messages?.some((m) => m.name === q)) return q;
        const set = varType(place.role?.name, q);
        return set && typeof set === 'object' && 'set' in set ? idRole(set.set as ValueTypeJsonV2) : null;
      }
      if (node.name === 'self') return place.role?.name ?? null;
      if (node.name === 'sender') {
        const message = design.messages?.find((m) => m.name === place.transition?.receive);
        return message?.from ?? null;
      }
      const own = varType(place.role?.name, node.name);
      if (own) return idRole(own);
      return roleNamed(node.name) ? node.name : null;
    }
    case 'index': {
      if (node.target.kind === 'name' && !bound.has(node.target.name) && roleNamed(node.target.name) && !varType(place.role?.name, node.target.name)) return node.target.name;
      // A map var's entry: the map's values.
      const map = node.target.kind === 'name' ? varType(place.role?.name, node.target.name) : node.target.kind === 'member' ? varType(instanceRole(design, place, node.target.target, bound) ?? undefined, node.target.name) : undefined;
      // A nested map's entry has as many indices as the map has levels (`m[a][b]`); one index of it is no value.
      return map && typeof map === 'object' && 'map' in map && mapLevels(map).keys.length === 1 ? idRole(mapLevels(map).leaf) : null;
    }
    case 'member':
      return idRole(varType(instanceRole(design, place, node.target, bound) ?? undefined, node.name));
    case 'field': {
      // `event.F`: a field of the event's or the received message's payload.
      const t = place.transition;
      const fields = t?.receive !== undefined ? design.messages?.find((m) => m.name === t.receive)?.payload : place.role?.events?.find((e) => e.name === t?.event)?.payload;
      return idRole(fields?.find((f) => f.name === node.field)?.type);
    }
    default:
      return null;
  }
}
