import type { EnvV2, EvaluatorV2 } from '../model';
import type { TypeV2 } from './types';

/**
 * The closures `compile.ts` builds, shaped so that evaluation makes few calls: a read of one
 * slot is one closure (not an instance closure feeding a member closure), a comparison of a
 * small-valued slot with constants is one bit test, `forall r in RM: r.state == "x"` is one loop
 * over the slots (and `forall r in RM: TM.prepared[r] => r.state == "x"`, two tests combined, one
 * loop over both), and a quantifier's body is split so that what does not depend on the bound
 * name is evaluated once (`forall r1, r2: !(A(r1) && B(r2))` is `forall r1: A(r1) => M`, with M
 * = `forall r2: !B(r2)` computed at most once per evaluation). Every rewrite gives the same value
 * and raises the same error, at the same point, as the plain closures did.
 */

/** Where an instance id comes from while an expression runs. */
export type Source =
  | { readonly kind: 'self' }
  | { readonly kind: 'sender' }
  | { readonly kind: 'bound'; readonly slot: number }
  | { readonly kind: 'payload'; readonly field: number };

/** A read of one vector slot: `vec[at + stride * source]`, or `vec[at]` without a source. */
export interface SlotRead {
  readonly post: boolean;
  readonly at: number;
  readonly stride: number;
  readonly source: Source | null;
  /** Every value the slot can hold is an integer in [0, 31] (bools, enums, states, ids, small ints). */
  readonly small: boolean;
}

/** A bool that is `(mask >>> value) & 1` of one small slot: comparisons with constants, `!`, `&&`, `||` of them. */
export interface SlotTest {
  readonly read: SlotRead;
  readonly mask: number;
}

export interface Typed {
  readonly type: TypeV2;
  readonly ev: EvaluatorV2;
  /** Quantifier slots it reads, one bit each (-1: any). */
  readonly deps: number;
  /** Evaluating it cannot throw (no checked arithmetic, division or remainder). */
  readonly safe: boolean;
  /** Its value when known before running (it cannot throw then). */
  readonly constant?: number;
  /** An instance id read from the environment. */
  readonly source?: Source;
  /** It is exactly this slot read. */
  readonly read?: SlotRead;
  /** A bool that is exactly this test. */
  readonly test?: SlotTest;
  /** `left op right`, kept so quantifiers can split their body. */
  readonly logic?: { readonly op: '&&' | '||' | '=>'; readonly left: Typed; readonly right: Typed };
  /** `!negated`. */
  readonly negated?: Typed;
}

/** One compiled expression's evaluation counter: quantifiers that read no bound name keep their value for one evaluation. */
export interface Memo {
  epoch: number;
  used: boolean;
}

export const bitOf = (slot: number): number => (slot < 30 ? 1 << slot : 0);
export const depsOfSlot = (slot: number): number => (slot < 30 ? 1 << slot : -1);

export function constantOf(type: TypeV2, v: number): Typed {
  return { type, ev: () => v, deps: 0, safe: true, constant: v };
}

export function sourceOf(type: TypeV2, source: Source, ev: EvaluatorV2): Typed {
  return { type, ev, deps: source.kind === 'bound' ? depsOfSlot(source.slot) : 0, safe: true, source };
}

/** A read of one slot; `index` evaluates its source for the uncommon shapes. */
export function readOf(type: TypeV2, r: SlotRead): Typed {
  const deps = r.source?.kind === 'bound' ? depsOfSlot(r.source.slot) : 0;
  const test = r.small && type.kind === 'bool' ? { read: r, mask: 2 } : undefined;
  return { type, ev: valueOf(r), deps, safe: true, read: r, ...(test ? { test } : {}) };
}

function indexOf(source: Source | null): EvaluatorV2 {
  if (source === null) return () => 0;
  switch (source.kind) {
    case 'self':
      return (env) => env.self;
    case 'sender':
      return (env) => env.sender;
    case 'bound': {
      const s = source.slot;
      return (env) => env.bound[s]!;
    }
    case 'payload': {
      const f = source.field;
      return (env) => env.payload[f]!;
    }
  }
}

function valueOf(r: SlotRead): EvaluatorV2 {
  const { at, stride, source } = r;
  if (source === null) return r.post ? (env) => env.post[at]! : (env) => env.pre[at]!;
  if (!r.post && source.kind === 'bound') {
    const s = source.slot;
    return (env) => env.pre[at + stride * env.bound[s]!]!;
  }
  if (!r.post && source.kind === 'self') return (env) => env.pre[at + stride * env.self]!;
  const i = indexOf(source);
  return r.post ? (env) => env.post[at + stride * i(env)]! : (env) => env.pre[at + stride * i(env)]!;
}

function testEv(t: SlotTest): EvaluatorV2 {
  const { at, stride, source } = t.read;
  const mask = t.mask;
  if (mask === 0) return () => 0;
  if (mask === -1) return () => 1;
  if (source === null) return t.read.post ? (env) => (mask >>> env.post[at]!) & 1 : (env) => (mask >>> env.pre[at]!) & 1;
  if (!t.read.post && source.kind === 'bound') {
    const s = source.slot;
    return (env) => (mask >>> env.pre[at + stride * env.bound[s]!]!) & 1;
  }
  if (!t.read.post && source.kind === 'self') return (env) => (mask >>> env.pre[at + stride * env.self]!) & 1;
  const i = indexOf(source);
  return t.read.post ? (env) => (mask >>> env.post[at + stride * i(env)]!) & 1 : (env) => (mask >>> env.pre[at + stride * i(env)]!) & 1;
}

function sameRead(a: SlotRead, b: SlotRead): boolean {
  if (a.post !== b.post || a.at !== b.at || a.stride !== b.stride) return false;
  const s = a.source;
  const t = b.source;
  if (s === null || t === null) return s === t;
  if (s.kind !== t.kind) return false;
  if (s.kind === 'bound') return s.slot === (t as { slot: number }).slot;
  if (s.kind === 'payload') return s.field === (t as { field: number }).field;
  return true;
}

const union = (a: Typed, b: Typed): number => a.deps | b.deps;

function testTyped(type: TypeV2, t: SlotTest): Typed {
  const deps = t.read.source?.kind === 'bound' ? depsOfSlot(t.read.source.slot) : 0;
  return { type, ev: testEv(t), deps, safe: true, test: t };
}

/** Values 0…31 of a small slot for which `v op k` holds, as a mask. */
function maskFor(op: string, k: number): number {
  let mask = 0;
  for (let v = 0; v < 32; v++) {
    const holds = op === '==' ? v === k : op === '!=' ? v !== k : op === '<' ? v < k : op === '<=' ? v <= k : op === '>' ? v > k : v >= k;
    if (holds) mask |= 1 << v;
  }
  return mask;
}

const MIRROR: Record<string, string> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `l op r` for a comparison; `generic` builds the plain closure. */
export function compareOf(type: TypeV2, op: string, l: Typed, r: Typed, generic: () => EvaluatorV2): Typed {
  if (l.constant !== undefined && r.constant !== undefined) {
    const v = generic()({} as EnvV2);
    return constantOf(type, v);
  }
  if (l.read?.small && r.constant !== undefined) return testTyped(type, { read: l.read, mask: maskFor(op, r.constant) });
  if (r.read?.small && l.constant !== undefined) return testTyped(type, { read: r.read, mask: maskFor(MIRROR[op]!, l.constant) });
  if (l.read && r.constant !== undefined && (op === '==' || op === '!=')) {
    const k = r.constant;
    const a = l.ev;
    return { type, ev: op === '==' ? (env) => (a(env) === k ? 1 : 0) : (env) => (a(env) !== k ? 1 : 0), deps: l.deps, safe: true };
  }
  return { type, ev: generic(), deps: union(l, r), safe: l.safe && r.safe };
}

export function notOf(a: Typed): Typed {
  if (a.constant !== undefined) return constantOf(a.type, a.constant === 0 ? 1 : 0);
  if (a.test) return testTyped(a.type, { read: a.test.read, mask: ~a.test.mask });
  if (a.negated) return a.negated;
  const e = a.ev;
  return { type: a.type, ev: (env) => (e(env) === 0 ? 1 : 0), deps: a.deps, safe: a.safe, negated: a };
}

export function logicOf(op: '&&' | '||' | '=>', a: Typed, b: Typed): Typed {
  if (a.constant !== undefined) {
    const decided = op === '||' ? a.constant !== 0 : a.constant === 0;
    if (decided) return constantOf(a.type, op === '&&' ? 0 : 1);
    return b;
  }
  if (a.test && b.test && sameRead(a.test.read, b.test.read)) {
    const x = a.test.mask;
    const y = b.test.mask;
    return testTyped(a.type, { read: a.test.read, mask: op === '&&' ? x & y : op === '||' ? x | y : ~x | y });
  }
  const l = a.ev;
  const r = b.ev;
  const ev: EvaluatorV2 = op === '&&' ? (env) => (l(env) === 0 ? 0 : r(env)) : op === '||' ? (env) => (l(env) !== 0 ? 1 : r(env)) : (env) => (l(env) === 0 ? 1 : r(env));
  return { type: a.type, ev, deps: union(a, b), safe: a.safe && b.safe, logic: { op, left: a, right: b } };
}

/**
 * `q` over one bound slot (instances 0…count-1) of `body`. `enclosed`: an outer loop will run
 * the result again and again, so a result that reads no bound name is kept for the evaluation.
 */
export function loopOf(q: 'forall' | 'exists' | 'count', slot: number, count: number, body: Typed, type: TypeV2, memo: Memo, enclosed: boolean): Typed {
  const bit = bitOf(slot);
  const deps = body.deps === -1 ? -1 : body.deps & ~bit;
  // Splitting relies on the loop running at least once (a role has at least one instance).
  if (q !== 'count' && count >= 1 && bit !== 0 && body.deps !== -1) {
    const split = splitBody(q, slot, count, body, type, memo);
    if (split) return split;
  }
  let ev: EvaluatorV2;
  const t = body.test;
  const lg = body.logic;
  const scanned = (x: Typed | undefined): SlotTest | null => (x?.test && !x.test.read.post && x.test.read.source?.kind === 'bound' && x.test.read.source.slot === slot ? x.test : null);
  const a = scanned(lg?.left);
  const b = scanned(lg?.right);
  if (t && scanned(body)) {
    ev = scan(q, count, t.read.at, t.read.stride, t.mask);
  } else if (lg && a && b) {
    ev = scanPair(q, count, a, b, TRUTH[lg.op]);
  } else {
    ev = plainLoop(q, slot, count, body.ev);
  }
  if (enclosed && deps === 0) {
    ev = kept(ev, memo);
  }
  return { type, ev, deps, safe: body.safe };
}

/** The loop with the part of its body that does not read the slot taken out, or null. */
function splitBody(q: 'forall' | 'exists', slot: number, count: number, body: Typed, type: TypeV2, memo: Memo): Typed | null {
  const bit = bitOf(slot);
  const free = (x: Typed): boolean => x.deps !== -1 && (x.deps & bit) === 0;
  const inner = (x: Typed): Typed => loopOf(q, slot, count, x, type, memo, true);
  // The whole body ignores the slot: every iteration gives the same value (or the same error first).
  if (free(body)) return body;
  const lg = body.logic;
  if (lg) {
    const { op, left, right } = lg;
    // `X op Y(r)`: X decides first in every iteration, as it did.
    if (free(left)) return logicOf(op, left, inner(right));
    // `Y(r) op X` with both unable to throw: the order of evaluation no longer shows.
    if (free(right) && left.safe && right.safe) {
      if (op === '=>') return logicOf('||', right, inner(notOf(left)));
      return logicOf(op, right, inner(left));
    }
    return null;
  }
  const n = body.negated?.logic;
  if (n && free(n.left)) {
    // !(X && Y) = X => !Y; !(X || Y) = !X && !Y; !(X => Y) = X && !Y.
    const rest = inner(notOf(n.right));
    if (n.op === '&&') return logicOf('=>', n.left, rest);
    if (n.op === '||') return logicOf('&&', notOf(n.left), rest);
    return logicOf('&&', n.left, rest);
  }
  return null;
}

function kept(ev: EvaluatorV2, memo: Memo): EvaluatorV2 {
  memo.used = true;
  let seen = -1;
  let value = 0;
  return (env) => {
    if (seen === memo.epoch) return value;
    value = ev(env);
    seen = memo.epoch;
    return value;
  };
}

/** The quantifier over a small slot of each instance, read directly. */
function scan(q: 'forall' | 'exists' | 'count', count: number, at: number, stride: number, mask: number): EvaluatorV2 {
  if (q === 'forall') {
    return (env) => {
      const pre = env.pre;
      for (let v = 0, i = at; v < count; v++, i += stride) if (((mask >>> pre[i]!) & 1) === 0) return 0;
      return 1;
    };
  }
  if (q === 'exists') {
    return (env) => {
      const pre = env.pre;
      for (let v = 0, i = at; v < count; v++, i += stride) if (((mask >>> pre[i]!) & 1) !== 0) return 1;
      return 0;
    };
  }
  return (env) => {
    const pre = env.pre;
    let c = 0;
    for (let v = 0, i = at; v < count; v++, i += stride) c += (mask >>> pre[i]!) & 1;
    return c;
  };
}

/** Truth tables of `x op y` for bits x, y: bit `x | y << 1`. */
const TRUTH = { '&&': 0b1000, '||': 0b1110, '=>': 0b1101 } as const;

/**
 * The quantifier over `x(v) op y(v)`, two small slots of each instance tested directly (`forall r:
 * TM.prepared[r] => r.state == "prepared"`): bit tests cannot throw, so reading both is the same.
 */
function scanPair(q: 'forall' | 'exists' | 'count', count: number, x: SlotTest, y: SlotTest, truth: number): EvaluatorV2 {
  const { at: ax, stride: sx } = x.read;
  const { at: ay, stride: sy } = y.read;
  const mx = x.mask;
  const my = y.mask;
  const holds = (pre: Float64Array, v: number): number => (truth >>> (((mx >>> pre[ax + sx * v]!) & 1) | (((my >>> pre[ay + sy * v]!) & 1) << 1))) & 1;
  if (q === 'forall') {
    return (env) => {
      const pre = env.pre;
      for (let v = 0; v < count; v++) if (holds(pre, v) === 0) return 0;
      return 1;
    };
  }
  if (q === 'exists') {
    return (env) => {
      const pre = env.pre;
      for (let v = 0; v < count; v++) if (holds(pre, v) !== 0) return 1;
      return 0;
    };
  }
  return (env) => {
    const pre = env.pre;
    let c = 0;
    for (let v = 0; v < count; v++) c += holds(pre, v);
    return c;
  };
}

function plainLoop(q: 'forall' | 'exists' | 'count', slot: number, count: number, body: EvaluatorV2): EvaluatorV2 {
  if (q === 'forall') {
    return (env) => {
      for (let v = 0; v < count; v++) {
        env.bound[slot] = v;
        if (body(env) === 0) return 0;
      }
      return 1;
    };
  }
  if (q === 'exists') {
    return (env) => {
      for (let v = 0; v < count; v++) {
        env.bound[slot] = v;
        if (body(env) !== 0) return 1;
      }
      return 0;
    };
  }
  return (env) => {
    let c = 0;
    for (let v = 0; v < count; v++) {
      env.bound[slot] = v;
      if (body(env) !== 0) c++;
    }
    return c;
  };
}

/** The expression's entry: counts evaluations when some quantifier keeps its value for one. */
export function rootOf(ev: EvaluatorV2, memo: Memo): EvaluatorV2 {
  if (!memo.used) return ev;
  return (env) => {
    memo.epoch++;
    return ev(env);
  };
}
