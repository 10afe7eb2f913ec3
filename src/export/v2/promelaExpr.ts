import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import type { ModelV2, ScalarType } from '../../model/v2/model';
import { ExportRefusal, poolQuantifierRefusal } from './refusal';

/**
 * Version-2 expressions in Promela. Every instance-dependent part is a constant by the time it
 * is printed: the model's steps are unrolled per instance, payload value and sender, so `self`,
 * `sender` and `event.F` are numbers, and quantifiers are unrolled over the role's instances
 * (`forall r in RM: p[r]` → `(p[0] && p[1] && p[2])`). Values are the engine's encoding (an enum
 * value or a state is its index, an id the instance's 0-based index in its role, a bool 0/1), so
 * the globals hold exactly the engine's configuration vector.
 */

export interface PContext {
  readonly model: ModelV2;
  /** The running role and instance (local index), or -1 for a design invariant. */
  readonly role: number;
  readonly self: number;
  readonly sender: { readonly role: number; readonly local: number } | null;
  /** Payload fields with their constant values (encoded). */
  readonly fields: readonly { readonly name: string; readonly type: ScalarType; readonly value: number }[];
  /** Unprimed names read the copies made before the step (`o_`): step and transition invariants. */
  readonly old: boolean;
}

export const stVar = (r: number): string => `r${r}_st`;
export const varVar = (r: number, k: number): string => `r${r}_v${k}`;

interface Bound {
  readonly name: string;
  readonly role: number;
  readonly value: number;
}

export function pText(text: string, ctx: PContext, want: readonly string[] | null = null): string {
  const parsed = parseExpressionV2(text);
  if (!parsed.ok) throw new Error(`export: expression did not parse after validation: ${parsed.error.message}`);
  return pExpr(parsed.expr, ctx, [], want);
}

function find(bound: readonly Bound[], name: string): Bound | undefined {
  for (let i = bound.length - 1; i >= 0; i--) if (bound[i]!.name === name) return bound[i];
  return undefined;
}

function ownVar(ctx: PContext, name: string) {
  return ctx.role >= 0 ? ctx.model.roles[ctx.role]!.vars.find((v) => v.name === name) : undefined;
}

/** An array element: the copy before the step unless primed (only invariants see `o_`). */
function cell(ctx: PContext, array: string, index: string, primed: boolean): string {
  return `${ctx.old && !primed ? 'o_' : ''}${array}[${index}]`;
}

/** Role and Promela code of an id-valued expression. */
function idOf(node: ExprV2, ctx: PContext, bound: Bound[]): { role: number; code: string } {
  const { model } = ctx;
  switch (node.kind) {
    case 'name': {
      const b = find(bound, node.name);
      if (b) return { role: b.role, code: String(b.value) };
      if (node.name === 'self') return { role: ctx.role, code: String(ctx.self) };
      if (node.name === 'sender') return { role: ctx.sender!.role, code: String(ctx.sender!.local) };
      const v = ownVar(ctx, node.name);
      if (v && v.type.kind === 'id') return { role: v.type.role, code: pExpr(node, ctx, bound, null) };
      return { role: model.roles.findIndex((r) => r.name === node.name), code: '0' };
    }
    case 'field': {
      const f = ctx.fields.find((x) => x.name === node.field)!;
      return { role: (f.type as { role: number }).role, code: String(f.value) };
    }
    case 'index': {
      const t = node.target;
      if (t.kind === 'name' && !t.primed && model.roles.some((r) => r.name === t.name) && !find(bound, t.name) && !ownVar(ctx, t.name) && node.index.kind === 'int') {
        return { role: model.roles.findIndex((r) => r.name === t.name), code: String(node.index.value - 1) };
      }
      return { role: (typeOf(node, ctx, bound) as { role: number }).role, code: pExpr(node, ctx, bound, null) };
    }
    default:
      return { role: (typeOf(node, ctx, bound) as { role: number }).role, code: pExpr(node, ctx, bound, null) };
  }
}

/** The scalar type of a var-like expression (for quoted values and ids), or null. */
function typeOf(node: ExprV2, ctx: PContext, bound: Bound[]): ScalarType | { kind: 'state'; role: number } | null {
  const { model } = ctx;
  switch (node.kind) {
    case 'name': {
      if (find(bound, node.name) || node.name === 'self' || node.name === 'sender') return { kind: 'id', role: idOf(node, ctx, bound).role };
      if (node.name === 'state' && ctx.role >= 0) return { kind: 'state', role: ctx.role };
      const v = ownVar(ctx, node.name);
      if (v) return v.type;
      const r = model.roles.findIndex((x) => x.name === node.name);
      return r >= 0 ? { kind: 'id', role: r } : null;
    }
    case 'field':
      return ctx.fields.find((x) => x.name === node.field)?.type ?? null;
    case 'member': {
      const { role } = idOf(node.target, ctx, bound);
      if (node.name === 'state') return { kind: 'state', role };
      return model.roles[role]!.vars.find((v) => v.name === node.name)?.type ?? null;
    }
    case 'index': {
      const t = node.target;
      if (t.kind === 'name' && model.roles.some((r) => r.name === t.name) && !find(bound, t.name) && !ownVar(ctx, t.name)) return { kind: 'id', role: model.roles.findIndex((r) => r.name === t.name) };
      if (t.kind === 'name') return ownVar(ctx, t.name)?.type ?? null;
      if (t.kind === 'member') return model.roles[idOf(t.target, ctx, bound).role]!.vars.find((v) => v.name === t.name)?.type ?? null;
      return null;
    }
    case 'conditional':
      return typeOf(node.then, ctx, bound) ?? typeOf(node.otherwise, ctx, bound);
    default:
      return null;
  }
}

function valuesOf(t: ReturnType<typeof typeOf>, model: ModelV2): readonly string[] | null {
  if (t === null) return null;
  if (t.kind === 'state') return model.roles[t.role]!.states.map((s) => s.name);
  if (t.kind === 'enum') return t.values;
  return null;
}

export function pExpr(node: ExprV2, ctx: PContext, bound: Bound[], want: readonly string[] | null): string {
  const p = (n: ExprV2, w: readonly string[] | null = null): string => pExpr(n, ctx, bound, w);
  const { model } = ctx;
  switch (node.kind) {
    case 'int':
      return node.value < 0 ? `(${node.value})` : String(node.value);
    case 'bool':
      return node.value ? '1' : '0';
    case 'string': {
      const i = want?.indexOf(node.value) ?? -1;
      if (i < 0) throw new Error(`export: no type for the quoted value at column ${node.start}`);
      return String(i);
    }
    case 'name': {
      const b = find(bound, node.name);
      if (b) return String(b.value);
      if (node.name === 'self') return String(ctx.self);
      if (node.name === 'sender') return String(ctx.sender!.local);
      if (node.name === 'crashes') return model.crashSlot >= 0 ? (ctx.old && !node.primed ? 'o_crashes' : 'crashes') : '0';
      if (node.name === 'state' && ctx.role >= 0) return cell(ctx, stVar(ctx.role), String(ctx.self), node.primed);
      const v = ownVar(ctx, node.name);
      if (v) return cell(ctx, varVar(ctx.role, ctx.model.roles[ctx.role]!.vars.indexOf(v)), String(ctx.self * v.width), node.primed);
      return '0';
    }
    case 'field':
      return String(ctx.fields.find((x) => x.name === node.field)!.value);
    case 'member': {
      const { role, code } = idOf(node.target, ctx, bound);
      if (node.name === 'state') return cell(ctx, stVar(role), code, node.primed);
      const vars = model.roles[role]!.vars;
      const k = vars.findIndex((v) => v.name === node.name);
      const width = vars[k]!.width;
      return cell(ctx, varVar(role, k), width === 1 ? code : `(${code}) * ${width}`, node.primed);
    }
    case 'index': {
      const t = node.target;
      if (t.kind === 'name' && !t.primed && model.roles.some((r) => r.name === t.name) && !find(bound, t.name) && !ownVar(ctx, t.name)) return idOf(node, ctx, bound).code;
      let role: number;
      let owner: string;
      let name: string;
      let primed: boolean;
      if (t.kind === 'name') {
        role = ctx.role;
        owner = String(ctx.self);
        name = t.name;
        primed = t.primed;
      } else if (t.kind === 'member') {
        const id = idOf(t.target, ctx, bound);
        role = id.role;
        owner = id.code;
        name = t.name;
        primed = t.primed;
      } else throw new Error('export: indexing something that is not a map');
      const vars = model.roles[role]!.vars;
      const k = vars.findIndex((v) => v.name === name);
      return cell(ctx, varVar(role, k), `(${owner}) * ${vars[k]!.width} + (${idOf(node.index, ctx, bound).code})`, primed);
    }
    case 'quantifier': {
      const role = model.roles.findIndex((r) => r.name === node.role);
      if (role < 0) throw poolQuantifierRefusal(node.role);
      const n = model.roles[role]!.instances;
      const terms: string[] = [];
      const bind = (depth: number): void => {
        if (depth === node.names.length) {
          const body = p(node.body);
          terms.push(node.q === 'count' ? `(${body} -> 1 : 0)` : body);
          return;
        }
        for (let v = 0; v < n; v++) {
          bound.push({ name: node.names[depth]!, role, value: v });
          bind(depth + 1);
          bound.pop();
        }
      };
      bind(0);
      return `(${terms.join(node.q === 'forall' ? ' && ' : node.q === 'exists' ? ' || ' : ' + ')})`;
    }
    case 'unary':
      return node.op === '!' ? `!(${p(node.operand)})` : `(-(${p(node.operand)}))`;
    case 'conditional': {
      const w = want ?? valuesOf(typeOf(node, ctx, bound), model);
      return `(${p(node.test)} -> ${p(node.then, w)} : ${p(node.otherwise, w)})`;
    }
    case 'call': {
      const a = p(node.args[0]!);
      if (node.fn === 'abs') return `((${a}) < 0 -> -(${a}) : (${a}))`;
      const b = p(node.args[1]!);
      return node.fn === 'min' ? `((${a}) <= (${b}) -> (${a}) : (${b}))` : `((${a}) >= (${b}) -> (${a}) : (${b}))`;
    }
    case 'binary': {
      if (node.op === '==' || node.op === '!=') {
        const w = valuesOf(typeOf(node.left, ctx, bound), model) ?? valuesOf(typeOf(node.right, ctx, bound), model);
        return `(${p(node.left, w)} ${node.op} ${p(node.right, w)})`;
      }
      if (node.op === '/' || node.op === '%') throw new ExportRefusal(`"${node.op}" is not exported to Promela for version-2 designs yet (the engine's division-by-zero violation has no Promela counterpart here).`);
      if (node.op === '=>') return `(!(${p(node.left)}) || (${p(node.right)}))`;
      return `(${p(node.left)} ${node.op} ${p(node.right)})`;
    }
  }
}
