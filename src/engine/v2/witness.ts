import type { EnvV2, InvariantV2, ModelV2 } from '../../model/v2/model';

/**
 * Which instances make a false `forall` invariant false, as ` (a = Node[1], b = Node[3])`: the
 * first tuple, in instance order, whose body is false; '' when the invariant is not such a
 * `forall` or no tuple is (an evaluation error is reported by the check itself). Runs only on
 * a violation, so it may try every tuple; `env.bound` is left as it was found.
 */
export function witnessText(model: ModelV2, inv: InvariantV2, env: EnvV2): string {
  const w = inv.witness;
  if (!w) return '';
  const role = model.roles[w.role]!;
  const k = w.names.length;
  const saved = Array.from(env.bound.subarray(0, k));
  const tuple = new Array<number>(k).fill(0);
  try {
    for (;;) {
      for (let j = 0; j < k; j++) env.bound[j] = tuple[j]!;
      if (w.body(env) === 0) {
        return ` (${w.names.map((n, j) => `${n} = ${model.instances[role.first + tuple[j]!]!.name}`).join(', ')})`;
      }
      let j = k - 1;
      while (j >= 0 && ++tuple[j]! === role.instances) tuple[j--] = 0;
      if (j < 0) return '';
    }
  } catch {
    return '';
  } finally {
    env.bound.set(saved);
  }
}
