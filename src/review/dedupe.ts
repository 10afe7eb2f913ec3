import type { ExprV2 } from '../model/v2/expr/ast';
import { parsed, referencedVar, sameTree, someNode } from './exprFacts';

/**
 * A request handler that deduplicates on an id its request carries, read off the syntax trees of
 * both formats (docs/format-v2.md, "Request ids are not your data's identity"). A transition
 * dedupes when a conjunct of its guard says the key (an expression reading a payload field,
 * `event.id`) is new to a record var, and the same transition records it:
 *
 * | guard says the key is new | the same transition records it |
 * | --- | --- |
 * | `!(k in S)` (a set) | `S: S + {k}` (or `{k} + S`; `{k, …}` too) |
 * | `!M[k]`, `M[k] == false` / `== c` (a map) | `M[k]:` a literal other than `false` / `c`, or `M[k] + n` (n > 0) |
 * | `k > W` or `W < k` (a high-water mark) | `W: k` or `W: max(W, k)` |
 *
 * `S`, `M` and `W` may be indexed by something else (`seen[sender]`). `handlerDedupes` adds what
 * the handler as a whole needs: a record that survives a crash, and other transitions that change
 * nothing and answer a known id with ok.
 */

/** A transition of a request handler, as written. */
export interface HandlerStep {
  readonly guard: string | undefined;
  /** Update targets (`seen`, `done[event.id]`) → value texts. */
  readonly updates: Readonly<Record<string, string>>;
  /** It writes any var (ghost ones model the world's effect), changes state, sends or calls. */
  readonly effect: boolean;
  /** It answers `error`. */
  readonly refuses: boolean;
  /** The states it may start in, and the states it may leave the handler in. */
  readonly from: readonly string[];
  readonly to: readonly string[];
}

const primed = (e: ExprV2) => someNode(e, (n) => (n.kind === 'name' || n.kind === 'member') && n.primed);

/** Reads a payload field of the request, nothing after the step. */
const isKey = (e: ExprV2) => someNode(e, (n) => n.kind === 'field') && !primed(e);

/** A var, or a var's entry (`seen`, `seen[sender]`, `self.seen`) that reads no payload field. */
function isRecord(e: ExprV2): boolean {
  if (primed(e) || someNode(e, (n) => n.kind === 'field')) return false;
  if (e.kind === 'index') return isRecord(e.target);
  return (e.kind === 'name' || e.kind === 'member') && referencedVar(e) !== null;
}

function conjuncts(e: ExprV2 | null): ExprV2[] {
  if (e === null) return [];
  if (e.kind === 'binary' && e.op === '&&') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

const literal = (e: ExprV2) => e.kind === 'int' || e.kind === 'bool' || e.kind === 'string';
const sameLiteral = (a: ExprV2, b: ExprV2) => literal(a) && literal(b) && sameTree(a, b);

/** What a guard conjunct says is new, and how an update (target, value) must record it. */
interface Check {
  readonly record: ExprV2;
  readonly recorded: (target: ExprV2, value: ExprV2) => boolean;
}

/** `!(k in S)` → `S: S + {…, k, …}`. */
function notInSet(c: ExprV2): Check | null {
  if (c.kind !== 'unary' || c.op !== '!' || c.operand.kind !== 'call' || c.operand.fn !== 'in') return null;
  const [k, s] = c.operand.args;
  if (!k || !s || !isKey(k) || !isRecord(s)) return null;
  const holdsKey = (e: ExprV2) => e.kind === 'call' && e.fn === 'set' && e.args.some((a) => sameTree(a, k));
  return {
    record: s,
    recorded: (target, value) =>
      sameTree(target, s) &&
      value.kind === 'binary' &&
      value.op === '+' &&
      ((sameTree(value.left, s) && holdsKey(value.right)) || (sameTree(value.right, s) && holdsKey(value.left))),
  };
}

/** `!M[k]`, `M[k] == c` (either way round) → `M[k]: d` (d ≠ c) or `M[k] + n`, n > 0. */
function unsetEntry(c: ExprV2): Check | null {
  const isEntry = (e: ExprV2) => e.kind === 'index' && isKey(e.index) && isRecord(e.target);
  let entry: ExprV2 | null = null;
  let unset: ExprV2 | null = null;
  if (c.kind === 'unary' && c.op === '!' && isEntry(c.operand)) {
    entry = c.operand;
    unset = { kind: 'bool', value: false, start: 0, end: 0 };
  } else if (c.kind === 'binary' && c.op === '==') {
    if (isEntry(c.left) && literal(c.right)) [entry, unset] = [c.left, c.right];
    else if (isEntry(c.right) && literal(c.left)) [entry, unset] = [c.right, c.left];
  }
  if (entry === null || unset === null) return null;
  const [e, u] = [entry, unset];
  return {
    record: e,
    recorded: (target, value) =>
      sameTree(target, e) &&
      ((literal(value) && !sameLiteral(value, u)) ||
        (u.kind === 'int' && value.kind === 'binary' && value.op === '+' && sameTree(value.left, e) && value.right.kind === 'int' && value.right.value > 0)),
  };
}

/** `k > W` or `W < k` → `W: k` or `W: max(W, k)`. */
function aboveMark(c: ExprV2): Check | null {
  if (c.kind !== 'binary') return null;
  const [k, w] = c.op === '>' ? [c.left, c.right] : c.op === '<' ? [c.right, c.left] : [null, null];
  if (!k || !w || !isKey(k) || !isRecord(w)) return null;
  return {
    record: w,
    recorded: (target, value) =>
      sameTree(target, w) &&
      (sameTree(value, k) || (value.kind === 'call' && value.fn === 'max' && value.args.some((a) => sameTree(a, k)) && value.args.some((a) => sameTree(a, w)))),
  };
}

/** The var the transition dedupes on (checked new in its guard, recorded by its updates), else null. */
export function dedupeRecord(step: Pick<HandlerStep, 'guard' | 'updates'>): string | null {
  const updates = Object.entries(step.updates).flatMap(([target, value]) => {
    const [t, v] = [parsed(target), parsed(value)];
    return t !== null && v !== null ? [{ t, v }] : [];
  });
  for (const c of conjuncts(parsed(step.guard))) {
    const check = notInSet(c) ?? unsetEntry(c) ?? aboveMark(c);
    if (check && updates.some(({ t, v }) => check.recorded(t, v))) return referencedVar(check.record);
  }
  return null;
}

/** Why a handler is not idempotent by a dedupe of its own: what a finding says (`undefined`: it is). */
export type DedupeGap =
  | { readonly kind: 'none' }
  | { readonly kind: 'not-durable'; readonly record: string; readonly storage: string }
  | { readonly kind: 'no-ack'; readonly record: string; readonly state: string };

/**
 * The handler (every transition on one request event) changes nothing for a request it served
 * before: each transition with an effect dedupes on a durable record var, and wherever such a
 * transition leaves the handler, a transition without effect that does not answer `error`
 * acknowledges the known id (a refusal would tell the caller of a retry that its effect failed).
 * A handler with no effect at all is idempotent as it is.
 */
export function handlerDedupes(steps: readonly HandlerStep[], storageOf: (name: string) => string): DedupeGap | undefined {
  const effects = steps.filter((s) => s.effect);
  const records = effects.map(dedupeRecord);
  if (records.some((r) => r === null)) return { kind: 'none' };
  for (const record of records as string[]) {
    const storage = storageOf(record);
    if (storage !== 'durable') return { kind: 'not-durable', record, storage };
  }
  const acks = steps.filter((s) => !s.effect && !s.refuses);
  for (const [i, s] of effects.entries())
    for (const state of s.to)
      if (!acks.some((a) => a.from.includes(state))) return { kind: 'no-ack', record: records[i]!, state };
  return undefined;
}

/** A finding's words for a gap; `verb` is the format's word for handling a request (`served`, `processed`). */
export function dedupeGapText(gap: DedupeGap, verb = 'served'): string {
  switch (gap.kind) {
    case 'none':
      return `a retry of a request already ${verb} is ${verb} again.`;
    case 'not-durable':
      return `its handler dedupes on \`${gap.record}\`, which is ${gap.storage}: ${gap.storage === 'ghost' ? 'the running system has no such record' : 'a crash forgets it'}, and a retry of a request already ${verb} is ${verb} again.`;
    case 'no-ack':
      return `its handler dedupes on \`${gap.record}\`, but in state ${gap.state} no transition without effect answers a known id with ok: the caller of a retry of a request already ${verb} hears a failure, or nothing, for an effect that happened.`;
  }
}
