import { EvaluationError } from '../../model';
import type { ElementType, EnvV2, EvaluatorV2 } from '../model';

/**
 * Closures for maps keyed by values and for sets (docs/format-v2.md §2, §5). A set is a bitmask of
 * at most 31 bits in one slot: bit k for its element type's k-th value (an int range's k-th is lo + k),
 * so union, difference, intersection, subset and equality are bit operations on one number.
 */

/** The position of a map's key among its keys; an int key outside the range is an evaluation error. */
export function positionEvaluator(keys: ElementType, ev: EvaluatorV2, what: string, column: number): EvaluatorV2 {
  if (keys.kind !== 'int') return ev;
  const { lo, hi } = keys;
  return (env) => {
    const x = ev(env);
    if (x < lo || x > hi) throw new EvaluationError(`the key ${x} of ${what} is outside its keys ${lo}..${hi}`, column);
    return x - lo;
  };
}

/** The one-element mask of `ev`; an int outside the element range is an evaluation error (the set cannot hold it). */
export function bitEvaluator(element: ElementType, ev: EvaluatorV2, column: number): EvaluatorV2 {
  if (element.kind !== 'int') return (env) => 2 ** ev(env);
  const { lo, hi } = element;
  return (env) => {
    const x = ev(env);
    if (x < lo || x > hi) throw new EvaluationError(`the element ${x} is outside the set's elements ${lo}..${hi}`, column);
    return 2 ** (x - lo);
  };
}

/** `e in S` for a set held as a mask: an int outside the element range is simply not in it. */
export function memberEvaluator(element: ElementType, e: EvaluatorV2, set: EvaluatorV2): EvaluatorV2 {
  if (element.kind !== 'int') return (env) => (set(env) >>> e(env)) & 1;
  const { lo, hi } = element;
  return (env) => {
    const x = e(env);
    const s = set(env);
    return x < lo || x > hi ? 0 : (s >>> (x - lo)) & 1;
  };
}

/** The number of elements of a mask. */
export function cardinality(mask: number): number {
  let m = mask >>> 0;
  let c = 0;
  while (m !== 0) {
    m &= m - 1;
    c++;
  }
  return c;
}

/** `S op T` of two masks: `+` union, `-` difference, `*` intersection, comparisons as subsets. */
export function setOperation(op: string, a: EvaluatorV2, b: EvaluatorV2): EvaluatorV2 {
  switch (op) {
    case '+':
      return (env) => a(env) | b(env);
    case '-':
      return (env) => a(env) & ~b(env);
    case '*':
      return (env) => a(env) & b(env);
    case '<=':
      return (env) => ((a(env) & ~b(env)) === 0 ? 1 : 0);
    case '>=':
      return (env) => ((b(env) & ~a(env)) === 0 ? 1 : 0);
    case '<':
      return (env) => { const x = a(env); const y = b(env); return (x & ~y) === 0 && x !== y ? 1 : 0; };
    case '>':
      return (env) => { const x = a(env); const y = b(env); return (y & ~x) === 0 && x !== y ? 1 : 0; };
  }
  throw new Error(`setOperation: unexpected operator ${op}`);
}

type Q = 'forall' | 'exists' | 'count';

/** `q x in S: body` over the elements of a mask, x bound (in `slot`) to each element's value in order. */
export function maskLoop(q: Q, slot: number, set: EvaluatorV2, n: number, lo: number, body: EvaluatorV2): EvaluatorV2 {
  return (env) => {
    const m = set(env);
    let c = 0;
    for (let k = 0; k < n; k++) {
      if (((m >>> k) & 1) === 0) continue;
      env.bound[slot] = lo + k;
      const holds = body(env) !== 0;
      if (q === 'forall' && !holds) return 0;
      if (q === 'exists' && holds) return 1;
      if (holds) c++;
    }
    return q === 'forall' ? 1 : q === 'exists' ? 0 : c;
  };
}

/** `q x in {a, b, …}: body`: x bound to each listed value in order (a value listed twice counts once). */
export function listLoop(q: Q, slot: number, items: readonly EvaluatorV2[], body: EvaluatorV2): EvaluatorV2 {
  const values = new Float64Array(items.length);
  return (env: EnvV2) => {
    for (let i = 0; i < items.length; i++) values[i] = items[i]!(env);
    let c = 0;
    for (let i = 0; i < items.length; i++) {
      if (values.subarray(0, i).includes(values[i]!)) continue;
      env.bound[slot] = values[i]!;
      const holds = body(env) !== 0;
      if (q === 'forall' && !holds) return 0;
      if (q === 'exists' && holds) return 1;
      if (holds) c++;
    }
    return q === 'forall' ? 1 : q === 'exists' ? 0 : c;
  };
}
