import type { ModelV2 } from '../../model/v2/model';
import type { Packing } from './packing';
import type { StepRules } from './stepRules';
import type { ViolationV2 } from './stepTypes';

/** At most this many bits of packed fields in the key (a table of 2^bits bits, 128 KiB at most). */
const MAX_KEY_BITS = 20;

const NONE: readonly ViolationV2[] = [];

/**
 * State invariants remembered by the values they read (issue 16): an invariant's value is a
 * function of the slots its expression may read (`CompiledExprV2.reads`, a superset the
 * compiler states), so once every invariant held for some values of those slots, they all hold
 * whenever those values come back. The slots' packed fields are the key of a table of one bit
 * per key; a configuration whose key is known is not evaluated again. TwoPhase's invariants read
 * the resource managers' states and the transaction manager's `prepared` (15 bits with five
 * resource managers), and about half the new configurations of a search repeat a combination
 * already seen (49% with five).
 * Only holding is remembered: a violation is always evaluated, so its message is built as ever.
 *
 * Used only when the state invariants together read at most MAX_KEY_BITS bits and no pool
 * (a quantifier over messages names no slots); otherwise the rules evaluate them every time.
 */
export class InvariantMemo {
  /**
   * The key's runs, four ints each (word, shift, mask, offset): adjacent fields of one word are
   * read as one, `(word >>> shift) & mask`, and placed at `offset` in the key.
   */
  private readonly runs: Int32Array;
  /** Bit `at` (word `at >>> 5`): the invariants hold for key `at`. */
  private readonly known: Int32Array;

  private constructor(runs: readonly number[], bits: number) {
    this.runs = new Int32Array(runs);
    this.known = new Int32Array(((1 << bits) + 31) >>> 5);
  }

  /** A memo for `model`'s state invariants packed by `packing`, or null when they have no key. */
  static of(model: ModelV2, packing: Packing): InvariantMemo | null {
    // With none, the key has no bits: the one entry is learnt from the first configuration.
    const invariants = [...model.invariants, ...model.roles.flatMap((r) => r.invariants)].filter((i) => i.kind === 'state');
    const slots = new Set<number>();
    for (const inv of invariants) {
      if (!inv.expr.reads) return null;
      for (const slot of inv.expr.reads) slots.add(slot);
    }
    const { runs, bits } = packing.runs(slots);
    if (bits > MAX_KEY_BITS) return null;
    return new InvariantMemo(runs, bits);
  }

  /** Whether the invariants are known to hold for the configuration packed in `key`. */
  holds(key: Int32Array): boolean {
    const at = this.at(key);
    return ((this.known[at >>> 5]! >>> (at & 31)) & 1) === 1;
  }

  /** `rules.checkState(vec)`, where `key` is the packing of `vec`: nothing is evaluated when the invariants are known to hold there. */
  check(rules: StepRules, vec: Float64Array, key: Int32Array): readonly ViolationV2[] {
    const at = this.at(key);
    if (((this.known[at >>> 5]! >>> (at & 31)) & 1) === 1) return NONE;
    const violations = rules.checkState(vec);
    if (violations.length === 0) this.known[at >>> 5]! |= 1 << (at & 31);
    return violations;
  }

  private at(key: Int32Array): number {
    const runs = this.runs;
    let at = 0;
    for (let r = 0; r < runs.length; r += 4) at |= ((key[runs[r]!]! >>> runs[r + 1]!) & runs[r + 2]!) << runs[r + 3]!;
    return at;
  }

  bytes(): number {
    return this.known.byteLength;
  }
}
