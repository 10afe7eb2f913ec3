import type { ModelV2 } from '../../model/v2/model';
import type { Packing } from './packing';
import type { StepRules } from './stepRules';
import type { ViolationV2 } from './stepTypes';
import type { Symmetry } from './symmetry';

/**
 * A trace of a symmetry-reduced search as a real run (docs/format-v2.md §18). The
 * explorer stores one configuration per class, and the step that reached a stored configuration
 * went from its parent's representative to some permutation of it. As TLC does, the run is rebuilt
 * from the actual initial configuration: at each link, the first step of the concrete configuration
 * whose successor has the same canonical form as the stored step's (and, for the last step, the
 * same kind of violation). A permutation maps the stored step onto such a step, so one exists.
 */
export interface ConcreteStep {
  /** The concrete configuration the step starts from. */
  readonly vec: Float64Array;
  /** Its ordinal among that configuration's steps. */
  readonly ordinal: number;
  /** The violations the concrete step found (for the last step of a violation's trace). */
  readonly violations: readonly ViolationV2[];
}

/** `chain`: (stored configuration, ordinal of the step from it) from the initial one on; `root`: the record the chain starts from. */
export function concreteSteps(model: ModelV2, rules: StepRules, packing: Packing, records: Int32Array, sym: Symmetry | null, root: number, chain: readonly (readonly [number, number])[]): { start: Float64Array; steps: ConcreteStep[] } {
  const unpack = (r: number): Float64Array => {
    const vec = new Float64Array(model.size);
    packing.unpack(records, r * packing.words, vec);
    return vec;
  };
  if (sym === null) return { start: unpack(root), steps: chain.map(([from, k]) => ({ vec: unpack(from), ordinal: k, violations: [] })) };
  const rep = unpack(root);
  let cur = model.initials.find((s) => same(sym.canonical(s), rep))!.slice();
  const start = cur.slice();
  const steps: ConcreteStep[] = [];
  for (const [from, k] of chain) {
    // What the stored step does: its successor's class (null: no configuration) and violations.
    let target: Float64Array | null = null;
    let kinds = '';
    let n = 0;
    rules.forEachStep(unpack(from), (_, next, violations) => {
      if (n++ !== k) return;
      target = next === null ? null : sym.canonical(next).slice();
      kinds = violations.map((v) => v.kind).join();
    });
    let found: ConcreteStep | null = null;
    let successor: Float64Array | null = null;
    n = 0;
    const vec = cur;
    rules.forEachStep(vec, (_, next, violations) => {
      const o = n++;
      if (found !== null || violations.map((v) => v.kind).join() !== kinds) return;
      if (next === null ? target !== null : target === null || !same(sym.canonical(next), target)) return;
      found = { vec: vec.slice(), ordinal: o, violations: [...violations] };
      successor = next === null ? null : next.slice();
    });
    if (found === null) throw new Error('symmetry: no concrete step matches a stored one (the design is not symmetric as declared)');
    steps.push(found);
    if (successor !== null) cur = successor;
  }
  return { start, steps };
}

function same(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
