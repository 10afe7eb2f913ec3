import { checkedResult } from '../../expr/compile';
import type { ExprProblem } from '../../expr/parser';
import { EvaluationError } from '../../model';
import { didYouMean } from '../../spelling';
import type { ElementType, EvaluatorV2, FieldV2, ScalarType, VarV2 } from '../model';
import { entryStrides, keyLevels } from '../entryLayout';
import { positionOf, sizeOf } from '../scalarTypes';
import type { ExprV2 } from './ast';
import { messageMemberOf, poolLoopOf, type PoolKind } from './pool';
import { bitOf, compareOf, constantOf, depsOfSlot, logicOf, loopOf, notOf, readOf, rootOf, sourceOf, type Memo, type Typed } from './closures';
import { bitEvaluator, cardinality, maskLoop, listLoop, memberEvaluator, positionEvaluator, setOperation } from './sets';
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
  /** The mode slot in an instance's block (1: down), -1 when the role never crashes. */
  readonly modeSlot: number;
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
  /** It computes with instance numbers (`index(i)`, `RM[e]` with e not a literal): a `tla` export feature (`../exportFeatures.ts`). */
  readonly instanceArithmetic: boolean;
  /** It uses a set form (`{…}`, `in`, `card`, a quantifier over a set): a `set` export feature. */
  readonly setExpressions: boolean;
  /** It reads whether an instance is down (`down(i)`): a `failStop` export feature. */
  readonly readsDown: boolean;
  /** Roles whose instances it tells apart by number (`index(i)`, `RM[2]`, `RM[e]`): symmetry refuses them (docs/format-v2.md §18). */
  readonly numbersInstancesOf: readonly number[];
  /**
   * Every configuration slot it may read, ascending (a superset: a state or var read counts every
   * instance's, a map read every entry), or null when it reads the pool or more than MAX_READS
   * slots. An explorer may take its value as a function of these slots' values (`engine/v2/invariantMemo.ts`).
   */
  readonly reads: Int32Array | null;
}

interface Binder {
  readonly name: string;
  readonly role: number;
  readonly slot: number;
  /** A message of this kind in the pool, bound by `forall m in Kind`: `role` is -1. */
  readonly message?: PoolKind;
  /** An element of a set, bound by `forall x in S`: its type (`role` is its role for an id, else -1). */
  readonly type?: TypeV2;
}

const NOTHING: EvaluatorV2 = () => 0;

/** A nested map entry's position from its computed keys' positions and strides (`../entryLayout.ts`; the keys known before running are already in the offset), as a closure. */
export function entryPosition(parts: readonly { readonly at: EvaluatorV2; readonly stride: number }[]): EvaluatorV2 {
  if (parts.length === 1) {
    const [{ at, stride }] = parts as [{ at: EvaluatorV2; stride: number }];
    return stride === 1 ? at : (env) => at(env) * stride;
  }
  if (parts.length === 2) {
    const [a, b] = parts as [{ at: EvaluatorV2; stride: number }, { at: EvaluatorV2; stride: number }];
    const [pa, sa, pb, sb] = [a.at, a.stride, b.at, b.stride];
    return (env) => pa(env) * sa + pb(env) * sb;
  }
  return (env) => {
    let n = 0;
    for (const p of parts) n += p.at(env) * p.stride;
    return n;
  };
}

/** At most this many slots in `CompiledV2.reads` (an explorer keys on a few; more is not worth a large set while loading). */
const MAX_READS = 256;

export function compileExpressionV2(expr: ExprV2, scope: ScopeV2, expected: TypeV2 | null): CompiledV2 {
  const problems: ExprProblem[] = [];
  const binders: Binder[] = (scope.bound ?? []).map((b, slot) => ({ ...b, slot }));
  let maxBinders = binders.length;
  const memo: Memo = { epoch: 0, used: false };
  let instanceArithmetic = false;
  let setExpressions = false;
  let readsDown = false;
  const numbersInstancesOf: number[] = [];
  const reads = new Set<number>();
  /** Whether `reads` is not stated (null): the expression reads the pool, or more than MAX_READS slots. */
  let readsUnstated = false;
  /** Notes a read of `width` slots from `offset` in the blocks of `role`, for any instance. */
  const reading = (role: number, offset: number, width: number): void => {
    const bases = scope.roles[role]!.bases;
    if (readsUnstated || reads.size + bases.length * width > MAX_READS) {
      readsUnstated = true;
      return;
    }
    for (const base of bases) for (let j = 0; j < width; j++) reads.add(base + offset + j);
  };
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
      case 'set':
        return false;
    }
  };

  /** `instance.state` or `instance.var` of `role`, the instance given by `id`. */
  const memberOf = (node: ExprV2, role: number, id: Typed, name: string, primed: boolean, shownTarget: string): Typed | null => {
    const layout = scope.roles[role]!;
    if (!primeOk(node, primed, `${shownTarget}.${name}`)) return null;
    if (name === 'state') {
      reading(role, layout.stateSlot, 1);
      return slotAt(stateType(role), role, id, layout.stateSlot, primed, layout.states.length <= 32);
    }
    const v = layout.vars.find((x) => x.name === name);
    if (!v) {
      const hint = didYouMean(name, ['state', ...layout.vars.map((x) => x.name)]);
      return problem(node.start, 'unknown-name', `${layout.name} has no var "${name}"${hint || '; name "state" or one of its vars.'}`);
    }
    if (v.keys !== null) return problem(node.start, 'map-needs-index', `${v.name} is a map; read one entry, as in ${shownTarget}.${entryExample(v)}.`);
    reading(role, v.offset, 1);
    return slotAt(fromScalar(v.type, v.name, roleNames), role, id, v.offset, primed, small(v.type));
  };

  const selfTyped = (): Typed => sourceOf(idType(scope.role), { kind: 'self' }, (env) => env.self);

  const name = (node: ExprV2 & { kind: 'name' }): Typed | null => {
    const n = node.name;
    const b = binder(n);
    if (b?.message) return problem(node.start, 'message-not-a-value', `${n} is a ${b.message.name} message; read one of its parts: ${n}.sender, ${n}.receiver${b.message.fields.map((f) => `, ${n}.${f.name}`).join('')}.`);
    if (b) {
      if (node.primed) return problem(node.start, 'prime-not-allowed', `${n} names ${b.type ? 'an element of a set' : 'an instance'}, which does not change during a step; drop the prime.`);
      const slot = b.slot;
      // An element of a set of ids is an instance like any other; of other sets, a plain value.
      if (b.type && b.type.kind !== 'id') return { type: b.type, ev: (env) => env.bound[slot]!, deps: depsOfSlot(slot), safe: true };
      return sourceOf(b.type ?? idType(b.role), { kind: 'bound', slot }, (env) => env.bound[slot]!);
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
      reads.add(slot);
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
    // The example names a role that has the var (any role has a state), by its name when it has one instance.
    const owner = scope.role < 0 ? scope.roles.findIndex((role) => n === 'state' || role.vars.some((v) => v.name === n)) : -1;
    if (owner >= 0) {
      const o = roleNames[owner]!;
      const example = scope.roles[owner]!.instances === 1 ? `${o}.${n}` : `${o}[1].${n}, or forall r in ${o}: r.${n}`;
      return problem(node.start, 'unknown-name', `A design invariant belongs to no instance: say whose ${n} (as in ${example}).`);
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
    readsUnstated = true;
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
    readsUnstated = true;
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

  /** `m[RM[1]][k]`: how one entry of map `v` is written, for messages. */
  const entryExample = (v: VarV2): string => `${v.name}${keyLevels(v).map((k) => `[${k.kind === 'id' ? `${roleNames[k.role]}[1]` : 'k'}]`).join('')}`;

  const index = (node: ExprV2 & { kind: 'index' }): Typed | null => {
    const target = node.target;
    // `m[a][b]`: an entry of a nested map, the var at the bottom of the chain of indices.
    if (target.kind === 'index') return nestedEntry(node);
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
    const found = mapVar(node, target);
    if (found === null) return null;
    const { v, role, owner, primed } = found;
    if (v.inner.length > 0) return problem(node.start, 'map-needs-index', `${v.name} is a nested map: read one entry, as in ${entryExample(v)} (a whole inner map is not a value).`);
    if (v.mapOf < 0) return keyedEntry(node, v, v.keys!, role, owner, primed);
    const varName = v.name;
    const layout = scope.roles[role]!;
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

  /** The map var that `target` names (`m`, `m'`, `x.m`), with its instance; null after reporting. */
  const mapVar = (node: ExprV2, target: ExprV2): { v: VarV2; role: number; owner: Typed; primed: boolean } | null => {
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
      const hint = didYouMean(varName, layout.vars.filter((x) => x.keys !== null).map((x) => x.name));
      return problem(target.start, 'unknown-name', `${layout.name} has no var "${varName}"${hint || '.'}`);
    }
    if (v.keys === null) return problem(target.start, 'not-a-map', `${varName} is not a map, so it cannot be indexed.`);
    if (!primeOk(target, primed, varName)) return null;
    reading(role, v.offset, v.width);
    return { v, role, owner, primed };
  };

  /**
   * `m[a][b]` (and `i.m[a][b]`, `m'[a][b]`, three levels at most): one entry of a nested map, at
   * position Σ position(key_j) × stride_j (the first key major). Every level's key is typed like a
   * one-level map's; an int key outside its range is an evaluation error, a literal one refused.
   */
  const nestedEntry = (node: ExprV2 & { kind: 'index' }): Typed | null => {
    const keyNodes: ExprV2[] = [];
    let base: ExprV2 = node;
    while (base.kind === 'index') {
      keyNodes.unshift(base.index);
      base = base.target;
    }
    const found = mapVar(node, base);
    if (found === null) return null;
    const { v, role, owner, primed } = found;
    const levels = keyLevels(v);
    if (keyNodes.length !== levels.length) {
      return problem(node.start, levels.length === 1 ? 'not-a-map' : 'map-needs-index', `${v.name} has ${levels.length} key level${levels.length === 1 ? '' : 's'}, so one entry is ${entryExample(v)}; this gives ${keyNodes.length} keys.`);
    }
    const strides = entryStrides(v, { instances: scope.roles.map((r) => r.instances) });
    let fixed = 0;
    let deps = owner.deps;
    let safe = owner.safe;
    const parts: { at: EvaluatorV2; stride: number }[] = [];
    for (let j = 0; j < levels.length; j++) {
      const keys = levels[j]!;
      const keyNode = keyNodes[j]!;
      const stride = strides[j]!;
      const keyType = fromScalar(keys, v.name, roleNames);
      const i = visit(keyNode, keyType);
      if (i === null) return null;
      if (!sameTypeV2(i.type, keyType)) return problem(keyNode.start, 'type-mismatch', `${v.name}'s key ${j + 1} is ${showTypeV2(keyType)}, but this is ${showTypeV2(i.type)}.`);
      deps |= i.deps;
      if (i.constant !== undefined) {
        if (keys.kind === 'int' && (i.constant < keys.lo || i.constant > keys.hi)) return problem(keyNode.start, 'bad-key', `${v.name}'s key ${j + 1} is ${keys.lo} to ${keys.hi}, not ${i.constant}.`);
        fixed += positionOf(keys, i.constant) * stride;
        continue;
      }
      safe &&= i.safe && keys.kind !== 'int';
      parts.push({ at: positionEvaluator(keys, i.ev, v.name, keyNode.start), stride });
    }
    const type = fromScalar(v.type, v.name, roleNames);
    const off = v.offset + fixed;
    if (parts.length === 0) return slotAt(type, role, owner, off, primed, small(v.type));
    const pos = entryPosition(parts);
    const bases = scope.roles[role]!.bases;
    const k = knownId(role, owner);
    let ev: EvaluatorV2;
    if (k !== undefined) {
      const at = bases[k]! + off;
      ev = primed ? (env) => env.post[at + pos(env)]! : (env) => env.pre[at + pos(env)]!;
    } else {
      const who = owner.ev;
      ev = primed ? (env) => env.post[bases[who(env)]! + off + pos(env)]! : (env) => env.pre[bases[who(env)]! + off + pos(env)]!;
    }
    return { type, ev, deps, safe };
  };

  /** `m[k]` of a map keyed by bool, an enum or an int range (docs/format-v2.md §2): an int key outside the range is an evaluation error. */
  const keyedEntry = (node: ExprV2 & { kind: 'index' }, v: VarV2, keys: ElementType, role: number, owner: Typed, primed: boolean): Typed | null => {
    const keyType = fromScalar(keys, v.name, roleNames);
    const i = visit(node.index, keyType);
    if (i === null) return null;
    if (!sameTypeV2(i.type, keyType)) return problem(node.index.start, 'type-mismatch', `${v.name} is indexed by ${showTypeV2(keyType).replace(/^an? /, '')}s, but this is ${showTypeV2(i.type)}.`);
    const type = fromScalar(v.type, v.name, roleNames);
    if (i.constant !== undefined) {
      if (keys.kind === 'int' && (i.constant < keys.lo || i.constant > keys.hi)) return problem(node.index.start, 'bad-key', `${v.name}'s keys are ${keys.lo} to ${keys.hi}, not ${i.constant}.`);
      return slotAt(type, role, owner, v.offset + positionOf(keys, i.constant), primed, small(v.type));
    }
    const bases = scope.roles[role]!.bases;
    const off = v.offset;
    const at = positionEvaluator(keys, i.ev, v.name, node.index.start);
    const who = owner.ev;
    const ev: EvaluatorV2 = primed ? (env) => env.post[bases[who(env)]! + off + at(env)]! : (env) => env.pre[bases[who(env)]! + off + at(env)]!;
    return { type, ev, deps: owner.deps | i.deps, safe: owner.safe && i.safe && keys.kind !== 'int' };
  };

  const quantifier = (node: ExprV2 & { kind: 'quantifier' }): Typed | null => {
    if (node.over) return setQuantifier(node, node.over);
    const r = roleIndex(node.role);
    if (r < 0 && !scope.pool?.some((k) => k.name === node.role) && isSetName(node.role)) return setQuantifier(node, { kind: 'name', name: node.role, primed: false, start: node.roleStart, end: node.roleStart + node.role.length });
    if (r < 0) {
      const kind = scope.pool?.find((k) => k.name === node.role);
      if (kind) return poolQuantifier(node, kind);
      const hint = didYouMean(node.role, [...roleNames, ...(scope.pool ?? []).map((k) => k.name)]);
      return problem(node.roleStart, 'unknown-role', hint ? `Unknown role "${node.role}"${hint}` : `Unknown role "${node.role}"; quantifiers range over the instances of a role, or the messages of a kind that travels in the pool.`);
    }
    const count = scope.roles[r]!.instances;
    const bound = boundBody(node, (name, slot) => ({ name, role: r, slot }));
    if (bound === null) return null;
    const { slots, body } = bound;
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

  /** A quantifier's names bound to the next slots while its body is compiled (a bool); null after a problem. */
  const boundBody = (node: ExprV2 & { kind: 'quantifier' }, binder: (name: string, slot: number) => Binder): { slots: number[]; body: Typed } | null => {
    const slots: number[] = [];
    for (const n of node.names) {
      const slot = binders.length;
      binders.push(binder(n, slot));
      slots.push(slot);
    }
    maxBinders = Math.max(maxBinders, binders.length);
    const body = visit(node.body, BOOL);
    binders.length -= node.names.length;
    if (body === null) return null;
    if (!sameTypeV2(body.type, BOOL)) return problem(node.body.start, 'type-mismatch', `The body of ${node.q} must be a bool, but this is ${showTypeV2(body.type)}.`);
    return { slots, body };
  };

  /** A set var of the running instance, named bare after `in` (`forall b in ballots: …`). */
  const isSetName = (n: string): boolean => scope.role >= 0 && !binder(n) && scope.roles[scope.role]!.vars.some((v) => v.name === n && v.keys === null && v.type.kind === 'set');

  /** `forall x, y in S: …` over a set's elements, or over the values listed in `{a, b}`. */
  const setQuantifier = (node: ExprV2 & { kind: 'quantifier' }, over: ExprV2): Typed | null => {
    setExpressions = true;
    if (node.q === 'count' && node.names.length > 1) return problem(node.start, 'count-one-name', 'count binds one name: count x in S: … (nest a second quantifier inside for pairs).');
    const listed = over.kind === 'call' && over.fn === 'set' ? typedList(over.args, null) : null;
    if (listed === null && over.kind === 'call' && over.fn === 'set') return over.args.length === 0 ? problem(over.start, 'empty-set', 'A quantifier over {} has nothing to range over.') : null;
    const set = listed === null ? visit(over, null) : null;
    if (listed === null && set === null) return null;
    if (set && set.type.kind !== 'set') return problem(over.start, 'not-a-set', `A quantifier ranges over a role's instances, a pool kind's messages or a set; this is ${showTypeV2(set.type)}.`);
    const of = set?.type.kind === 'set' ? set.type.of : listed![0]!.type;
    const bound = boundBody(node, (name, slot) => ({ name, role: of.kind === 'id' ? of.role : -1, slot, type: of }));
    if (bound === null) return null;
    const { slots, body } = bound;
    const element = set?.type.kind === 'set' ? set.type.element : null;
    const n = element ? elementCount(element) : 0;
    const lo = element?.kind === 'int' ? element.lo : 0;
    const over1 = (q: 'forall' | 'exists' | 'count', slot: number, inner: EvaluatorV2): EvaluatorV2 => (set ? maskLoop(q, slot, set.ev, n, lo, inner) : listLoop(q, slot, listed!.map((x) => x.ev), inner));
    let ev = body.ev;
    for (let j = slots.length - 1; j >= 1; j--) ev = over1(node.q === 'count' ? 'forall' : node.q, slots[j]!, ev);
    ev = over1(node.q, slots[0]!, ev);
    let deps = body.deps;
    for (const slot of slots) deps = deps === -1 || bitOf(slot) === 0 ? -1 : deps & ~bitOf(slot);
    for (const x of set ? [set] : listed!) deps = deps === -1 || x.deps === -1 ? -1 : deps | x.deps;
    return { type: node.q === 'count' ? INT : BOOL, ev, deps, safe: body.safe && (set ? set.safe : listed!.every((x) => x.safe)) };
  };

  const elementCount = (element: ElementType): number => sizeOf(element, { instances: scope.roles.map((r) => r.instances) });

  /**
   * A set expression that cannot type itself, and takes its type from the other side (docs/format-v2.md
   * §5): a literal `{…}`, and a `? :` or `+ - *` made only of such sets (`(event.r1 ? {"r1"} : {}) +
   * (event.r2 ? {"r2"} : {})`, SimpleAllocator's `S \in SUBSET Resources` as a bool per resource).
   */
  const untypedSet = (x: ExprV2): boolean =>
    (x.kind === 'call' && x.fn === 'set') ||
    (x.kind === 'conditional' && untypedSet(x.then) && untypedSet(x.otherwise)) ||
    (x.kind === 'binary' && (x.op === '+' || x.op === '-' || x.op === '*') && untypedSet(x.left) && untypedSet(x.right));
  /** A quoted value or an untyped set: typed by what it meets. */
  const untyped = (x: ExprV2): boolean => x.kind === 'string' || untypedSet(x);

  /** Nodes of one type (a set literal's elements), the first that types itself visited first; null after reporting. */
  const typedList = (nodes: readonly ExprV2[], want: TypeV2 | null): Typed[] | null => {
    if (nodes.length === 0) return [];
    const firstAt = want === null ? Math.max(0, nodes.findIndex((x) => !untyped(x))) : 0;
    const first = visit(nodes[firstAt]!, want);
    if (first === null) return null;
    const out: (Typed | null)[] = nodes.map((x, i) => (i === firstAt ? first : visit(x, first.type)));
    for (let i = 0; i < nodes.length; i++) {
      const t = out[i];
      if (t && !sameTypeV2(t.type, first.type)) return problem(nodes[i]!.start, 'type-mismatch', `The values listed in { } must have one type, but one is ${showTypeV2(first.type)} and this is ${showTypeV2(t.type)}.`);
    }
    return out.some((t) => t === null) ? null : (out as Typed[]);
  };

  /** The element type of a set whose elements have type `t` (an int set's range comes from a set on the other side). */
  const elementOf = (t: TypeV2): ElementType | null => (t.kind === 'bool' ? { kind: 'bool' } : t.kind === 'id' ? { kind: 'id', role: t.role } : t.kind === 'enum' && !t.isState ? { kind: 'enum', values: t.values } : null);

  /** `{a, b}`: a set's mask; its type from `want`, or from its elements when they are not ints. */
  const setLiteral = (node: ExprV2 & { kind: 'call' }, want: TypeV2 | null): Typed | null => {
    setExpressions = true;
    const wanted = want?.kind === 'set' ? want : null;
    const items = typedList(node.args, wanted?.of ?? null);
    if (items === null) return null;
    const element = wanted?.element ?? (items.length ? elementOf(items[0]!.type) : null);
    if (element === null) {
      return problem(node.start, 'untyped-set', items.length === 0 || items[0]!.type.kind === 'int'
        ? 'This set needs a set on the other side (a set var, or a map entry that is one) to give it a type, as in votes[b] + {event.v} or S == {}.'
        : `A set holds bools, ints, enum values or instances, not ${showTypeV2(items[0]!.type)}.`);
    }
    const type: TypeV2 = wanted ?? { kind: 'set', of: items[0]!.type, element };
    if (element.kind === 'int') {
      for (const [i, x] of items.entries()) {
        if (x.constant !== undefined && (x.constant < element.lo || x.constant > element.hi)) return problem(node.args[i]!.start, 'bad-element', `This set holds ints from ${element.lo} to ${element.hi}, not ${x.constant}.`);
      }
    }
    const bits = items.map((x, i) => bitEvaluator(element, x.ev, node.args[i]!.start));
    const ev: EvaluatorV2 = bits.length === 0 ? () => 0 : bits.length === 1 ? bits[0]! : (env) => { let m = 0; for (const b of bits) m |= b(env); return m; };
    if (items.every((x) => x.constant !== undefined)) return constantOf(type, ev({} as never));
    return { type, ev, deps: items.reduce((d, x) => (d === -1 || x.deps === -1 ? -1 : d | x.deps), 0), safe: items.every((x) => x.safe) && element.kind !== 'int' };
  };

  /** `e in S`; over a listed set `{a, b}` it is `e == a || e == b`, typed by e (no set is built). */
  const membership = (node: ExprV2 & { kind: 'call' }): Typed | null => {
    setExpressions = true;
    const [eNode, sNode] = node.args as [ExprV2, ExprV2];
    if (sNode.kind === 'call' && sNode.fn === 'set') {
      const all = typedList([eNode, ...sNode.args], null);
      if (all === null) return null;
      const [e, ...items] = all as [Typed, ...Typed[]];
      if (e.type.kind === 'set') return problem(eNode.start, 'type-mismatch', '"in" asks whether a value is an element of a set; compare two sets with <= (subset) or ==.');
      const x = e.ev;
      const evs = items.map((t) => t.ev);
      return { type: BOOL, ev: (env) => { const v = x(env); for (const f of evs) if (f(env) === v) return 1; return 0; }, deps: all.reduce((d, t) => (d === -1 || t.deps === -1 ? -1 : d | t.deps), 0), safe: all.every((t) => t.safe) };
    }
    const set = visit(sNode, null);
    if (set === null) return null;
    if (set.type.kind !== 'set') return problem(sNode.start, 'not-a-set', `The right side of "in" must be a set, but this is ${showTypeV2(set.type)}.`);
    const e = need(eNode, visit(eNode, set.type.of), set.type.of, 'The left side of "in"');
    if (e === null) return null;
    return { type: BOOL, ev: memberEvaluator(set.type.element, e.ev, set.ev), deps: e.deps === -1 || set.deps === -1 ? -1 : e.deps | set.deps, safe: e.safe && set.safe };
  };

  /** `S op T` for two sets (`+` union, `-` difference, `*` intersection, `<=` subset, …), the set on one side typing a literal on the other. */
  const setBinary = (node: ExprV2 & { kind: 'binary' }, l: Typed, r: Typed): Typed | null => {
    setExpressions = true;
    if (!sameTypeV2(l.type, r.type)) return problem(node.opStart, 'type-mismatch', `"${node.op}" needs two sets of one type, but the left is ${showTypeV2(l.type)} and the right ${showTypeV2(r.type)}.`);
    const type = ['+', '-', '*'].includes(node.op) ? l.type : BOOL;
    if (!['+', '-', '*', '<', '<=', '>', '>='].includes(node.op)) return problem(node.opStart, 'type-mismatch', `"${node.op}" does not apply to sets; use + (union), - (difference), * (intersection), <= (subset), == or in.`);
    const ev = setOperation(node.op, l.ev, r.ev);
    if (l.constant !== undefined && r.constant !== undefined) return constantOf(type, ev({} as never));
    return { type, ev, deps: l.deps === -1 || r.deps === -1 ? -1 : l.deps | r.deps, safe: l.safe && r.safe };
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
        const stringFirst = untyped(node.then) && !untyped(node.otherwise);
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
        if (node.fn === 'set') return setLiteral(node, want);
        if (node.fn === 'in') return membership(node);
        if (node.fn === 'card') {
          setExpressions = true;
          const set = visit(node.args[0]!, null);
          if (set === null) return null;
          if (set.type.kind !== 'set') return problem(node.args[0]!.start, 'not-a-set', `card counts the elements of a set, not of ${showTypeV2(set.type)}.`);
          const e = set.ev;
          return { type: INT, ev: (env) => cardinality(e(env)), deps: set.deps, safe: set.safe };
        }
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
        if (node.fn === 'down') {
          // down(i): instance i is crashed (its mode, docs/format-v2.md §5, §7); a role that never crashes has no mode and is never down.
          readsDown = true;
          const id = visit(node.args[0]!, null);
          if (id === null) return null;
          if (id.type.kind !== 'id') return problem(node.args[0]!.start, 'type-mismatch', `down takes an instance (whether it is crashed), not ${showTypeV2(id.type)}.`);
          const modeSlot = scope.roles[id.type.role]!.modeSlot;
          if (modeSlot >= 0) reading(id.type.role, modeSlot, 1);
          if (modeSlot < 0) {
            if (id.safe) return constantOf(BOOL, 0);
            const e = id.ev; // RM[e] may name no instance: still an evaluation error
            return { type: BOOL, ev: (env) => { e(env); return 0; }, deps: id.deps, safe: false };
          }
          return slotAt(BOOL, id.type.role, id, modeSlot, false, true);
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
        return binary(node, want);
    }
  };

  /** `want`: the type the context expects; a set passes on to the operands of `+ - *`, whose result is a set of theirs. */
  const binary = (node: ExprV2 & { kind: 'binary' }, want: TypeV2 | null): Typed | null => {
    const at = node.opStart;
    if (node.op === '==' || node.op === '!=') {
      const { left, right } = node;
      if (left.kind === 'string' && right.kind === 'string') return problem(left.start, 'untyped-string', 'Compare a quoted value with a var or state, not with another quoted value.');
      let l: Typed | null;
      let r: Typed | null;
      if (left.kind === 'string' || (untypedSet(left) && !untypedSet(right))) {
        r = visit(right, null);
        l = r === null ? null : visit(left, r.type);
      } else {
        l = visit(left, null);
        r = (right.kind === 'string' || untypedSet(right)) && l === null ? null : visit(right, l?.type ?? null);
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
    // Sets: `S + {e}`, `S - T`, `S <= T` (docs/format-v2.md §5); the left side is read first unless it is a literal.
    let first: Typed | null | undefined;
    if (!logic && node.left.kind !== 'string') {
      const setResult = want?.kind === 'set' && (node.op === '+' || node.op === '-' || node.op === '*') ? want : null;
      if (untypedSet(node.left) && setResult === null) {
        const r = visit(node.right, null);
        if (r === null) return null;
        if (r.type.kind !== 'set') return problem(node.left.start, 'type-mismatch', `"${node.op}" with a set on the left needs a set on the right, but this is ${showTypeV2(r.type)}.`);
        const l = visit(node.left, r.type);
        return l && setBinary(node, l, r);
      }
      first = visit(node.left, setResult);
      if (first?.type.kind === 'set') {
        const r = visit(node.right, first.type);
        return r && setBinary(node, first, r);
      }
    }
    const a = need(node.left, first !== undefined ? first : visit(node.left, operand), operand, `The left side of "${node.op}"`);
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
  return { type: ok ? result.type : null, problems, evaluate: ok ? rootOf(result.ev, memo) : NOTHING, binders: maxBinders, instanceArithmetic, setExpressions, readsDown, numbersInstancesOf, reads: readsUnstated ? null : Int32Array.from([...reads].sort((a, b) => a - b)) };
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
