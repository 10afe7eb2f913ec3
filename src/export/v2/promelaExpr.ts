import type { ExprV2 } from '../../model/v2/expr/ast';
import { parseExpressionV2 } from '../../model/v2/expr/parser';
import type { ElementType, ModelV2, ScalarType, VarV2 } from '../../model/v2/model';
import { entryStrides, keyLevels } from '../../model/v2/entryLayout';
import { poolQuantifierRefusal } from './refusal';
import { elementCount, isSetLiteral, pairElement, setElementOf, type SetScope } from './sets';

/**
 * Version-2 expressions in Promela. Every instance-dependent part is a constant by the time it
 * is printed: the model's steps are unrolled per instance, payload value and sender, so `self`,
 * `sender` and `event.F` are numbers, and quantifiers are unrolled over the role's instances
 * (`forall r in RM: p[r]` → `(p[0] && p[1] && p[2])`). Values are the engine's encoding (an enum
 * value or a state is its index, an id the instance's 0-based index in its role, a bool 0/1), so
 * the globals hold exactly the engine's configuration vector. A set is its mask (an `int`, bit k
 * for the type's k-th value), a map keyed by values an array by the key's position (an int key
 * less its `lo`); quantifiers over a set are unrolled over the type's values, each term asking
 * the value's bit (docs/format-v2.md §2, §5).
 *
 * Every expression also yields when it fails to evaluate (the engine's eval-error: an int map key
 * outside its keys, an int added to a set outside its elements), as a condition over the
 * configuration that follows the engine's left-to-right skipping (`a && b` fails when a fails, or
 * a holds and b fails); the model asserts it false before the value is used, which also keeps
 * every array index in bounds.
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
  /** Its value's code: a constant for an instance or a set's element, an expression for a listed value. */
  readonly value: string;
  /** An element of a set or a listed value: its type (an instance's role is `role`). */
  readonly type?: ScalarType;
}

/** An expression's code, and the condition under which evaluating it fails (null: never). */
export interface PCode {
  readonly code: string;
  readonly err: string | null;
}

/** `element`: the element type of the set the expression yields, which types a literal `{}` (an update of a set var). */
export function pText(text: string, ctx: PContext, want: readonly string[] | null = null, element: ElementType | null = null): string {
  return pChecked(text, ctx, want, element).code;
}

/** `pText` with the condition under which the expression fails to evaluate. */
export function pChecked(text: string, ctx: PContext, want: readonly string[] | null = null, element: ElementType | null = null): PCode {
  const parsed = parseExpressionV2(text);
  if (!parsed.ok) throw new Error(`export: expression did not parse after validation: ${parsed.error.message}`);
  return px(parsed.expr, ctx, [], want, element);
}

/** The position of the key written in an update `m[key]` of map var `v`, and when computing it fails. */
export function pKeyChecked(v: VarV2, texts: readonly string[], ctx: PContext): PCode {
  return entryPosition(v, texts.map((text) => {
    const parsed = parseExpressionV2(text);
    if (!parsed.ok) throw new Error(`export: expression did not parse after validation: ${parsed.error.message}`);
    return parsed.expr;
  }), ctx, []);
}

/**
 * The entry of `m[a]`, `m[a][b]`…: Σ position(key_j) × stride_j, the strides of
 * `model/v2/entryLayout.ts` (first key major, as the engine lays a nested map out, docs/format-v2.md
 * §2); the keys known here fold into one number.
 */
function entryPosition(v: VarV2, keys: readonly ExprV2[], ctx: PContext, bound: Bound[]): PCode {
  const strides = entryStrides(v, { instances: ctx.model.roles.map((r) => r.instances) });
  let err: string | null = null;
  let fixed = 0;
  const terms: { code: string; stride: number }[] = [];
  keyLevels(v).forEach((level, l) => {
    const k = keyPosition(level, keys[l]!, ctx, bound);
    err = orErr(err, k.err);
    const c = constant(k.code);
    if (c !== null) fixed += c * strides[l]!;
    else terms.push({ code: k.code, stride: strides[l]! });
  });
  if (terms.length === 0) return { code: String(fixed), err };
  if (terms.length === 1 && terms[0]!.stride === 1 && fixed === 0) return { code: terms[0]!.code, err };
  const sum = terms.map((t) => (t.stride === 1 ? `(${t.code})` : `(${t.code}) * ${t.stride}`));
  return { code: [...sum, ...(fixed === 0 ? [] : [String(fixed)])].join(' + '), err };
}

/** The map var an index chain reads (`m[a][b]`, `i.m[a]`): its base (a name or a member) and keys, outermost first. */
function indexChain(node: ExprV2 & { kind: 'index' }): { base: ExprV2; keys: ExprV2[] } {
  const keys: ExprV2[] = [];
  let base: ExprV2 = node;
  while (base.kind === 'index') {
    keys.unshift(base.index);
    base = base.target;
  }
  return { base, keys };
}

/** `a` or `b` fails. */
export function orErr(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return `(${a} || ${b})`;
}

/** Fails only when `cond` holds (evaluated after what precedes it, so without failing). */
const andErr = (cond: string, e: string | null): string | null => (e === null ? null : `(${cond} && ${e})`);

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
function idOf(node: ExprV2, ctx: PContext, bound: Bound[]): { role: number; code: string; err: string | null } {
  const { model } = ctx;
  switch (node.kind) {
    case 'name': {
      const b = find(bound, node.name);
      if (b) return { role: b.role, code: b.value, err: null };
      if (node.name === 'self') return { role: ctx.role, code: String(ctx.self), err: null };
      if (node.name === 'sender') return { role: ctx.sender!.role, code: String(ctx.sender!.local), err: null };
      const v = ownVar(ctx, node.name);
      if (v && v.type.kind === 'id') return { role: v.type.role, ...px(node, ctx, bound, null) };
      return { role: model.roles.findIndex((r) => r.name === node.name), code: '0', err: null };
    }
    case 'field': {
      const f = ctx.fields.find((x) => x.name === node.field)!;
      return { role: (f.type as { role: number }).role, code: String(f.value), err: null };
    }
    case 'index': {
      const t = node.target;
      if (t.kind === 'name' && !t.primed && model.roles.some((r) => r.name === t.name) && !find(bound, t.name) && !ownVar(ctx, t.name)) {
        const role = model.roles.findIndex((r) => r.name === t.name);
        if (node.index.kind === 'int') return { role, code: String(node.index.value - 1), err: null };
        // `RM[e]` (docs/format-v2.md §5): local index e - 1; outside 1..instances the step fails, as the engine's eval-error.
        const e = px(node.index, ctx, bound, null);
        const n = model.roles[role]!.instances;
        return { role, code: `((${e.code}) - 1)`, err: orErr(e.err, `((${e.code}) < 1 || (${e.code}) > ${n})`) };
      }
      return { role: (typeOf(node, ctx, bound) as { role: number }).role, ...px(node, ctx, bound, null) };
    }
    default:
      return { role: (typeOf(node, ctx, bound) as { role: number }).role, ...px(node, ctx, bound, null) };
  }
}

/** The scalar type of a var-like expression (for quoted values and ids), or null. */
function typeOf(node: ExprV2, ctx: PContext, bound: Bound[]): ScalarType | { kind: 'state'; role: number } | null {
  const { model } = ctx;
  switch (node.kind) {
    case 'name': {
      const b = find(bound, node.name);
      if (b?.type) return b.type;
      if (b || node.name === 'self' || node.name === 'sender') return { kind: 'id', role: idOf(node, ctx, bound).role };
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
      const base = indexChain(node).base;
      if (base.kind === 'name') return ownVar(ctx, base.name)?.type ?? null;
      if (base.kind === 'member') return model.roles[idOf(base.target, ctx, bound).role]!.vars.find((v) => v.name === base.name)?.type ?? null;
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

function setScope(ctx: PContext, bound: Bound[]): SetScope {
  return {
    model: ctx.model,
    ownVar: (n) => ownVar(ctx, n),
    bound: (n) => find(bound, n) !== undefined,
    valueType: (n) => {
      const t = typeOf(n, ctx, bound);
      return t !== null && (t.kind === 'bool' || t.kind === 'enum' || t.kind === 'id') ? t : null;
    },
  };
}

export function pExpr(node: ExprV2, ctx: PContext, bound: Bound[], want: readonly string[] | null): string {
  return px(node, ctx, bound, want).code;
}

/** Code and failure of `node`; `element` types a set literal the expression is (or yields). */
function px(node: ExprV2, ctx: PContext, bound: Bound[], want: readonly string[] | null, element: ElementType | null = null): PCode {
  const p = (n: ExprV2, w: readonly string[] | null = null, el: ElementType | null = null): PCode => px(n, ctx, bound, w, el);
  const ok = (code: string): PCode => ({ code, err: null });
  const { model } = ctx;
  switch (node.kind) {
    case 'int':
      return ok(node.value < 0 ? `(${node.value})` : String(node.value));
    case 'bool':
      return ok(node.value ? '1' : '0');
    case 'string': {
      const i = want?.indexOf(node.value) ?? -1;
      if (i < 0) throw new Error(`export: no type for the quoted value at column ${node.start}`);
      return ok(String(i));
    }
    case 'name': {
      const b = find(bound, node.name);
      if (b) return ok(b.value);
      if (node.name === 'self') return ok(String(ctx.self));
      if (node.name === 'sender') return ok(String(ctx.sender!.local));
      if (node.name === 'crashes') return ok(model.crashSlot >= 0 ? (ctx.old && !node.primed ? 'o_crashes' : 'crashes') : '0');
      if (node.name === 'state' && ctx.role >= 0) return ok(cell(ctx, stVar(ctx.role), String(ctx.self), node.primed));
      const v = ownVar(ctx, node.name);
      if (v) return ok(cell(ctx, varVar(ctx.role, ctx.model.roles[ctx.role]!.vars.indexOf(v)), String(ctx.self * v.width), node.primed));
      return ok('0');
    }
    case 'field':
      return ok(String(ctx.fields.find((x) => x.name === node.field)!.value));
    case 'member': {
      const { role, code, err } = idOf(node.target, ctx, bound);
      if (node.name === 'state') return { code: cell(ctx, stVar(role), code, node.primed), err };
      const vars = model.roles[role]!.vars;
      const k = vars.findIndex((v) => v.name === node.name);
      const width = vars[k]!.width;
      return { code: cell(ctx, varVar(role, k), width === 1 ? code : folded(`(${code}) * ${width}`, constant(code), (c) => c * width), node.primed), err };
    }
    case 'index': {
      if (node.target.kind === 'name' && !node.target.primed && model.roles.some((r) => r.name === (node.target as { name: string }).name) && !find(bound, node.target.name) && !ownVar(ctx, node.target.name)) {
        const id = idOf(node, ctx, bound);
        return { code: id.code, err: id.err };
      }
      const { base: t, keys } = indexChain(node);
      let role: number;
      let owner: { code: string; err: string | null };
      let name: string;
      let primed: boolean;
      if (t.kind === 'name') {
        role = ctx.role;
        owner = ok(String(ctx.self));
        name = t.name;
        primed = t.primed;
      } else if (t.kind === 'member') {
        const id = idOf(t.target, ctx, bound);
        role = id.role;
        owner = id;
        name = t.name;
        primed = t.primed;
      } else throw new Error('export: indexing something that is not a map');
      const vars = model.roles[role]!.vars;
      const k = vars.findIndex((v) => v.name === name);
      const key = entryPosition(vars[k]!, keys, ctx, bound);
      const width = vars[k]!.width;
      const o = constant(owner.code);
      const at = o !== null && constant(key.code) !== null ? String(o * width + constant(key.code)!) : `(${owner.code}) * ${width} + (${key.code})`;
      return { code: cell(ctx, varVar(role, k), at, primed), err: orErr(owner.err, key.err) };
    }
    case 'quantifier': {
      const setVar = node.over ? undefined : ownVar(ctx, node.role);
      if (node.over || (model.roles.every((r) => r.name !== node.role) && setVar?.type.kind === 'set' && setVar.keys === null && !model.messages.some((m) => m.name === node.role && m.pool))) {
        return setQuantifier(node, node.over ?? { kind: 'name', name: node.role, primed: false, start: node.roleStart, end: node.roleStart + node.role.length }, ctx, bound);
      }
      const role = model.roles.findIndex((r) => r.name === node.role);
      if (role < 0) throw poolQuantifierRefusal(node.role);
      const n = model.roles[role]!.instances;
      const terms: PCode[] = [];
      const bind = (depth: number): void => {
        if (depth === node.names.length) {
          terms.push(p(node.body));
          return;
        }
        for (let v = 0; v < n; v++) {
          bound.push({ name: node.names[depth]!, role, value: String(v) });
          bind(depth + 1);
          bound.pop();
        }
      };
      bind(0);
      return chain(node.q, terms);
    }
    case 'unary': {
      const a = p(node.operand);
      return { code: node.op === '!' ? `!(${a.code})` : `(-(${a.code}))`, err: a.err };
    }
    case 'conditional': {
      const w = want ?? valuesOf(typeOf(node, ctx, bound), model);
      const el = element ?? setElementOf(node, setScope(ctx, bound));
      const test = p(node.test);
      const a = p(node.then, w, el);
      const b = p(node.otherwise, w, el);
      const branches = a.err === null && b.err === null ? null : `(${test.code} -> ${a.err ?? '0'} : ${b.err ?? '0'})`;
      return { code: `(${test.code} -> ${a.code} : ${b.code})`, err: orErr(test.err, branches) };
    }
    case 'call': {
      if (node.fn === 'set' || node.fn === 'in' || node.fn === 'card') return setCall(node, ctx, bound, element);
      if (node.fn === 'index') {
        // index(i): the instance's number, from 1 (its local index + 1).
        const id = idOf(node.args[0]!, ctx, bound);
        return { code: `((${id.code}) + 1)`, err: id.err };
      }
      if (node.fn === 'down') {
        // down(i): the instance's mode bit (docs/format-v2.md §5); a role that never crashes keeps none and is never down.
        const id = idOf(node.args[0]!, ctx, bound);
        return { code: model.roles[id.role]!.modeSlot < 0 ? '0' : cell(ctx, `r${id.role}_dn`, id.code, false), err: id.err };
      }
      const a = p(node.args[0]!);
      if (node.fn === 'abs') return { code: `((${a.code}) < 0 -> -(${a.code}) : (${a.code}))`, err: a.err };
      const b = p(node.args[1]!);
      const err = orErr(a.err, b.err);
      return { code: node.fn === 'min' ? `((${a.code}) <= (${b.code}) -> (${a.code}) : (${b.code}))` : `((${a.code}) >= (${b.code}) -> (${a.code}) : (${b.code}))`, err };
    }
    case 'binary': {
      // A union of literals alone is typed by what it is written to: `element`.
      const el = ['+', '-', '*', '<', '<=', '>', '>=', '==', '!='].includes(node.op) ? (pairElement(node.left, node.right, setScope(ctx, bound)) ?? (['+', '-', '*'].includes(node.op) ? element : null)) : null;
      if (el !== null) {
        const a = p(node.left, null, el);
        const b = p(node.right, null, el);
        return { code: setBinary(node.op, a.code, b.code), err: orErr(a.err, b.err) };
      }
      if (node.op === '==' || node.op === '!=') {
        const w = valuesOf(typeOf(node.left, ctx, bound), model) ?? valuesOf(typeOf(node.right, ctx, bound), model);
        const a = p(node.left, w);
        const b = p(node.right, w);
        return { code: `(${a.code} ${node.op} ${b.code})`, err: orErr(a.err, b.err) };
      }
      const a = p(node.left);
      const b = p(node.right);
      // C's / and % truncate toward zero, as the engine's; a zero divisor is the engine's eval-error (the step fails).
      if (node.op === '/' || node.op === '%') return { code: `(${a.code} ${node.op} ${b.code})`, err: orErr(orErr(a.err, b.err), `((${b.code}) == 0)`) };
      // Left to right, skipping as the engine does: the right side fails only when it is evaluated.
      if (node.op === '&&') return { code: `(${a.code} && ${b.code})`, err: orErr(a.err, andErr(a.code, b.err)) };
      if (node.op === '||') return { code: `(${a.code} || ${b.code})`, err: orErr(a.err, andErr(`!(${a.code})`, b.err)) };
      if (node.op === '=>') return { code: `(!(${a.code}) || (${b.code}))`, err: orErr(a.err, andErr(a.code, b.err)) };
      return { code: `(${a.code} ${node.op} ${b.code})`, err: orErr(a.err, b.err) };
    }
  }
}

/** Unrolled terms of a quantifier: `forall` stops at the first false, `exists` at the first true, `count` evaluates all. */
function chain(q: 'forall' | 'exists' | 'count', terms: readonly PCode[]): PCode {
  if (terms.length === 0) return { code: q === 'forall' ? '1' : '0', err: null };
  const code = `(${terms.map((t) => (q === 'count' ? `(${t.code} -> 1 : 0)` : t.code)).join(q === 'forall' ? ' && ' : q === 'exists' ? ' || ' : ' + ')})`;
  let err: string | null = null;
  const before: string[] = [];
  for (const t of terms) {
    // A term is reached when every earlier one let the loop go on.
    const reached = q === 'count' || before.length === 0 ? null : before.map((c) => (q === 'forall' ? c : `!(${c})`)).join(' && ');
    err = orErr(err, reached === null ? t.err : andErr(`(${reached})`, t.err));
    before.push(t.code);
  }
  return { code, err };
}

/** The position of a map's key among its keys (an instance's index, an enum value's, 0/1, an int less lo); an int outside the keys fails. */
function keyPosition(keys: ElementType, index: ExprV2, ctx: PContext, bound: Bound[]): PCode {
  if (keys.kind === 'id') {
    const id = idOf(index, ctx, bound);
    return { code: id.code, err: id.err };
  }
  if (keys.kind === 'enum') return px(index, ctx, bound, keys.values);
  const k = px(index, ctx, bound, null);
  if (keys.kind !== 'int') return k;
  return { code: folded(`(${k.code}) - (${keys.lo})`, constant(k.code), (c) => c - keys.lo), err: orErr(k.err, outside(k.code, keys.lo, keys.hi)) };
}

/** The number a code is when it is a constant (`3`, `(-1)`), else null: constant parts fold, so unrolled indices stay short. */
function constant(code: string): number | null {
  const m = /^\(?(-?\d+)\)?$/.exec(code);
  return m ? Number(m[1]) : null;
}

function folded(code: string, c: number | null, f: (c: number) => number): string {
  if (c === null) return code;
  const v = f(c);
  return v < 0 ? `(${v})` : String(v);
}

/** `code` outside lo..hi, folded when it is a constant. */
function outside(code: string, lo: number, hi: number): string | null {
  const c = constant(code);
  if (c !== null) return c < lo || c > hi ? '1' : null;
  return `((${code}) < ${lo} || (${code}) > ${hi})`;
}

/** `S op T` on two masks. */
function setBinary(op: string, a: string, b: string): string {
  switch (op) {
    case '+':
      return `(${a} | ${b})`;
    case '-':
      return `(${a} & ~(${b}))`;
    case '*':
      return `(${a} & ${b})`;
    case '<=':
      return `((${a} & ~(${b})) == 0)`;
    case '>=':
      return `((${b} & ~(${a})) == 0)`;
    case '<':
      return `((${a} & ~(${b})) == 0 && ${a} != ${b})`;
    case '>':
      return `((${b} & ~(${a})) == 0 && ${a} != ${b})`;
    default:
      return `(${a} ${op} ${b})`;
  }
}

/** The bit of element `e` (an int less lo); an int outside the elements fails. */
function bitOf(t: ElementType, e: PCode): PCode {
  const c = constant(e.code);
  const k = t.kind === 'int' ? (c === null ? `(${e.code}) - (${t.lo})` : String(c - t.lo)) : e.code;
  const code = constant(k) !== null && constant(k)! >= 0 ? String(2 ** constant(k)!) : `(1 << (${k}))`;
  return { code, err: t.kind === 'int' ? orErr(e.err, outside(e.code, t.lo, t.hi)) : e.err };
}

/** `{a, b}`, `e in S` (over a literal: `e == a || e == b`), `card(S)` (the bits added up). */
function setCall(node: ExprV2 & { kind: 'call' }, ctx: PContext, bound: Bound[], element: ElementType | null): PCode {
  const scope = setScope(ctx, bound);
  const values = (t: ElementType | null | ScalarType | { kind: 'state'; role: number }): readonly string[] | null => (t === null ? null : valuesOf(t, ctx.model));
  if (node.fn === 'card') {
    const s = px(node.args[0]!, ctx, bound, null, null);
    const t = setElementOf(node.args[0]!, scope)!;
    const bits = Array.from({ length: elementCount(ctx.model, t) }, (_, k) => `((${s.code} >> ${k}) & 1)`);
    return { code: `(${bits.join(' + ')})`, err: s.err };
  }
  if (node.fn === 'in') {
    const [eNode, sNode] = node.args as [ExprV2, ExprV2];
    if (isSetLiteral(sNode)) {
      const w = values(typeOf(eNode, ctx, bound)) ?? sNode.args.map((x) => values(typeOf(x, ctx, bound))).find((x) => x !== null) ?? null;
      const e = px(eNode, ctx, bound, w);
      const items = sNode.args.map((x) => px(x, ctx, bound, w));
      const terms = items.map((x) => ({ code: `(${e.code} == ${x.code})`, err: x.err }));
      const c = chain('exists', terms);
      return { code: c.code, err: orErr(e.err, c.err) };
    }
    const t = setElementOf(sNode, scope)!;
    const s = px(sNode, ctx, bound, null, t);
    const e = px(eNode, ctx, bound, t.kind === 'enum' ? t.values : null);
    const test = t.kind === 'int' ? `((${e.code}) >= ${t.lo} && (${e.code}) <= ${t.hi} && ((${s.code} >> ((${e.code}) - (${t.lo}))) & 1))` : `((${s.code} >> (${e.code})) & 1)`;
    return { code: test, err: orErr(e.err, s.err) };
  }
  const t = element ?? setElementOf(node, scope);
  if (t === null) throw new Error(`export: a set literal without a type at column ${node.start}`);
  if (node.args.length === 0) return { code: '0', err: null };
  const bits = node.args.map((x) => bitOf(t, px(x, ctx, bound, t.kind === 'enum' ? t.values : null)));
  return { code: `(${bits.map((b) => b.code).join(' | ')})`, err: bits.reduce<string | null>((e, b) => orErr(e, b.err), null) };
}

/** `forall x, y in S: body` unrolled over the type's values (a term per value, asking its bit), or over the values listed (each once). */
function setQuantifier(node: ExprV2 & { kind: 'quantifier' }, over: ExprV2, ctx: PContext, bound: Bound[]): PCode {
  const scope = setScope(ctx, bound);
  const q = node.q;
  if (isSetLiteral(over)) {
    const type = over.args.map((x) => typeOf(x, ctx, bound)).find((x) => x !== null) ?? null;
    const w = type === null ? null : valuesOf(type, ctx.model);
    const items = over.args.map((x) => px(x, ctx, bound, w));
    const itemsErr = items.reduce<string | null>((e, x) => orErr(e, x.err), null);
    const role = type?.kind === 'id' ? type.role : -1;
    const level = (depth: number, quant: 'forall' | 'exists' | 'count'): PCode => {
      const terms: PCode[] = [];
      items.forEach((item, i) => {
        // A value listed before is skipped (each value once): statically when both are constants.
        const earlier = items.slice(0, i).map((x) => (/^\(?-?\d+\)?$/.test(x.code) && /^\(?-?\d+\)?$/.test(item.code) ? (x.code === item.code ? '1' : null) : `(${x.code} == ${item.code})`)).filter((x) => x !== null);
        if (earlier.includes('1')) return;
        bound.push({ name: node.names[depth]!, role, value: item.code, ...(type && type.kind !== 'state' ? { type } : {}) });
        const body = depth + 1 < node.names.length ? level(depth + 1, quant === 'count' ? 'forall' : quant) : px(node.body, ctx, bound, null);
        bound.pop();
        const dup = earlier.length ? `(${earlier.join(' || ')})` : null;
        terms.push(dup === null ? body : { code: quant === 'forall' ? `(${dup} || ${body.code})` : `(!${dup} && ${body.code})`, err: andErr(`!${dup}`, body.err) });
      });
      return chain(quant, terms);
    };
    const c = level(0, q);
    return { code: c.code, err: orErr(itemsErr, c.err) };
  }
  const t = setElementOf(over, scope)!;
  const s = px(over, ctx, bound, null, t);
  const n = elementCount(ctx.model, t);
  const type: ScalarType = t;
  const role = t.kind === 'id' ? t.role : -1;
  const level = (depth: number, quant: 'forall' | 'exists' | 'count'): PCode => {
    const terms: PCode[] = [];
    for (let k = 0; k < n; k++) {
      const value = t.kind === 'int' ? t.lo + k : k;
      bound.push({ name: node.names[depth]!, role, value: value < 0 ? `(${value})` : String(value), type });
      const body = depth + 1 < node.names.length ? level(depth + 1, quant === 'count' ? 'forall' : quant) : px(node.body, ctx, bound, null);
      bound.pop();
      const has = `((${s.code} >> ${k}) & 1)`;
      terms.push({ code: quant === 'forall' ? `(!${has} || ${body.code})` : `(${has} && ${body.code})`, err: andErr(has, body.err) });
    }
    return chain(quant, terms);
  };
  const c = level(0, q);
  return { code: c.code, err: orErr(s.err, c.err) };
}
