import type { Model } from '../model/model';
import { FingerprintSet } from './fingerprintSet';
import { ParentLinks } from './parentLinks';
import type { Found } from './report';
import type { Limit } from './result';
import type { SharedFingerprintSet } from './sharedFingerprintSet';
import type { Violation } from './violation';

/** Where a partition sits: its index of `count`, and the set the threads share. */
export interface Sharing {
  readonly index: number;
  readonly count: number;
  readonly set: SharedFingerprintSet;
}

/**
 * What a search keeps (after TLC): the fingerprints seen, in a set of this thread's own
 * (`FingerprintSet`) or one shared by the threads of a partitioned search
 * (`SharedFingerprintSet`); per stored configuration its parent and step (`links`, the traces);
 * the violations of the shallowest depth; coverage and outcomes; and the queue of the next
 * level, whose records are `record` Int32 each: the packed configuration (`words`) and nothing
 * else (its id follows from its place, `idOf`; the expander recomputes its fingerprint, mostly
 * incrementally). An expander (`flatExpander.ts`, `wideExpander.ts`) fills it; the level
 * loop (`explorer.ts`) turns the queue into the next level.
 */
export class SearchStorage {
  readonly record: number;
  states = 0;
  transitions = 0;
  limit: Limit | null = null;
  /** Per configuration number on this thread: parent id, index of the step in the parent's enabled steps. */
  readonly links = new ParentLinks();
  readonly statesReached: Uint8Array;
  readonly transitionsReached: Uint8Array;
  readonly outcomes = { ok: 0, error: 0, ambiguous: 0 };
  /** The first stored configuration with each client outcome (breadth-first: a shortest way there), -1 while none. */
  readonly firstOutcome = { ok: -1, error: -1, ambiguous: -1 };
  readonly found = new Map<string, Found>();
  foundDepth = -1;
  next: Int32Array;
  nextCount = 0;
  private readonly seen: FingerprintSet | null;
  private readonly shared: SharedFingerprintSet | null;
  private readonly index: number;
  private readonly count: number;

  constructor(
    model: Model,
    readonly words: number,
    sharing: Sharing | null,
    private readonly maxStates: number,
    /** The second fingerprint alone names a configuration (`Expander.namedByF2`): a set of one Int32 a configuration. */
    namedByF2 = false,
  ) {
    this.record = words;
    this.next = new Int32Array(this.record * 1024);
    this.statesReached = new Uint8Array(model.states.length);
    this.transitionsReached = new Uint8Array(model.transitions.length);
    this.shared = sharing?.set ?? null;
    this.seen = sharing === null ? new FingerprintSet(1 << 14, namedByF2) : null;
    this.index = sharing?.index ?? 0;
    this.count = sharing?.count ?? 1;
  }

  /**
   * Whether the configuration with fingerprint (h1, h2) is new and may be stored. One that
   * would exceed `maxStates` (every thread's configurations count) is not, and sets `limit`.
   */
  admit(h1: number, h2: number): boolean {
    const shared = this.shared;
    if (shared !== null) {
      if (!shared.add(h1, h2)) return false;
      if (this.maxStates !== Infinity && shared.size > this.maxStates) {
        this.limit = 'states';
        return false;
      }
      return true;
    }
    const seen = this.seen!;
    if (this.states >= this.maxStates) {
      // Only a configuration not seen before would exceed the limit.
      if (seen.add(h1, h2)) this.limit = 'states';
      return false;
    }
    return seen.add(h1, h2);
  }

  /** The next configuration's id (`index + count * number`), its parent and step remembered. */
  newId(parent: number, stepIndex: number): number {
    const local = this.states++;
    this.links.add(parent, stepIndex);
    return this.index + this.count * local;
  }

  /** Keeps the first violation of each (kind, name) at the shallowest depth found. */
  violation(v: Violation, depth: number, parent: number, stepIndex: number): void {
    const key = `${v.kind}\u0000${v.name}`;
    if (this.foundDepth === -1) this.foundDepth = depth;
    if (depth === this.foundDepth && !this.found.has(key)) this.found.set(key, { kind: v.kind, name: v.name, detail: v.detail, depth, parent, stepIndex });
  }

  /** §7 outcomes of a quiescent stored configuration. */
  outcome(ok: boolean, error: boolean, ambiguous: boolean, id = -1): void {
    if (ok) this.outcomes.ok++;
    if (error) this.outcomes.error++;
    if (ambiguous) this.outcomes.ambiguous++;
    const first = this.firstOutcome;
    if (ok && first.ok < 0) first.ok = id;
    if (error && first.error < 0) first.error = id;
    if (ambiguous && first.ambiguous < 0) first.ambiguous = id;
  }

  /** Where the next record of the queue starts (the queue grows by half again as needed); the caller fills it. */
  reserve(): number {
    if ((this.nextCount + 1) * this.record > this.next.length) this.next = grown(this.next, this.record);
    return this.nextCount++ * this.record;
  }

  /** The set's bytes (a shared set is counted once, by partition 0) and the links'. */
  get bytes(): number {
    const set = this.seen !== null ? this.seen.bytes : this.index === 0 ? this.shared!.bytes : 0;
    return set + this.links.bytes;
  }
}

function grown(a: Int32Array, record: number): Int32Array {
  const b = new Int32Array(Math.ceil((a.length * 1.5) / record + 1) * record);
  b.set(a);
  return b;
}
