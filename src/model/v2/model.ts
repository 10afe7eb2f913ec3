import type { DesignError } from '../model';
import type { InvariantKind, VarStorage } from '../schema';
import type { ExportFeatureV2 } from './exportFeatures';
import type { DesignV2 } from './schema';
import type { SymmetryV2 } from './symmetry';

/**
 * The validated, indexed version-2 model the v2 engine runs (docs/format-v2.md).
 *
 * A configuration is one Float64Array ("the vector"): a block of slots per instance (mode, state,
 * persisted state, vars), then the budgets used, then the network (a slot per possible message
 * for the pool, a fixed number of slots per channel). Every slot holds a number in a known range
 * [`slotLo[i]`, `slotLo[i] + 2^slotBits[i] - 1`], so configurations pack into a few 32-bit words.
 * Values: an int is itself, a bool 0/1, an enum value or a state its index, an instance id the
 * instance's 0-based index within its role.
 */

export type ElementType =
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'id'; readonly role: number };

/**
 * What one slot holds. A set of a finite scalar type (docs/format-v2.md §2) is one slot too: a
 * bitmask, bit k for the type's k-th value in encoding order (an int range's k-th is lo + k), at
 * most `LIMITS_V2.setElements` values so it packs exactly into 31 bits.
 */
export type ScalarType = ElementType | { readonly kind: 'set'; readonly of: ElementType };

/** What an expression sees while it runs: the vectors before and after the step and its bindings. */
export interface EnvV2 {
  pre: Float64Array;
  /** After the step (step and transition invariants read primed names here). */
  post: Float64Array;
  /** The instance whose transition or invariant runs (index within its role). */
  self: number;
  /** The sender of the message being received (index within its role). */
  sender: number;
  /** The payload of the event or message being processed, one slot per field. */
  payload: Float64Array;
  /** Values of quantifier variables (`forall r in RM`), one slot per binder in the design. */
  bound: Float64Array;
}

export type EvaluatorV2 = (env: EnvV2) => number;

export interface CompiledExprV2 {
  readonly text: string;
  readonly path: string;
  readonly evaluate: EvaluatorV2;
  /** Every configuration slot it may read, ascending (a superset), or null when it reads the pool or too many slots (`expr/compile.ts`). */
  readonly reads?: Int32Array | null;
}

export interface VarV2 {
  readonly name: string;
  readonly type: ScalarType;
  /** For a map var indexed by a role's instances, that role; else -1. */
  readonly mapOf: number;
  /** For a map var, the type of its keys (a role's ids, an enum, bool or an int range); null for a plain var. Entry k is the key's k-th value. */
  readonly keys: ElementType | null;
  /**
   * A nested map's further key types (`m[a][b]`: b's), outermost first (docs/format-v2.md §2);
   * empty for a plain var or a one-level map. Entries lie first key major: `m[a][b]` is entry
   * position(a) × (b's key count) + position(b).
   */
  readonly inner: readonly ElementType[];
  readonly storage: VarStorage;
  readonly initial: number;
  /** Every value it may start with (`"initial": [...]`), the first being `initial`; one value when it lists none. */
  readonly initials: readonly number[];
  /** Offset of its first slot within the instance block. */
  readonly offset: number;
  /** Slots it takes: 1, or the number of entries for a map (the product of its levels' key counts). */
  readonly width: number;
}

export interface StateV2 {
  readonly name: string;
  readonly initial: boolean;
  readonly final: boolean;
  readonly durable: boolean;
}

export interface FieldV2 {
  readonly name: string;
  readonly type: ScalarType;
  /** Values of the type, in encoding order (for payload enumeration and decoding). */
  readonly values: readonly number[];
}

/** The payload fields of an event or a message, and how a payload index maps to values. */
export interface PayloadShape {
  readonly fields: readonly FieldV2[];
  /** Number of distinct payloads (product of the fields' value counts; 1 for none). */
  readonly count: number;
}

export interface EventV2 {
  readonly name: string;
  readonly source: 'internal' | 'timer';
  readonly payload: PayloadShape;
}

export interface MessageV2 {
  readonly name: string;
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly payload: PayloadShape;
  /** Pool model: first slot of this kind; a message (from, to, p) is at `poolSlot(m, from, to, p)`. */
  readonly poolBase: number;
  /**
   * Pool model: receiver slots per sender and payload. The receiving role's instances, or 1 for a
   * kind every send of which goes to all of them (`toAll`, no `except`) and that no receive takes
   * out: its copies are sent together and stay together, so one slot stands for them all.
   */
  readonly receivers: number;
  /** Channels model: first code of this kind; a message with payload p is code + p (0 is "empty"). */
  readonly code: number;
  /** Whether this kind travels in the pool (else on channels): the network's model, or its link's. */
  readonly pool: boolean;
  /** In the pool's slots, but taken out by its receive: TLA+'s set of messages in flight (`"model": "set"`, docs/format-v2.md §6). */
  readonly consumed: boolean;
  /** On channels: drops and duplicates never touch this kind (a `reliable` link). */
  readonly reliable: boolean;
}

/** The pool slot of message (sender `from`, receiver `to`, payload p) of kind m (local instance indexes). */
export function poolSlot(m: MessageV2, from: number, to: number, p: number): number {
  return m.poolBase + (from * m.receivers + (m.receivers === 1 ? 0 : to)) * m.payload.count + p;
}

export type Trigger =
  | { readonly kind: 'event'; readonly event: number }
  | { readonly kind: 'receive'; readonly message: number }
  | { readonly kind: 'restart' };

export interface UpdateV2 {
  readonly variable: VarV2;
  /** The map index expression of `m[i]` (giving the entry's position, k for the key's k-th value), or null for a whole var. */
  readonly index: EvaluatorV2 | null;
  readonly value: EvaluatorV2;
  readonly path: string;
}

export interface SendV2 {
  readonly message: number;
  /** The receiver's id; null when sent to every instance (`toAll`) or to a role's only instance. */
  readonly to: EvaluatorV2 | null;
  readonly toAll: boolean;
  /** With `toAll`: the instances not sent to (`except`), evaluated before the step. */
  readonly except: readonly EvaluatorV2[];
  readonly payload: readonly EvaluatorV2[];
  readonly path: string;
}

export interface TransitionV2 {
  /** `id`, else `Role#k` (k: its 0-based position in the role's list). */
  readonly name: string;
  readonly role: number;
  readonly index: number;
  /** from[s] is true when the transition leaves state s. */
  readonly from: readonly boolean[];
  readonly trigger: Trigger;
  /** The state entered, or -1 to stay. */
  readonly to: number;
  readonly guard: CompiledExprV2 | null;
  readonly updates: readonly UpdateV2[];
  readonly sends: readonly SendV2[];
  readonly invariants: readonly InvariantV2[];
  readonly path: string;
}

export interface InvariantV2 {
  readonly name: string;
  readonly kind: InvariantKind;
  /** The role whose every instance it is checked for, or -1 for a design invariant. */
  readonly role: number;
  readonly expr: CompiledExprV2;
  /**
   * A state invariant that is a `forall` over one role: its body with the bound names in slots
   * 0…, tried per tuple when the invariant is false to say which instances break it.
   */
  readonly witness?: WitnessV2;
}

export interface WitnessV2 {
  readonly names: readonly string[];
  readonly role: number;
  readonly body: EvaluatorV2;
}

export interface RoleV2 {
  readonly name: string;
  readonly index: number;
  readonly instances: number;
  /** Global index of its first instance. */
  readonly first: number;
  readonly states: readonly StateV2[];
  /** The first state marked initial: the first initial configuration's. */
  readonly initialState: number;
  /** Every state marked initial (docs/format-v2.md §2): each instance starts in any of them. */
  readonly initialStates: readonly number[];
  readonly vars: readonly VarV2[];
  readonly events: readonly EventV2[];
  readonly transitions: readonly TransitionV2[];
  readonly invariants: readonly InvariantV2[];
  /** Vector offset of each instance's block. */
  readonly bases: readonly number[];
  /**
   * Crashes one instance may take (docs/format-v2.md §7): 0 when it never crashes (the design's
   * budget is 0, or the role says `"crashes": 0`), else the role's `crashes`, at most the budget.
   */
  readonly crashes: number;
  /**
   * `"afterCrash": "stop"` (docs/format-v2.md §7) in a role that may crash: a crashed instance
   * stays down for the rest of the run (no restart step; it crashes at most once, so no count).
   */
  readonly stops: boolean;
  /** Offsets within the block: mode (-1: never crashes), state, persisted state (-1: not kept). */
  readonly modeSlot: number;
  readonly stateSlot: number;
  readonly persistedSlot: number;
  /** The instance's crashes so far (-1: not kept, when the design's budget alone bounds them). */
  readonly crashCountSlot: number;
  /**
   * The unflushed record of a callee that answers `"ack": "best-effort"` (docs/format-v2.md §7),
   * null for every other role: while `flag` is 1 the record on disk is `state` (the persisted
   * state) and each durable var's shadow, which a crash restores.
   */
  readonly record: UnflushedRecordV2 | null;
}

export interface UnflushedRecordV2 {
  readonly flag: VarV2;
  readonly state: VarV2;
  readonly shadows: readonly (readonly [durable: VarV2, shadow: VarV2])[];
}

export interface InstanceV2 {
  readonly role: number;
  readonly local: number;
  /** `RM[2]` (1-based), or the role's name when it has one instance. */
  readonly name: string;
  readonly base: number;
}

export interface ChannelV2 {
  readonly from: number;
  readonly to: number;
  readonly base: number;
}

/**
 * The network: the pool's slots for the kinds that travel in the pool, and the channels for the
 * others (per-link models, docs/format-v2.md §6; a design without links uses one of the two).
 */
export interface NetworkV2 {
  /** The design's model (`network.model`), which every kind without a link of its own uses. */
  readonly model: 'pool' | 'channels';
  /** Pool: its first slot and its slots (0 when no kind travels in the pool). */
  readonly base: number;
  readonly size: number;
  readonly capacity: number;
  readonly drop: number;
  /** `lossy`: any message not on a reliable link may be dropped at any time, uncounted (docs/format-v2.md §6). */
  readonly lossy: boolean;
  /** `"whenFull": "block"`: a step that sends to a full channel is not taken (else it is a `channel-full` violation). */
  readonly blockWhenFull: boolean;
  /** `"unexpected": "wait"`: a channel message no transition takes from the receiver's state stays where it is (no step). */
  readonly waitUnexpected: boolean;
  readonly duplicate: number;
  readonly reorder: boolean;
  /** The channels (none when every kind travels in the pool). */
  readonly channels: readonly ChannelV2[];
  /** channelOf[from * instances + to]: index into `channels`, or -1. */
  readonly channelOf: Int32Array;
  /** Codes in use: 1..codes (0 is an empty slot). */
  readonly codes: number;
}

export interface ModelV2 {
  readonly version: 2;
  readonly name: string;
  /** The design as validated (schema key order, `x-*` keys set aside): what `export --to json` prints. */
  readonly design: DesignV2;
  readonly description?: string;
  readonly roles: readonly RoleV2[];
  readonly instances: readonly InstanceV2[];
  readonly messages: readonly MessageV2[];
  readonly transitions: readonly TransitionV2[];
  readonly invariants: readonly InvariantV2[];
  readonly network: NetworkV2;
  readonly crashes: number;
  /** Slots of the budgets used (-1 when the budget is 0). */
  readonly crashSlot: number;
  readonly dropSlot: number;
  readonly duplicateSlot: number;
  readonly checks: { readonly deadlock: boolean };
  readonly size: number;
  readonly slotLo: Float64Array;
  readonly slotBits: Uint8Array;
  readonly initial: Float64Array;
  /**
   * Every initial configuration (docs/format-v2.md §8): `initial` first, then the other
   * combinations of the vars' listed initial values for which `initially` holds. One when no var
   * lists several values.
   */
  readonly initials: readonly Float64Array[];
  /**
   * Every feature it uses that some export target does not translate (docs/format-v2.md §15,
   * §16), each in words naming the var, role or key; empty for most designs. The targets that
   * translate each kind are stated in `src/export/v2/refusal.ts`.
   */
  readonly exportFeatures: readonly ExportFeatureV2[];
  /** Quantifier binder slots needed by the deepest expression. */
  readonly bound: number;
  /** The design's `symmetry`, resolved (docs/format-v2.md §18); absent when it has none. */
  readonly symmetry?: SymmetryV2;
  /** The largest payload (fields) of any event or message. */
  readonly payloadSlots: number;
}

export type LoadResultV2 = { ok: true; model: ModelV2 } | { ok: false; errors: readonly DesignError[] };
