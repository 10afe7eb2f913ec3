import { checkedResult } from '../../expr/compile';
import type { ExprProblem } from '../../expr/parser';
import { EvaluationError } from '../../model';
import { didYouMean } from '../../spelling';
import type { EvaluatorV2, FieldV2, ScalarType, VarV2 } from '../model';
import type { ExprV2 } from './ast';
import { messageMemberOf, poolLoopOf, type PoolKind } from './pool';
import { compareOf, constantOf, logicOf, loopOf, notOf, readOf, rootOf, sourceOf, type Memo, type Typed } from './closures';
import { BOOL, fromScalar, INT, sameTypeV2, showTypeV2, type TypeV2 } from './types';

/**
 * Checks a version-2 expression's names and types and, in the same pass, builds its closures
 * (evaluation walks no tree and allocates nothing). Every problem is collected with its column;
 * when there is one, the closures are thrown away.
 *
 * Reads address the configuration vector directly: an instance's slot is `bases[id] + offset`.
 */

export interface RoleLayout {
  readonly name: string;
  readonly instances: number;
  readonly states: readonly string[];
  readonly vars: readonly VarV2[];
  readonly bases: Int32Array;
  readonly stateSlot: number;
}

export interface ScopeV2 {
  readonly roles: readonly RoleLayout[];
  readonly crashSlot: number;
  /** The role whose instance runs the expression (`self`), or -1 for a design invariant. */
  readonly role: number;
  /** The transition's event or message (payload fields), `restart`, or null. */
  readonly event: { readonly name: string; readonly fields: readonly FieldV2[] } | 'restart' | null;
  /** The role that sent the message being received, or -1. */
  readonly senderRole: number;
  readonly primes: boolean;
  /** Invariants may read `crashes`. */
  readonly invariant: boolean;
  /** What the expression is, for messages: "guard", "update", "state invariant", … */
  readonly what: string;
  /**
   * Names bound before the expression, slots 0, 1, … in order: the body of a `forall` compiled
   * on its own, to name the instances that make an invariant false (compileModel's witness).
   */
  readonly bound?: readonly { readonly name: string; readonly role: number }[];
  /** The message kinds that travel in the pool, which `forall m in Kind: …` ranges over (none: no such quantifier). */
  readonly pool?: readonly PoolKind[];
}

export interface CompiledV2 {
  readonly type: TypeV2 | null;
  readonly problems: readonly ExprProblem[];
  readonly evaluate: EvaluatorV2;
  /** Quantifier slots this expression needs. */
  readonly binders: number;
  /** It computes with instance numbers (`index(i)`, `RM[e]` with e not a literal), which the exporters do not translate yet. */
  readonly instanceArithmetic: boolean;
  /** Roles whose instances it tells apart by number (`index(i)`, `RM[2]`, `RM[e]`): symmetry refuses them (docs/format-v2.md §18). */
  readonly numbersInstancesOf: readonly number[];
}

interface Binder {
  readonly name: string;
  readonly role: number;
  readonly slot: number;
  /** A message of this kind in the pool, bound by `forall m in Kind`: `role` is -1. */
  readonly message?: PoolKind;
}

const NOTHING: EvaluatorV2 = () => 0;

export function compileExpressionV2(expr: ExprV2, scope: ScopeV2, expected: TypeV2 | null): CompiledV2 {
  const problems: ExprProblem[] = [];
  const binders: Binder[] = (scope.bound ?? []).map((b, slot) => ({ ...b, slot }));
  let maxBinders = binders.length;
  const memo: Memo = { epoch: 0, used: false };
  let instanceArithmetic = false;
  const numbersInstancesOf: number[] = [];
  const roleNames = scope.roles.map((r) => r.name);
  const problem = (column: number, code: string, message: string): null => {
    problems.push({ column, code, message });
    return null;
  };

  const stateType = (role: number): TypeV2 => ({ kind: 'enum', values: scope.roles[role]!.states, owner: roleNames[role]!, isState: true });
  const idType = (role: number): TypeV2 => ({ kind: 'id', role, roleName: roleNames[role]! });
  const roleIndex = (name: string): number => roleNames.indexOf(name);
  const binder = (name: string): Binder | undefined => {
    for (let i = binders.length - 1; i >= 0; i--) if (binders[i]!.name === name) return binders[i];
    return undefined;
  };

  const primeOk = (node: ExprV2, primed: boolean, shown: string): boolean => {
    if (!primed || scope.primes) return true;
    problem(node.start, 'prime-not-allowed', scope.what === 'state invariant'
      ? `${shown}' names the value after a step, which only a step invariant can read; set "kind": "step" or drop the prime.`
      : `${shown}' names the value after a step; a ${scope.what} reads only the values before it.`);
    return false;
  };

  /** The instance `id` of `role` when it is known before running (a literal, or the only instance). */
  const knownId = (role: number, id: Typed): number | undefined => id.constant ?? (scope.roles[role]!.instances === 1 && id.safe ? 0 : undefined);

  /** The slot at `off` in the block of instance `id` of `role`, as one read when its address has a simple shape. */
  const slotAt = (type: TypeV2, role: number, id: Typed, off: number, primed: boolean, small: boolean): Typed => {
    const bases = scope.roles[role]!.bases;
    const k = knownId(role, id);
    if (k !== undefined) return readOf(type, { post: primed, at: bases[k]! + off, stride: 0, source: null, small });
    const stride = uniformStride(bases);
    if (id.source && stride !== null) return readOf(type, { post: primed, at: bases[0]! + off, stride, source: id.source, small });
    const at = id.ev;
    return { type, ev: primed ? (env) => env.post[bases[at(env)]! + off]! : (env) => env.pre[bases[at(env)]! + off]!, deps: id.deps, safe: id.safe };
  };

  const small = (type: ScalarType): boolean => {
    switch (type.kind) {
      case 'bool':
        return true;
      case 'enum':
        return type.values.length <= 32;
      case 'id':
        return scope.roles[type.role]!.instances <= 32;
      case 'int':
        return type.lo >= 0 && type.hi <= 31;
    }
  };

  /** `instance.state` or `instance.var` of `role`, the instance given by `id`. */
  const memberOf = (node: ExprV2, role: number, id: Typed, name: string, primed: boolean, shownTarget: string): Typed | null => {
    const layout = scope.roles[role]!;
    if (!primeOk(node, primed, `${shownTarget}.${name}`)) return null;
    if (name === 'state') return slotAt(stateType(role), role, id, layout.stateSlot, primed, layout.states.length <= 32);
    const v = layout.vars.find((x) => x.name === name);
    if (!v) {
      const hint = didYouMean(name, ['state', ...layout.vars.map((x) => x.name)]);
      return problem(node.start, 'unknown-name', `${layout.name} has no var "${name}"${hint || '; name "state" or one of its vars.'}`);
    }
    if (v.mapOf >= 0) return problem(node.start, 'map-needs-index', `${v.name} is a map; read one entry, as in ${shownTarget}.${v.name}[${roleNames[v.mapOf]}[1]].`);
    return slotAt(fromScalar(v.type, v.name, roleNames), role, id, v.offset, primed, small(v.type));
  };

  const selfTyped = (): Typed => sourceOf(idType(scope.role), { kind: 'self' }, (env) => env.self);

  const name = (node: ExprV2 & { kind: 'name' }): Typed | null => {
    const n = node.name;
    const b = binder(n);
    if (b?.message) return problem(node.start, 'message-not-a-value', `${n} is a ${b.message.name} message; read one of its parts: ${n}.sender, ${n}.receiver${b.message.fields.map((f) => `, ${n}.${f.name}`).join('')}.`);
    if (b) {
      if (node.primed) return problem(node.start, 'prime-not-allowed', `${n} names an instance, which does not change during a step; drop the prime.`);
      const slot = b.slot;
      return sourceOf(idType(b.role), { kind: 'bound', slot }, (env) => env.bound[slot]!);
    }
    if (n === 'self') {
      if (scope.role < 0) return problem(node.start, 'self-not-allowed', 'A design invariant belongs to no instance, so it has no "self"; quantify (forall r in Role: …) or name an instance (Role[1]).');
      return selfTyped();
    }
    if (n === 'sender') {
      if (scope.senderRole < 0) return problem(node.start, 'sender-not-allowed', '"sender" is the instance that sent the message being received; only a "receive" transition has one.');
      return sourceOf(idType(scope.senderRole), { kind: 'sender' }, (env) => env.sender);
    }
    if (n === 'crashes') {
      if (!scope.invariant) return problem(node.start, 'observable-not-allowed', `crashes counts the crashes so far and can be read only in invariants, not in a ${scope.what}.`);
      if (!primeOk(node, node.primed, 'crashes')) return null;
      const slot = scope.crashSlot;
      if (slot < 0) return constantOf(INT, 0);
      return readOf(INT, { post: node.primed, at: slot, stride: 0, source: null, small: false });
    }
    if (scope.role >= 0 && (n === 'state' || scope.roles[scope.role]!.vars.some((v) => v.name === n))) {
      return memberOf(node, scope.role, selfTyped(), n, node.primed, 'self');
    }
    const r = roleIndex(n);
    if (r >= 0) {
      if (node.primed) return problem(node.start, 'prime-not-allowed', `${n} names an instance, which does not change during a step; drop the prime.`);
      if (scope.roles[r]!.instances !== 1) {
        return problem(node.start, 'ambiguous-instance', `${n} has ${scope.roles[r]!.instances} instances; name one (${n}[1]) or quantify (forall x in ${n}: …).`);
      }
      return constantOf(idType(r), 0);
    }
    const candidates = [...binders.map((x) => x.name), ...roleNames, ...(scope.role >= 0 ? ['state', 'self', ...scope.roles[scope.role]!.vars.map((v) => v.name)] : [])];
    const hint = didYouMean(n, candidates);
    if (scope.role < 0 && scope.roles.some((role) => role.vars.some((v) => v.name === n) || n === 'state')) {
      return problem(node.start, 'unknown-name', `A design invariant belongs to no instance: say whose ${n} (as in ${roleNames[0]}[1].${n}, or forall r in ${roleNames[0]}: r.${n}).`);
    }
    return problem(node.start, 'unknown-name', hint ? `Unknown name "${n}"${hint}` : `Unknown name "${n}"; declare a var with that name or fix the spelling.`);
  };

  /** `target.name`: the target must be an instance id. */
  const member = (node: ExprV2 & { kind: 'member' }): Typed | null => {
    const m = node.target.kind === 'name' ? binder(node.target.name) : undefined;
    if (m?.message) return messageMember(node, m.message, m.slot);
    const t = visit(node.target, null);
    if (t === null) return null;
    if (t.type.kind !== 'id') return problem(node.start, 'not-an-instance', `Only an instance has a state and vars; this is ${showTypeV2(t.type)}.`);
    return memberOf(node, t.type.role, t, node.name, node.primed, shown(node.target));
  };

  /** `RM[e]`, e an int expression (a ring's neighbour: `Node[index(self) % 3 + 1]`): an eval-error outside 1..instances. */
  const instanceAt = (r: number, node: ExprV2 & { kind: 'index' }): Typed | null => {
    instanceArithmetic = true;
    numbersInstancesOf.push(r);
    const k = need(node.index, visit(node.index, INT), INT, `The number of a ${roleNames[r]} instance`);
    if (k === null) return null;
    const count = scope.roles[r]!.instances;
    const name = roleNames[r]!;
    if (k.constant !== undefined && (k.constant < 1 || k.constant > count)) return problem(node.index.start, 'bad-instance', `${name}[k] names an instance by a number from 1 to ${count}, not ${k.constant}.`);
    if (k.constant !== undefined) return constantOf(idType(r), k.constant - 1);
    const e = k.ev;
    const at = node.index.start + 1;
    const ev: EvaluatorV2 = (env) => {
      const n = e(env);
      if (n < 1 || n > count) throw new EvaluationError(`${name}[${n}] is no instance (they are numbered 1 to ${count})`, at);
      return n - 1;
    };
    return { type: idType(r), ev, deps: k.deps, safe: false };
  };

  /** `m.sender`, `m.receiver` or `m.F` of a message bound by a quantifier over the pool. */
  const messageMember = (node: ExprV2 & { kind: 'member' }, kind: PoolKind, slot: number): Typed | null => {
    if (node.primed) return problem(node.start, 'prime-not-allowed', `A message in the pool does not change during a step; drop the prime.`);
    const f = kind.fields.findIndex((x) => x.name === node.name);
    if (f >= 0) return messageMemberOf(kind, slot, f, fromScalar(kind.fields[f]!.type, node.name, roleNames));
    if (node.name === 'sender') return messageMemberOf(kind, slot, 'sender', idType(kind.from));
    if (node.name === 'receiver') return messageMemberOf(kind, slot, 'receiver', idType(kind.to));
    const hint = didYouMean(node.name, ['sender', 'receiver', ...kind.fields.map((x) => x.name)]);
    return problem(node.start, 'unknown-field', `A ${kind.name} message has no part "${node.name}"${hint || `; read sender, receiver${kind.fields.map((x) => `, ${x.name}`).join('')}.`}`);
  };

  /** `forall m in Kind: …` over the messages of a kind in the pool (before the step). */
  const poolQuantifier = (node: ExprV2 & { kind: 'quantifier' }, kind: PoolKind): Typed | null => {
    if (node.names.length > 1) return problem(node.start, 'message-one-name', `A quantifier over ${kind.name} messages binds one name; nest a second one for pairs.`);
    const slot = binders.length;
    binders.push({ name: node.names[0]!, role: -1, slot, message: kind });
    maxBinders = Math.max(maxBinders, binders.length);
    const body = visit(node.body, BOOL);
    binders.length -= 1;
    if (body === null) return null;
    if (!sameTypeV2(body.type, BOOL)) return problem(node.body.start, 'type-mismatch', `The body of ${node.q} must be a bool, but this is ${showTypeV2(body.type)}.`);
    return poolLoopOf(node.q, slot, kind, body, node.q === 'count' ? INT : BOOL);
  };

  const index = (node: ExprV2 & { kind: 'index' }): Typed | null => {
    const target = node.target;
    // `RM[2]`: an instance of a role, written with a 1-based literal.
    if (target.kind === 'name' && !target.primed && roleIndex(target.name) >= 0 && !binder(target.name) && !(scope.role >= 0 && scope.roles[scope.role]!.vars.some((v) => v.name === target.name))) {
      const r = roleIndex(target.name);
      const count = scope.roles[r]!.instances;
      if (node.index.kind !== 'int') return instanceAt(r, node);
      numbersInstancesOf.push(r);
      if (node.index.value < 1 || node.index.value > count) {
        return problem(node.index.start, 'bad-instance', `${target.name}[k] names an instance by a number from 1 to ${count}; to range over them write forall x in ${target.name}: ….`);
      }
      return constantOf(idType(r), node.index.value - 1);
    }
    // `m[i]` (own map var) or `x.m[i]` (another instance's map var).
    let role: number;
    let owner: Typed;
    let varName: string;
    let primed: boolean;
    if (target.kind === 'name' && scope.role >= 0 && !binder(target.name)) {
      role = scope.role;
      owner = selfTyped();
      varName = target.name;
      primed = target.primed;
    } else if (target.kind === 'member') {
      const t = visit(target.target, null);
      if (t === null) return null;
      if (t.type.kind !== 'id') return problem(target.start, 'not-an-instance', `Only an instance has vars; this is ${showTypeV2(t.type)}.`);
      role = t.type.role;
      owner = t;
      varName = target.name;
      primed = target.primed;
    } else {
      return problem(node.start, 'not-a-map', 'Only a map var (or a role, as in RM[2]) can be indexed with [ ].');
    }
    const layout = scope.roles[role]!;
    const v = layout.vars.find((x) => x.name === varName);
    if (!v) {
      const hint = didYouMean(varName, layout.vars.filter((x) => x.mapOf >= 0).map((x) => x.name));
      return problem(target.start, 'unknown-name', `${layout.name} has no var "${varName}"${hint || '.'}`);
    }
    if (v.mapOf < 0) return problem(target.start, 'not-a-map', `${varName} is not a map, so it cannot be indexed.`);
    if (!primeOk(target, primed, varName)) return null;
    const i = visit(node.index, idType(v.mapOf));
    if (i === null) return null;
    if (!sameTypeV2(i.type, idType(v.mapOf))) {
      return problem(node.index.start, 'type-mismatch', `${varName} is indexed by instances of ${roleNames[v.mapOf]}, but this is ${showTypeV2(i.type)}.`);
    }
    const bases = layout.bases;
    const off = v.offset;
    const type = fromScalar(v.type, v.name, roleNames);
    const entry = knownId(v.mapOf, i);
    if (entry !== undefined) return slotAt(type, role, owner, off + entry, primed, small(v.type));
    const k = knownId(role, owner);
    if (k !== undefined && i.source) return readOf(type, { post: primed, at: bases[k]! + off, stride: 1, source: i.source, small: small(v.type) });
    const at = i.ev;
    const who = owner.ev;
    const ev: EvaluatorV2 = primed ? (env) => env.post[bases[who(env)]! + off + at(env)]! : (env) => env.pre[bases[who(env)]! + off + at(env)]!;
    return { type, ev, deps: owner.deps | i.deps, safe: owner.safe && i.safe };
  };

  const quantifier = (node: ExprV2 & { kind: 'quantifier' }): Typed | null => {
    const r = roleIndex(node.role);
    if (r < 0) {
      const kind = scope.pool?.find((k) => k.name === node.role);
      if (kind) return poolQuantifier(node, kind);
      const hint = didYouMean(node.role, [...roleNames, ...(scope.pool ?? []).map((k) => k.name)]);
      return problem(node.roleStart, 'unknown-role', hint ? `Unknown role "${node.role}"${hint}` : `Unknown role "${node.role}"; quantifiers range over the instances of a role, or the messages of a kind that travels in the pool.`);
    }
    const count = scope.roles[r]!.instances;
    const slots: number[] = [];
    for (const n of node.names) {
      const slot = binders.length;
      binders.push({ name: n, role: r, slot });
      slots.push(slot);
    }
    maxBinders = Math.max(maxBinders, binders.length);
    const body = visit(node.body, BOOL);
    binders.length -= node.names.length;
    if (body === null) return null;
    if (!sameTypeV2(body.type, BOOL)) return problem(node.body.start, 'type-mismatch', `The body of ${node.q} must be a bool, but this is ${showTypeV2(body.type)}.`);
    // One loop per bound name, the last name fastest; each level stops as soon as the answer is known.
    const enclosed = binders.length > 0;
    let inner: Typed = body;
    for (let j = slots.length - 1; j >= 1; j--) inner = loopOf(node.q === 'count' ? 'forall' : node.q, slots[j]!, count, inner, BOOL, memo, true);
    if (node.q === 'count') {
      if (slots.length > 1) return problem(node.start, 'count-one-name', 'count binds one name: count r in RM: … (nest a second quantifier inside for pairs).');
      return loopOf('count', slots[0]!, count, inner, INT, memo, enclosed);
    }
    return loopOf(node.q, slots[0]!, count, inner, BOOL, memo, enclosed);
  };

  const literal = (node: ExprV2 & { kind: 'string' }, want: TypeV2 | null): Typed | null => {
    if (want === null) return problem(node.start, 'untyped-string', `The quoted value "${node.value}" needs an enum var or a state on the other side of == or != to give it a type.`);
    if (want.kind !== 'enum') return problem(node.start, 'type-mismatch', `The quoted value "${node.value}" is not ${showTypeV2(want)}.`);
    const i = want.values.indexOf(node.value);
    if (i < 0) {
      const what = want.isState ? `a state of ${want.owner}` : `a value of ${want.owner}`;
      const hint = didYouMean(node.value, want.values);
      return problem(node.start, 'unknown-enum-value', hint ? `"${node.value}" is not ${what}${hint}` : `"${node.value}" is not ${what}; use one of ${want.values.map((v) => `"${v}"`).join(', ')}.`);
    }
    return constantOf(want, i);
  };

  const field = (node: ExprV2 & { kind: 'field' }): Typed | null => {
    const event = scope.event;
    if (event === null) return problem(node.start, 'event-not-allowed', `event.${node.field} can be read only in a transition's guard, updates, sends or invariants.`);
    if (event === 'restart') return problem(node.start, 'event-on-restart', `A $restart transition processes no event, so it cannot read event.${node.field}.`);
    const i = event.fields.findIndex((f) => f.name === node.field);
    if (i < 0) {
      const hint = didYouMean(node.field, event.fields.map((f) => f.name));
      return problem(node.start, 'unknown-field', `${event.name} has no payload field "${node.field}"${hint || '.'}`);
    }
    const type = fromScalar(event.fields[i]!.type, node.field, roleNames);
    const ev: EvaluatorV2 = (env) => env.payload[i]!;
    return type.kind === 'id' ? sourceOf(type, { kind: 'payload', field: i }, ev) : { type, ev, deps: 0, safe: true };
  };

  const need = (node: ExprV2, got: Typed | null, want: TypeV2, what: string): Typed | null => {
    if (got === null) return null;
    if (!sameTypeV2(got.type, want)) {
      problem(node.start, 'type-mismatch', `${what} must be ${showTypeV2(want)}, but this is ${showTypeV2(got.type)}.`);
      return null;
    }
    return got;
  };

  const visit = (node: ExprV2, want: TypeV2 | null): Typed | null => {
    switch (node.kind) {
      case 'int':
        return constantOf(INT, node.value);
      case 'bool':
        return constantOf(BOOL, node.value ? 1 : 0);
      case 'string':
        return literal(node, want);
      case 'name':
        return name(node);
      case 'field':
        return field(node);
      case 'member':
        return member(node);
      case 'index':
        return index(node);
      case 'quantifier':
        return quantifier(node);
      case 'unary': {
        const t = node.op === '!' ? BOOL : INT;
        const a = need(node.operand, visit(node.operand, t), t, `The operand of "${node.op}"`);
        if (a === null) return null;
        if (node.op === '!') return notOf(a);
        if (a.constant !== undefined) return constantOf(t, 0 - a.constant);
        const e = a.ev;
        return { type: t, ev: (env) => 0 - e(env), deps: a.deps, safe: a.safe };
      }
      case 'conditional': {
        const test = need(node.test, visit(node.test, BOOL), BOOL, 'The condition of "? :"');
        const stringFirst = node.then.kind === 'string' && node.otherwise.kind !== 'string';
        const first = visit(stringFirst ? node.otherwise : node.then, want);
        const second = visit(stringFirst ? node.then : node.otherwise, first?.type ?? want);
        if (test === null || first === null || second === null) return null;
        if (!sameTypeV2(first.type, second.type)) {
          return problem(node.opStart, 'type-mismatch', `Both branches of "? :" must have one type, but one is ${showTypeV2(first.type)} and the other ${showTypeV2(second.type)}.`);
        }
        const thenT = stringFirst ? second : first;
        const otherwiseT = stringFirst ? first : second;
        if (test.constant !== undefined) return { ...(test.constant !== 0 ? thenT : otherwiseT), type: first.type };
        const cond = test.ev;
        const then = thenT.ev;
        const otherwise = otherwiseT.ev;
        return { type: first.type, ev: (env) => (cond(env) !== 0 ? then(env) : otherwise(env)), deps: test.deps | first.deps | second.deps, safe: test.safe && first.safe && second.safe };
      }
      case 'call': {
        if (node.fn === 'index') {
          // index(i): the number of instance i (1-based), as in RM[2]; index(RM[k]) == k.
          instanceArithmetic = true;
          const id = visit(node.args[0]!, null);
          if (id === null) return null;
          if (id.type.kind !== 'id') return problem(node.args[0]!.start, 'type-mismatch', `index takes an instance (its number, from 1), not ${showTypeV2(id.type)}.`);
          numbersInstancesOf.push(id.type.role);
          if (id.constant !== undefined) return constantOf(INT, id.constant + 1);
          const e = id.ev;
          return { type: INT, ev: (env) => e(env) + 1, deps: id.deps, safe: id.safe };
        }
        const args = node.args.map((a) => need(a, visit(a, INT), INT, `An argument of ${node.fn}`));
        if (args.some((a) => a === null)) return null;
        const typed = args as Typed[];
        const a = typed[0]!.ev;
        const b = typed[1]?.ev ?? a;
        const ev: EvaluatorV2 = node.fn === 'abs' ? (env) => Math.abs(a(env)) : node.fn === 'min' ? (env) => Math.min(a(env), b(env)) : (env) => Math.max(a(env), b(env));
        if (typed.every((x) => x.constant !== undefined)) return constantOf(INT, ev({} as never));
        return { type: INT, ev, deps: typed.reduce((d, x) => d | x.deps, 0), safe: typed.every((x) => x.safe) };
      }
      case 'binary':
        return binary(node);
    }
  };

  const binary = (node: ExprV2 & { kind: 'binary' }): Typed | null => {
    const at = node.opStart;
    if (node.op === '==' || node.op === '!=') {
      const { left, right } = node;
      if (left.kind === 'string' && right.kind === 'string') return problem(left.start, 'untyped-string', 'Compare a quoted value with a var or state, not with another quoted value.');
      let l: Typed | null;
      let r: Typed | null;
      if (left.kind === 'string') {
        r = visit(right, null);
        l = r === null ? null : visit(left, r.type);
      } else {
        l = visit(left, null);
        r = right.kind === 'string' && l === null ? null : visit(right, l?.type ?? null);
      }
      if (l === null || r === null) return null;
      if (!sameTypeV2(l.type, r.type)) {
        return problem(at, 'type-mismatch', `"${node.op}" needs both sides of one type, but the left is ${showTypeV2(l.type)} and the right ${showTypeV2(r.type)}.`);
      }
      const a = l.ev;
      const b = r.ev;
      return compareOf(BOOL, node.op, l, r, () => (node.op === '==' ? (env) => (a(env) === b(env) ? 1 : 0) : (env) => (a(env) !== b(env) ? 1 : 0)));
    }
    const logic = node.op === '&&' || node.op === '||' || node.op === '=>';
    const operand = logic ? BOOL : INT;
    const a = need(node.left, visit(node.left, operand), operand, `The left side of "${node.op}"`);
    const b = need(node.right, visit(node.right, operand), operand, `The right side of "${node.op}"`);
    if (a === null || b === null) return null;
    if (node.op === '&&' || node.op === '||' || node.op === '=>') return logicOf(node.op, a, b);
    const plain = (): EvaluatorV2 => arithmetic(node.op, a.ev, b.ev, at);
    if (['<', '<=', '>', '>='].includes(node.op)) return compareOf(BOOL, node.op, a, b, plain);
    const ev = plain();
    if (a.constant !== undefined && b.constant !== undefined) {
      try {
        return constantOf(INT, ev({} as never));
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
      }
    }
    return { type: INT, ev, deps: a.deps | b.deps, safe: false };
  };

  const result = visit(expr, expected);
  if (result !== null && expected !== null && !sameTypeV2(result.type, expected)) {
    problem(expr.start, scope.what === 'update' ? 'type-mismatch' : 'not-bool', `${/^[aeiou]/.test(scope.what) ? 'An' : 'A'} ${scope.what} must be ${showTypeV2(expected)}, but this expression is ${showTypeV2(result.type)}.`);
  }
  const ok = result !== null && problems.length === 0;
  return { type: ok ? result.type : null, problems, evaluate: ok ? rootOf(result.ev, memo) : NOTHING, binders: maxBinders, instanceArithmetic, numbersInstancesOf };
}

/** The distance between consecutive instance blocks when it is one number, else null. */
function uniformStride(bases: Int32Array): number | null {
  if (bases.length < 2) return 0;
  const stride = bases[1]! - bases[0]!;
  for (let i = 2; i < bases.length; i++) if (bases[i]! - bases[i - 1]! !== stride) return null;
  return stride;
}

function shown(node: ExprV2): string {
  switch (node.kind) {
    case 'name':
      return node.name;
    case 'index':
      return `${shown(node.target)}[…]`;
    case 'member':
      return `${shown(node.target)}.${node.name}`;
    default:
      return 'the instance';
  }
}

function arithmetic(op: string, a: EvaluatorV2, b: EvaluatorV2, at: number): EvaluatorV2 {
  switch (op) {
    case '&&':
      return (env) => (a(env) === 0 ? 0 : b(env));
    case '||':
      return (env) => (a(env) !== 0 ? 1 : b(env));
    case '=>':
      return (env) => (a(env) === 0 ? 1 : b(env));
    case '<':
      return (env) => (a(env) < b(env) ? 1 : 0);
    case '<=':
      return (env) => (a(env) <= b(env) ? 1 : 0);
    case '>':
      return (env) => (a(env) > b(env) ? 1 : 0);
    case '>=':
      return (env) => (a(env) >= b(env) ? 1 : 0);
    case '+':
      return (env) => { const x = a(env); const y = b(env); return checkedResult(x + y, x, y, '+', at); };
    case '-':
      return (env) => { const x = a(env); const y = b(env); return checkedResult(x - y, x, y, '-', at); };
    case '*':
      return (env) => { const x = a(env); const y = b(env); return checkedResult(x * y, x, y, '*', at); };
    case '/':
      return (env) => {
        const x = a(env);
        const y = b(env);
        if (y === 0) throw new EvaluationError(`division by zero (${x} / 0)`, at);
        const r = x % y;
        return (x - r) / y + 0;
      };
    case '%':
      return (env) => {
        const x = a(env);
        const y = b(env);
        if (y === 0) throw new EvaluationError(`remainder by zero (${x} % 0)`, at);
        return (x % y) + 0;
      };
  }
  throw new Error(`arithmetic: unexpected operator ${op}`);
}
