import type { Limit, Verdict } from '../result';
import type { CallMachineryCoverage } from './callReading';
import type { ViolationKindV2 } from './stepTypes';
import type { ConfigurationViewV2 } from './view';

/**
 * The result of checking a version-2 design: version 1's fields, with client outcomes per call
 * site (`outcomes`, only for a design with calls: docs/format-v2.md §14). Plain JSON.
 */

export interface TraceStepV2 {
  readonly label: string;
  /** The configuration the step produced; for a step violation, the one it started from. */
  readonly configuration: ConfigurationViewV2;
  /** Only on a violation's last step: what went wrong. */
  readonly violation?: string;
}

export interface ViolationReportV2 {
  readonly kind: ViolationKindV2;
  readonly name: string;
  readonly depth: number;
  readonly detail: string;
  /** The initial configuration the trace starts from, when the design has several (format-v2.md §8); else it is the model's one. */
  readonly initial?: ConfigurationViewV2;
  /** With `initial`: its index in the design's initial configurations, in the order format-v2.md §8 lists them. */
  readonly start?: number;
  readonly trace: readonly TraceStepV2[];
}

export interface CoverageV2 {
  readonly reached: readonly string[];
  readonly unreached: readonly string[];
}

/**
 * Client outcomes of one call site (a caller role and call event E: `Client → Lock.Acquire`),
 * version 1's `outcomes` (MODEL.md §7) per call: how many stored configurations are quiescent
 * and have at least one caller instance whose last call of E ended ok, error or timeout (the
 * ambiguous third outcome: the caller does not know whether the call happened).
 */
export interface CallOutcomesV2 {
  readonly site: string;
  readonly caller: string;
  readonly callee: string;
  readonly event: string;
  /** The caller's transitions that make the call. */
  readonly transitions: readonly string[];
  readonly ok: number;
  readonly error: number;
  readonly timeout: number;
  /** Per outcome seen, a shortest trace (step labels) to a configuration counted with it. */
  readonly traces: { readonly ok?: readonly string[]; readonly error?: readonly string[]; readonly timeout?: readonly string[] };
  /** When the design has several initial configurations: per trace, the index of the one it starts from (as a violation's `start`). */
  readonly starts?: { readonly ok?: number; readonly error?: number; readonly timeout?: number };
}

export interface CheckResultV2 {
  readonly version: 2;
  readonly verdict: Verdict;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly violations: readonly ViolationReportV2[];
  /**
   * States as `Role.state`, the user's transitions by name (`id`, else `Role#k`), in document
   * order; with calls, each call site's machinery apart (format-v2.md §14), reached or not.
   */
  readonly coverage: { readonly states: CoverageV2; readonly transitions: CoverageV2; readonly calls?: readonly CallMachineryCoverage[] };
  /** Per call site, in the order the call events are declared; absent for a design without calls. */
  readonly outcomes?: readonly CallOutcomesV2[];
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly bytesPerState: number;
  readonly limit: Limit | null;
  readonly reason?: string;
  /**
   * Present when the design declares `symmetry` (docs/format-v2.md §18): then `states` counts
   * classes of configurations (one stored per class), not configurations; `transitions` the steps
   * taken from the stored ones. `permutations`: of each configuration, tried for its canonical form.
   */
  readonly symmetry?: { readonly roles: readonly string[]; readonly values: readonly (readonly string[])[]; readonly permutations: number; readonly note: string };
}
