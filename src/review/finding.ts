import type { RuleId } from './rules';

/** One answer of the review checklist: which rule, at which element, why, and how to fix it. */
export interface Finding {
  readonly rule: RuleId;
  /** JSON Pointer of the element the finding is about (`""`: the whole design). */
  readonly path: string;
  /** The element in words: `transition charge (Idle → Charged on Charge)`. */
  readonly element: string;
  /** One line: why this matters here. */
  readonly why: string;
  /** One line: what to do. */
  readonly fix: string;
  /** Set when the element silences this rule: the recorded reason. */
  readonly silenced?: string;
}

/** The findings still open (not silenced). */
export function openFindings(findings: readonly Finding[]): readonly Finding[] {
  return findings.filter((f) => f.silenced === undefined);
}
