import type { Design } from '../model/schema';
import type { Actor } from './step';
import type { ViolationKind } from './violation';
import type { ConfigurationView } from './view';

/** The result of a check, MODEL.md §7, plus speed figures. Plain JSON. */
export type Verdict = 'ok' | 'violation' | 'incomplete';
export type Limit = 'states' | 'time' | 'memory' | 'cancelled';

export interface TraceStep {
  readonly label: string;
  readonly actor: Actor;
  /** The configuration the step produced; for a step violation, the one it started from. */
  readonly configuration: ConfigurationView;
  readonly description: string;
  /** Only on a violation's last step: what went wrong. */
  readonly violation?: string;
}

export interface ViolationReport {
  readonly kind: ViolationKind;
  readonly name: string;
  readonly depth: number;
  readonly detail: string;
  readonly trace: readonly TraceStep[];
}

export interface Coverage {
  readonly reached: readonly string[];
  readonly unreached: readonly string[];
}

/** Step labels from the initial configuration to the first configuration with each client outcome. */
export interface OutcomeTraces {
  readonly ok?: readonly string[];
  readonly error?: readonly string[];
  readonly ambiguous?: readonly string[];
}

export interface CheckResult {
  readonly verdict: Verdict;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly violations: readonly ViolationReport[];
  readonly coverage: { readonly states: Coverage; readonly transitions: Coverage };
  readonly outcomes: { readonly ok: number; readonly error: number; readonly ambiguous: number };
  /** A shortest trace (step labels) to a quiescent configuration with each outcome seen (one-thread checks). */
  readonly outcomeTraces?: OutcomeTraces;
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly bytesPerState: number;
  /** Which limit stopped the search, if one did. */
  readonly limit: Limit | null;
  /** A sentence for people when a limit stopped the search (`reason` in the UI). */
  readonly reason?: string;
  /**
   * Violations the explorer found that the readable engine did not confirm when it re-executed
   * their traces: a bug in the engine, never shown as a violation (see `report.ts`). Absent when
   * every violation was confirmed.
   */
  readonly internalErrors?: readonly InternalError[];
}

/** A disagreement between the explorer's fast path and the readable engine, as data for a bug report. */
export interface InternalError {
  readonly message: string;
  /** The violation as the explorer reported it. */
  readonly reported: { readonly kind: ViolationKind; readonly name: string; readonly detail: string; readonly depth: number };
  /** The labels of the trace, as far as the readable engine could re-execute it. */
  readonly trace: readonly string[];
  /** The design checked. */
  readonly design: Design;
}

export interface CheckProgress {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly statesPerSecond: number;
  readonly elapsedMs: number;
}

/** The limits of a search: the same for the command line, the browser's worker and the store. */
export interface CheckLimits {
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly maxBytes?: number;
}

export interface ExploreOptions extends CheckLimits {
  readonly onProgress?: (p: CheckProgress) => void;
  readonly progressEveryMs?: number;
  readonly shouldStop?: () => boolean;
  /** Tests: every step taken from a table (`flatMemo.ts`) is also taken the ordinary way, and the two must agree (else it throws). */
  readonly verifyTables?: boolean;
  /** Tests (version 2): false takes every step from the step rules, none from an instance's table (`v2/localTables.ts`). */
  readonly localTables?: boolean;
  /** Tests (version 2): false evaluates every state invariant of every new configuration, none remembered (`v2/invariantMemo.ts`). */
  readonly invariantMemo?: boolean;
}
