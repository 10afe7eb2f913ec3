import type { CheckResult, ViolationReport } from '../../engine/result';
import type { Design } from '../../model/schema';

/**
 * The replay check stops a trace at the step that processes a request a second time, so the
 * person's own invariants are never evaluated after it: "no double charge" reads "holds" under a
 * red verdict. Checking the same design once more with that check off shows whether their own
 * invariants break too, and where.
 */

/** The design with `environment.checks.replay` off. */
export function withoutReplayCheck(design: Design): Design {
  const environment = design.environment ?? {};
  return { ...design, environment: { ...environment, checks: { ...environment.checks, replay: false } } };
}

/** A result whose violations include `replay` but none of the person's own invariants. */
export function needsRecheck(result: CheckResult): boolean {
  return result.violations.some((v) => v.kind === 'replay') && !result.violations.some((v) => v.kind === 'invariant');
}

/** What a replay violation means, in the terms of the person's design. */
export function replayMeaning(v: ViolationReport): string {
  const why = v.detail ? ` (${v.detail})` : '';
  return (
    `A retry or duplicate of ${v.name} reached the machine after the first copy had been processed, and it was processed ` +
    `again instead of being answered from a dedupe table${why}. To the client, one request happened twice or came back with ` +
    `another answer. Give ${v.name} an idempotency key, or make its transitions safe to repeat.`
  );
}
