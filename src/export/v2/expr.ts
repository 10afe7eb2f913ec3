import type { ModelV2, ScalarType } from '../../model/v2/model';
import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import { tsMember, tsString } from '../typescript/escape';
import { idsConst } from './names';
import { poolQuantifierRefusal } from './refusal';

/**
 * Translates a validated version-2 expression into TypeScript over the generated types: ints are
 * numbers (checked arithmetic: `P.$add`, `$div`… throw `ProtocolFault` where the engine reports an
 * eval-error), bools booleans, enum values and states strings, instance ids strings (`"RM[2]"`).
 * The expression was validated by the loader, so every name resolves; the text is re-parsed, and
 * only its syntax tree reaches the output (names as property keys, literals through `tsString`).
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
  readonly role: number;
}

export function translateText(text: string, ctx: ExprContext): string {
  const parsed = parseExpressionV2(text);
  if (!parsed.ok) throw new Error(`export: expression did not parse after validation: ${parsed.error.message}`);
  return translate(parsed.expr, ctx, []);
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
      const v = mapVar(t, ctx, binders);
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

function translate(node: ExprV2, ctx: ExprContext, binders: Binder[]): string {
  const t = (n: ExprV2): string => translate(n, ctx, binders);
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
      if (isInstanceLiteral(target, ctx, binders) && node.index.kind === 'int') {
        const r = model.roles.find((x) => x.name === (target as { name: string }).name)!;
        return tsString(r.instances === 1 ? r.name : `${r.name}[${node.index.value}]`);
      }
      const map = target.kind === 'name' ? ownRead(ctx, target.name) : t(target);
      return `${map}[${t(node.index)}]`;
    }
    case 'quantifier': {
      const role = model.roles.findIndex((r) => r.name === node.role);
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
    case 'conditional':
      return `(${t(node.test)} ? ${t(node.then)} : ${t(node.otherwise)})`;
    case 'call':
      return node.fn === 'abs' ? `Math.abs(${t(node.args[0]!)})` : `Math.${node.fn}(${t(node.args[0]!)}, ${t(node.args[1]!)})`;
    case 'binary': {
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

/** Quantified variables are numbered, never named after the user's binder. */
function binderVar(k: number): string {
  return `q${k}`;
}
