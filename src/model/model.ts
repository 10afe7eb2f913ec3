import type { Ack, Design, EventSource, Idempotency, InvariantKind, Reply, Unhandled, VarStorage } from './schema';

/**
 * The validated, indexed model the engine runs: what `loadDesign` returns when a design is valid.
 *
 * Every value is a number so configurations pack into typed arrays: an int is itself, a bool is
 * 0 or 1, an enum value is its index in the type's `values`, a state is its index in `states`.
 * Names are kept beside indices for display and export.
 */

export type ValueType =
  | { readonly kind: 'int'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export interface VarModel {
  readonly name: string;
  readonly index: number;
  readonly type: ValueType;
  readonly storage: VarStorage;
  /** The initial value, encoded as above. */
  readonly initial: number;
  readonly description?: string;
}

export interface StateModel {
  readonly name: string;
  readonly index: number;
  readonly initial: boolean;
  readonly final: boolean;
  /** `storage: "durable"` (the default): entering it is persisted. */
  readonly durable: boolean;
  readonly description?: string;
}

export interface PayloadFieldModel {
  readonly name: string;
  readonly index: number;
  readonly type: ValueType;
}

export interface EventModel {
  readonly name: string;
  readonly index: number;
  readonly source: EventSource;
  readonly payload: readonly PayloadFieldModel[];
  /**
   * Every payload value a client may send, in the order `send` steps are tried: fields in
   * declaration order, each field's domain ascending (false before true, enum values in
   * declaration order), the last field varying fastest. `[[]]` for an event without payload.
   */
  readonly payloadValues: readonly (readonly number[])[];
  /** 1 when the event declares no retry; always 1 for timer and internal events. */
  readonly maxAttempts: number;
  readonly idempotency: Idempotency;
  readonly unhandled: Unhandled;
  readonly afterMs?: number;
  readonly description?: string;
}

/** The `event` index of a `$restart` transition. */
export const RESTART = -1;

/** One frame of the world an expression reads: before a step, or (primed names) after it. */
export interface EvalFrame {
  readonly state: number;
  readonly vars: ArrayLike<number>;
  /** Counts of distinct requests per client outcome, indexed by event index (§2 observables). */
  readonly sent: ArrayLike<number>;
  readonly acked: ArrayLike<number>;
  readonly failed: ArrayLike<number>;
  readonly ambiguous: ArrayLike<number>;
  readonly crashes: number;
}

export interface EvalEnv {
  /** Bare names read this frame. */
  readonly pre: EvalFrame;
  /** Primed names read this frame; null outside step invariants. */
  readonly post: EvalFrame | null;
  /** `event.F` reads `payload[F's index]`. */
  readonly payload: ArrayLike<number>;
}

/** Thrown by a compiled expression on division by zero or a result beyond ±2^53. */
export class EvaluationError extends Error {
  constructor(
    message: string,
    /** The column (1-based) of the operator that failed, within the expression's text. */
    readonly column: number,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/** An expression compiled once into closures; `evaluate` never re-walks a tree. */
export interface CompiledExpr {
  readonly text: string;
  /** JSON Pointer of the expression in the design file. */
  readonly path: string;
  readonly type: ValueType;
  /** Reads `sent.E`, `acked.E`, `failed.E`, `ambiguous.E` or `crashes` (bare or primed). */
  readonly readsObservables: boolean;
  /** Reads a primed name. */
  readonly readsPrimed: boolean;
  /** The vars it reads (indices, ascending) when it reads nothing but vars and constants; null otherwise (`expr/reads.ts`). */
  readonly readsVars: readonly number[] | null;
  /** Returns the value encoded as a number; throws `EvaluationError`. */
  readonly evaluate: (env: EvalEnv) => number;
}

export interface UpdateModel {
  readonly var: number;
  readonly expr: CompiledExpr;
}

export interface InvariantModel {
  readonly name: string;
  /** Top-level `state` or `step`; a transition's own invariants are always `step`. */
  readonly kind: InvariantKind;
  readonly expr: CompiledExpr;
  /** The transition index when the invariant belongs to one. */
  readonly transition?: number;
  readonly description?: string;
}

export interface TransitionModel {
  readonly index: number;
  /** `id` when the transition has one, else `#k` with k its 0-based index (§6). */
  readonly name: string;
  readonly id?: string;
  readonly from: number;
  /** Event index, or `RESTART`. */
  readonly event: number;
  readonly to: number;
  readonly guard: CompiledExpr | null;
  /** In the order written; all read the configuration before the step (simultaneous assignment). */
  readonly updates: readonly UpdateModel[];
  /** `durable` unless given; meaningful only for client events. */
  readonly ack: Ack;
  /** `ok` unless given; meaningful only for client events. */
  readonly reply: Reply;
  readonly invariants: readonly InvariantModel[];
  readonly description?: string;
}

export interface EnvironmentModel {
  readonly requests: number;
  readonly drop: number;
  readonly duplicate: number;
  readonly reorder: boolean;
  readonly crashes: number;
  readonly deadlock: boolean;
  readonly replay: boolean;
}

export interface Model {
  /** The document as loaded (x-* keys set aside), for the editor and exporters. */
  readonly design: Design;
  readonly name: string;
  readonly vars: readonly VarModel[];
  readonly states: readonly StateModel[];
  readonly events: readonly EventModel[];
  readonly transitions: readonly TransitionModel[];
  /** Top-level invariants, state and step, in document order. */
  readonly invariants: readonly InvariantModel[];
  readonly environment: EnvironmentModel;
  readonly initialState: number;
  /** Transitions tried for (state, event), in document order: `candidates[state][event]`. */
  readonly candidates: readonly (readonly (readonly TransitionModel[])[])[];
  /** `$restart` transitions from each state, in document order. */
  readonly restarts: readonly (readonly TransitionModel[])[];
  /** Indices of client events; of timer and internal events. */
  readonly clientEvents: readonly number[];
  readonly firedEvents: readonly number[];
  /** Some state is final (the deadlock check applies only then). */
  readonly hasFinal: boolean;
}

/** One problem with a design: where (JSON Pointer into the file, `""` for the whole file) and what to do. */
export interface DesignError {
  readonly path: string;
  readonly message: string;
  /** A stable code naming the rule, e.g. `unknown-key`, `type-mismatch`. */
  readonly code: string;
  /** For errors inside an expression: the 1-based column. */
  readonly column?: number;
}

export type LoadResult =
  | { readonly ok: true; readonly model: Model; readonly warnings: readonly DesignError[] }
  | { readonly ok: false; readonly errors: readonly DesignError[] };

/** Encodes a value of a type for display: the inverse of the numeric encoding. */
export function showValue(type: ValueType, value: number): string | number | boolean {
  switch (type.kind) {
    case 'int':
      return value;
    case 'bool':
      return value !== 0;
    case 'enum':
      return type.values[value] ?? `?${value}`;
  }
}
