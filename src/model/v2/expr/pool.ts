import type { EvaluatorV2, FieldV2 } from '../model';
import { bitOf, depsOfSlot, type Typed } from './closures';
import type { TypeV2 } from './types';

/**
 * Quantifiers over the messages of one kind in the pool (`exists m in P1b: m.bal == b`), TLA+'s
 * `\E m \in msgs: m.type = "1b" /\ …`. The bound slot holds the message's place in its kind's
 * block, (sender × receivers + receiver) × payloads + payload; the members decode it, and
 * `slots` gives its pool slot (`poolSlot`). The pool is read before the step.
 */

/** What an expression needs to know of a kind that travels in the pool. */
export interface PoolKind {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly fields: readonly FieldV2[];
  /** Distinct payloads. */
  readonly count: number;
  /** Instances of the receiving role. */
  readonly receivers: number;
  /** Messages of the kind: senders × receivers × payloads. */
  readonly size: number;
  /** Per place of the block, the pool slot holding that message (`poolSlot`: a kind sent only to all keeps one slot for its copies). */
  readonly slots: Int32Array;
}

/** `m.sender`, `m.receiver` (instance indexes) or payload field `f` of the message bound in `slot`. */
export function messageMemberOf(kind: PoolKind, slot: number, member: 'sender' | 'receiver' | number, type: TypeV2): Typed {
  const { count, receivers } = kind;
  let ev: EvaluatorV2;
  if (member === 'sender') ev = (env) => Math.floor(env.bound[slot]! / (count * receivers));
  else if (member === 'receiver') ev = (env) => Math.floor(env.bound[slot]! / count) % receivers;
  else {
    const fields = kind.fields;
    let stride = 1;
    for (let g = fields.length - 1; g > member; g--) stride *= fields[g]!.values.length;
    const values = fields[member]!.values;
    const n = values.length;
    ev = (env) => values[Math.floor((env.bound[slot]! % count) / stride) % n]!;
  }
  return { type, ev, deps: depsOfSlot(slot), safe: true };
}

/** `forall`, `exists` or `count` over the messages of `kind` in the pool; an empty pool makes forall true, exists false, count 0. */
export function poolLoopOf(q: 'forall' | 'exists' | 'count', slot: number, kind: PoolKind, body: Typed, type: TypeV2): Typed {
  const bit = bitOf(slot);
  const deps = body.deps === -1 || bit === 0 ? -1 : body.deps & ~bit;
  const size = kind.size;
  const b = body.ev;
  const at = kind.slots;
  let ev: EvaluatorV2;
  if (q === 'forall') {
    ev = (env) => {
      for (let k = 0; k < size; k++) {
        if (env.pre[at[k]!] === 0) continue;
        env.bound[slot] = k;
        if (b(env) === 0) return 0;
      }
      return 1;
    };
  } else if (q === 'exists') {
    ev = (env) => {
      for (let k = 0; k < size; k++) {
        if (env.pre[at[k]!] === 0) continue;
        env.bound[slot] = k;
        if (b(env) !== 0) return 1;
      }
      return 0;
    };
  } else {
    ev = (env) => {
      let n = 0;
      for (let k = 0; k < size; k++) {
        if (env.pre[at[k]!] === 0) continue;
        env.bound[slot] = k;
        if (b(env) !== 0) n++;
      }
      return n;
    };
  }
  return { type, ev, deps, safe: body.safe };
}
