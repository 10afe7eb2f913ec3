import type { Limit, Verdict } from '../result';
import type { ViolationKindV2 } from './stepTypes';
import type { ConfigurationViewV2 } from './view';

/** The result of checking a version-2 design: version 1's fields, without client outcomes. Plain JSON. */

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
  readonly trace: readonly TraceStepV2[];
}

export interface CoverageV2 {
  readonly reached: readonly string[];
  readonly unreached: readonly string[];
}

export interface CheckResultV2 {
  readonly version: 2;
  readonly verdict: Verdict;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly violations: readonly ViolationReportV2[];
  /** States as `Role.state`, transitions by name (`id`, else `Role#k`), in document order. */
  readonly coverage: { readonly states: CoverageV2; readonly transitions: CoverageV2 };
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly bytesPerState: number;
  readonly limit: Limit | null;
  readonly reason?: string;
}
