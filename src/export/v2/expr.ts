import type { ElementType, ModelV2, ScalarType, VarV2 } from '../../model/v2/model';
import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import { tsMember, tsString } from '../typescript/escape';
import { idsConst } from './names';
import { poolQuantifierRefusal } from './refusal';
import { elementValues, isSetLiteral, pairElement, setElementOf, type SetScope } from './sets';

/**
 * Translates a validated version-2 expression into TypeScript over the generated types: ints are
 * numbers (checked arithmetic: `P.$add`, `$div`… throw `ProtocolFault` where the engine reports an
 * eval-error), bools booleans, enum values and states strings, instance ids strings (`"RM[2]"`).
 * The expression was validated by the loader, so every name resolves; the text is re-parsed, and
 * only its syntax tree reaches the output (names as property keys, literals through `tsString`).
 * A set is a readonly array of its elements in the type's order (`P.$set`, `P.$union`…: what the
 * engine's mask holds, shown the same way); a map keyed by values is a record by the key's text
 * (`"false"`, `"v1"`, `0`), an int key checked by `P.$key` (docs/format-v2.md §2, §5).
 */

export interface ExprContext {
  readonly model: ModelV2;
  /** The role running the expression, or -1 (a design invariant). */
  readonly role: number;
  /** Code reading the running snapshot (`s`), the payload object (`p`), the sender id. */
  readonly snapshot: string;
  readonly payload: string;
  readonly sender: string;
  /** The sending role of a received message, or -1. */
  readonly senderRole: number;
  /** Code of the world accessor (`world`). */
  readonly world: string;
  /** Payload field types of the event or message (for `event.F` of id type). */
  readonly fields: readonly { readonly name: string; readonly type: ScalarType }[];
  /** Code of `self` when it is not `snapshot.self` (SCXML keeps it in its own data). */
  readonly selfCode?: string;
}

interface Binder {
  readonly name: string;
  /** The role of an instance it stands for, else -1. */
  readonly role: number;
  /** An element of a set (`forall x in S`): its type. */
  readonly type?: ElementType;
}

/** `want`: the element type of a set the expression yields (an update of a set var), which types a literal `{}`. */
export function translateText(text: string, ctx: ExprContext, want: ElementType | null = null): string {
  const parsed = parseExpressionV2(text);
  if (!parsed.ok) throw new Error(`export: expression did not parse after validation: ${parsed.error.message}`);
  return translate(parsed.expr, ctx, [], want);
}

/** The element type a var's value takes when it is a set (a set var, or a map to sets), for `translateText`'s `want`. */
export const setWant = (v: VarV2): ElementType | null => (v.type.kind === 'set' ? v.type.of : null);

/** A map's key as the record's property: an instance's or enum value's name, `"false"`/`"true"`, an int checked against the keys (the engine's eval-error). */
export function mapKeyTs(v: VarV2, key: string, level = 0): string {
  const keys = level === 0 ? v.keys! : v.inner[level - 1]!;
  if (keys.kind === 'enum' || keys.kind === 'id') return key;
  if (keys.kind === 'bool') return `(${key} ? "true" : "false")`;
  return `P.$key(${key}, ${keys.lo}, ${keys.hi}, ${tsString(v.name)})`;
}

/** The values of an element type as a TypeScript array in the type's order (an enum's as a const tuple, so its type is the union). */
export function elementsTs(model: ModelV2, t: ElementType): string {
  if (t.kind === 'id') return `P.${idsConst(model.roles[t.role]!.name)}`;
  const values = elementValues(model, t).map((x) => (typeof x === 'string' ? tsString(x) : String(x)));
  return t.kind === 'enum' ? `([${values.join(', ')}] as const)` : `[${values.join(', ')}]`;
}

function setScope(ctx: ExprContext, binders: readonly Binder[]): SetScope {
  return { model: ctx.model, ownVar: (n) => ownVar(ctx, n), bound: (n) => findBinder(binders, n) !== undefined, valueType: (n) => valueType(n, ctx, binders) };
}

/** The type of a scalar expression when it is an id, a bool or an enum value: what types a set literal by its elements. */
function valueType(node: ExprV2, ctx: ExprContext, binders: readonly Binder[]): ElementType | null {
  const r = roleOf(node, ctx, binders);
  if (r >= 0) return { kind: 'id', role: r };
  const element = (t: ScalarType | undefined): ElementType | null => (t && (t.kind === 'bool' || t.kind === 'enum') ? t : null);
  switch (node.kind) {
    case 'name': {
      const b = findBinder(binders, node.name);
      if (b) return b.type && b.type.kind !== 'int' ? b.type : null;
      return element(ownVar(ctx, node.name)?.type);
    }
    case 'field':
      return element(ctx.fields.find((f) => f.name === node.field)?.type);
    default:
      return null;
  }
}

/** The role whose instance id an expression yields, or -1 when it is not an id. */
function roleOf(node: ExprV2, ctx: ExprContext, binders: readonly Binder[]): number {
  const { model } = ctx;
  const scalarRole = (t: ScalarType | undefined): number => (t !== undefined && t.kind === 'id' ? t.role : -1);
  switch (node.kind) {
    case 'name': {
      const b = findBinder(binders, node.name);
      if (b) return b.role;
      if (node.name === 'self') return ctx.role;
      if (node.name === 'sender') return ctx.senderRole;
      if (ctx.role >= 0) {
        const v = model.roles[ctx.role]!.vars.find((x) => x.name === node.name);
        if (v) return v.mapOf >= 0 ? -1 : scalarRole(v.type);
      }
      return model.roles.findIndex((r) => r.name === node.name);
    }
    case 'field':
      return scalarRole(ctx.fields.find((f) => f.name === node.field)?.type);
    case 'member': {
      const r = roleOf(node.target, ctx, binders);
      if (r < 0 || node.name === 'state') return -1;
      return scalarRole(model.roles[r]!.vars.find((x) => x.name === node.name)?.type);
    }
    case 'index': {
      const t = node.target;
      if (isInstanceLiteral(t, ctx, binders)) return model.roles.findIndex((r) => r.name === (t as { name: string }).name);
      let base: ExprV2 = t;
      while (base.kind === 'index') base = base.target;
      const v = mapVar(base, ctx, binders);
      return v ? scalarRole(v.type) : -1;
    }
    case 'conditional':
      return roleOf(node.then, ctx, binders);
    default:
      return -1;
  }
}

function findBinder(binders: readonly Binder[], name: string): Binder | undefined {
  for (let i = binders.length - 1; i >= 0; i--) if (binders[i]!.name === name) return binders[i];
  return undefined;
}

function ownVar(ctx: ExprContext, name: string) {
  return ctx.role >= 0 ? ctx.model.roles[ctx.role]!.vars.find((v) => v.name === name) : undefined;
}

/** `RM[2]`: a role's name indexed (as the compiler decides it). */
function isInstanceLiteral(t: ExprV2, ctx: ExprContext, binders: readonly Binder[]): boolean {
  return t.kind === 'name' && !t.primed && ctx.model.roles.some((r) => r.name === t.name) && !findBinder(binders, t.name) && !ownVar(ctx, t.name);
}

function mapVar(t: ExprV2, ctx: ExprContext, binders: readonly Binder[]) {
  if (t.kind === 'name') return ownVar(ctx, t.name);
  if (t.kind === 'member') {
    const r = roleOf(t.target, ctx, binders);
    return r < 0 ? undefined : ctx.model.roles[r]!.vars.find((x) => x.name === t.name);
  }
  return undefined;
}

/** Reads own var `name` of the running snapshot. */
function ownRead(ctx: ExprContext, name: string): string {
  const v = ownVar(ctx, name)!;
  return tsMember(tsMember(ctx.snapshot, v.storage), name);
}

/** Another instance's view: `world.RM(id)`. */
function viewOf(ctx: ExprContext, role: number, id: string): string {
  return `${tsMember(ctx.world, ctx.model.roles[role]!.name)}(${id})`;
}

function translate(node: ExprV2, ctx: ExprContext, binders: Binder[], want: ElementType | null = null): string {
  const t = (n: ExprV2, w: ElementType | null = null): string => translate(n, ctx, binders, w);
  const { model } = ctx;
  switch (node.kind) {
    case 'int':
      return node.value < 0 ? `(${node.value})` : String(node.value);
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'string':
      return tsString(node.value);
    case 'name': {
      const b = findBinder(binders, node.name);
      if (b) return binderVar(binders.lastIndexOf(b));
      if (node.name === 'self') return ctx.selfCode ?? tsMember(ctx.snapshot, 'self');
      if (node.name === 'sender') return ctx.sender;
      if (node.name === 'state' && ctx.role >= 0) return tsMember(ctx.snapshot, 'state');
      if (ownVar(ctx, node.name)) return ownRead(ctx, node.name);
      // A role with one instance names that instance.
      return tsString(node.name);
    }
    case 'field':
      return tsMember(ctx.payload, node.field);
    case 'member': {
      const r = roleOf(node.target, ctx, binders);
      const view = viewOf(ctx, r, t(node.target));
      return node.name === 'state' ? tsMember(view, 'state') : tsMember(tsMember(view, 'vars'), node.name);
    }
    case 'index': {
      const target = node.target;
      if (isInstanceLiteral(target, ctx, binders)) {
        const r = model.roles.find((x) => x.name === (target as { name: string }).name)!;
        if (node.index.kind === 'int') return tsString(r.instances === 1 ? r.name : `${r.name}[${node.index.value}]`);
        // `RM[e]` (docs/format-v2.md §5): the instance numbered e, an eval-error outside 1..instances, as in the engine.
        return `P.$instance(P.${idsConst(r.name)}, ${t(node.index)}, ${tsString(r.name)})`;
      }
      // `m[a][b]`: the nested map m (docs/format-v2.md §2), one key per level, outermost first.
      const keys: ExprV2[] = [];
      let base: ExprV2 = node;
      while (base.kind === 'index') {
        keys.unshift(base.index);
        base = base.target;
      }
      const map = base.kind === 'name' ? ownRead(ctx, base.name) : t(base);
      const v = mapVar(base, ctx, binders)!;
      // An int-keyed record may lack a key as far as the type system knows; P.$key keeps it in range.
      return keys.reduce((read, key, l) => `${read}[${mapKeyTs(v, t(key), l)}]${(l === 0 ? v.keys! : v.inner[l - 1]!).kind === 'int' ? '!' : ''}`, map);
    }
    case 'quantifier': {
      const role = node.over ? -1 : model.roles.findIndex((r) => r.name === node.role);
      const setVar = role < 0 && !node.over ? ownVar(ctx, node.role) : undefined;
      if (node.over || (setVar && setVar.type.kind === 'set' && setVar.keys === null && !model.messages.some((m) => m.name === node.role && m.pool))) {
        return setQuantifier(node, node.over ?? { kind: 'name', name: node.role, primed: false, start: node.roleStart, end: node.roleStart + node.role.length }, ctx, binders);
      }
      if (role < 0) throw poolQuantifierRefusal(node.role);
      const ids = `P.${idsConst(node.role)}`;
      const depth = binders.length;
      for (const n of node.names) binders.push({ name: n, role });
      const body = t(node.body);
      binders.length = depth;
      if (node.q === 'count') return `${ids}.filter((${binderVar(depth)}) => ${body}).length`;
      const method = node.q === 'forall' ? 'every' : 'some';
      let out = body;
      for (let k = node.names.length - 1; k >= 0; k--) out = `${ids}.${method}((${binderVar(depth + k)}) => ${out})`;
      return out;
    }
    case 'unary':
      return node.op === '!' ? `!(${t(node.operand)})` : `P.$neg(${t(node.operand)})`;
    case 'conditional': {
      const w = want ?? setElementOf(node, setScope(ctx, binders));
      return `(${t(node.test)} ? ${t(node.then, w)} : ${t(node.otherwise, w)})`;
    }
    case 'call':
      if (node.fn === 'set' || node.fn === 'in' || node.fn === 'card') return setCall(node, ctx, binders, want);
      // down(i): the instance's view says whether it is crashed and not restarted (docs/format-v2.md §5).
      if (node.fn === 'down') return tsMember(viewOf(ctx, roleOf(node.args[0]!, ctx, binders), t(node.args[0]!)), 'down');
      // index(i): the instance's number, from 1 (its place in the role's ids).
      if (node.fn === 'index') return `(P.${idsConst(ctx.model.roles[roleOf(node.args[0]!, ctx, binders)]!.name)}.indexOf(${t(node.args[0]!)}) + 1)`;
      return node.fn === 'abs' ? `Math.abs(${t(node.args[0]!)})` : `Math.${node.fn}(${t(node.args[0]!)}, ${t(node.args[1]!)})`;
    case 'binary': {
      // A union of literals alone (`(c ? {"a"} : {}) + {"b"}`) is typed by what it is written to: `want`.
      const element = ['+', '-', '*', '<', '<=', '>', '>=', '==', '!='].includes(node.op) ? (pairElement(node.left, node.right, setScope(ctx, binders)) ?? (['+', '-', '*'].includes(node.op) ? want : null)) : null;
      if (element !== null) return setBinary(node.op, t(node.left, element), t(node.right, element), elementsTs(model, element));
      const a = t(node.left);
      const b = t(node.right);
      switch (node.op) {
        case '==':
          return `P.$eq(${a}, ${b})`;
        case '!=':
          return `!P.$eq(${a}, ${b})`;
        case '&&':
          return `(${a} && ${b})`;
        case '||':
          return `(${a} || ${b})`;
        case '=>':
          return `(!(${a}) || ${b})`;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${a} ${node.op} ${b})`;
        case '+':
          return `P.$add(${a}, ${b})`;
        case '-':
          return `P.$sub(${a}, ${b})`;
        case '*':
          return `P.$mul(${a}, ${b})`;
        case '/':
          return `P.$div(${a}, ${b})`;
        case '%':
          return `P.$mod(${a}, ${b})`;
      }
    }
  }
  throw new Error(`export: unexpected expression node ${(node as { kind: string }).kind}`);
}

/** `S op T` of two sets (docs/format-v2.md §5): union, difference, intersection, subsets, equality. */
function setBinary(op: string, a: string, b: string, all: string): string {
  switch (op) {
    case '+':
      return `P.$union(${all}, ${a}, ${b})`;
    case '-':
      return `P.$minus(${all}, ${a}, ${b})`;
    case '*':
      return `P.$inter(${all}, ${a}, ${b})`;
    case '<=':
      return `P.$subset(${a}, ${b})`;
    case '>=':
      return `P.$subset(${b}, ${a})`;
    case '<':
      return `P.$psubset(${a}, ${b})`;
    case '>':
      return `P.$psubset(${b}, ${a})`;
    case '==':
      return `P.$seteq(${a}, ${b})`;
    default:
      return `!P.$seteq(${a}, ${b})`;
  }
}

/** `{a, b}` (typed by `want` or its elements), `e in S` (over a literal: `e == a || e == b`, no set built), `card(S)`. */
function setCall(node: ExprV2 & { kind: 'call' }, ctx: ExprContext, binders: Binder[], want: ElementType | null): string {
  const t = (n: ExprV2, w: ElementType | null = null): string => translate(n, ctx, binders, w);
  const scope = setScope(ctx, binders);
  if (node.fn === 'card') return `${t(node.args[0]!)}.length`;
  if (node.fn === 'in') {
    const [e, s] = node.args as [ExprV2, ExprV2];
    if (isSetLiteral(s)) return s.args.length === 0 ? 'false' : `(${s.args.map((x) => `P.$eq(${t(e)}, ${t(x)})`).join(' || ')})`;
    return `P.$in(${t(e)}, ${t(s, setElementOf(s, scope))})`;
  }
  const element = want ?? setElementOf(node, scope);
  if (element === null) throw new Error(`export: a set literal without a type at column ${node.start}`);
  return `P.$set(${elementsTs(ctx.model, element)}, [${node.args.map((x) => t(x)).join(', ')}])`;
}

/** `forall x, y in S: body` over a set's elements in the type's order, or over the values listed (each once, after evaluating all). */
function setQuantifier(node: ExprV2 & { kind: 'quantifier' }, over: ExprV2, ctx: ExprContext, binders: Binder[]): string {
  const scope = setScope(ctx, binders);
  let items: string;
  let type: ElementType | null;
  if (isSetLiteral(over)) {
    items = `P.$distinct([${over.args.map((x) => translate(x, ctx, binders)).join(', ')}])`;
    type = over.args.map((x) => valueType(x, ctx, binders)).find((x) => x !== null) ?? null;
  } else {
    type = setElementOf(over, scope);
    items = translate(over, ctx, binders, type);
  }
  const depth = binders.length;
  for (const n of node.names) binders.push({ name: n, role: type?.kind === 'id' ? type.role : -1, ...(type ? { type } : {}) });
  const body = translate(node.body, ctx, binders);
  binders.length = depth;
  if (node.q === 'count') return `${items}.filter((${binderVar(depth)}) => ${body}).length`;
  const method = node.q === 'forall' ? 'every' : 'some';
  let out = body;
  for (let k = node.names.length - 1; k >= 0; k--) out = `${items}.${method}((${binderVar(depth + k)}) => ${out})`;
  return out;
}

/** Quantified variables are numbered, never named after the user's binder. */
function binderVar(k: number): string {
  return `q${k}`;
}
