import { callNames } from '../../model/v2/callNames';
import type { ModelV2 } from '../../model/v2/model';
import type { CallOutcomesV2 } from './result';
import { StepRules, type StepSink } from './stepRules';

/**
 * Client outcomes per call site (docs/format-v2.md §14, "Outcomes"): version 1's `outcomes`
 * (MODEL.md §7) read per call. For each call event E (its caller role, the transitions that make
 * the call), the number of stored configurations that are quiescent (§8: no step is enabled but
 * faults, the deadlock check's "nothing is left to do") and in which at least one caller instance
 * has `E_outcome` ok, error or timeout (the ambiguous third outcome). Violating configurations
 * count, as in version 1, because they are stored too.
 *
 * Counted when a configuration is first stored, on one thread (`explorer.ts`) and on several
 * (`partition.ts`) alike, so the sums agree exactly; quiescence is found by running the step rules
 * once more on a configuration that has some outcome (none of the others can count).
 */

export const OUTCOME_KINDS = ['ok', 'error', 'timeout'] as const;
export type CallOutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A call site: the caller role and call event, and where its `E_outcome` sits per caller instance. */
export interface CallSiteV2 {
  readonly site: string;
  readonly caller: string;
  readonly callee: string;
  readonly event: string;
  /** The caller's transitions that make the call (`id`, else `Role#k`), in document order. */
  readonly transitions: readonly string[];
  /** Vector slot of `E_outcome` of each caller instance. */
  readonly slots: readonly number[];
  /** Codes of ok, error, timeout in `E_outcome`'s enum. */
  readonly codes: readonly [number, number, number];
}

/** The call sites of a design (none without calls), callee role by callee role, call events in document order. */
export function callSitesV2(model: ModelV2): CallSiteV2[] {
  const sites: CallSiteV2[] = [];
  const design = model.design;
  for (const callee of design.roles) {
    for (const e of callee.events ?? []) {
      if (e.source !== 'call') continue;
      const ri = design.roles.findIndex((r) => r.transitions.some((t) => t.call?.event === e.name));
      if (ri < 0) continue;
      const role = model.roles[ri]!;
      const outcome = role.vars.find((v) => v.name === callNames(e.name).outcome);
      if (!outcome || outcome.type.kind !== 'enum') continue;
      const values = outcome.type.values;
      const transitions = design.roles[ri]!.transitions.flatMap((t, k) => (t.call?.event === e.name ? [role.transitions[k]!.name] : []));
      sites.push({
        site: `${role.name} → ${callee.name}.${e.name}`,
        caller: role.name,
        callee: callee.name,
        event: e.name,
        transitions,
        slots: role.bases.map((b) => b + outcome.offset),
        codes: [values.indexOf('ok'), values.indexOf('error'), values.indexOf('timeout')],
      });
    }
  }
  return sites;
}

/** What one thread counted: per site and outcome (site-major, ok, error, timeout) the count and its first configuration's id (-1: none). */
export interface CallOutcomeTally {
  readonly counts: number[];
  readonly first: number[];
}

export class CallOutcomeCounter {
  readonly sites: readonly CallSiteV2[];
  private readonly counts: number[];
  private readonly first: number[];
  private readonly probe: StepRules | null;
  private quiet = true;
  private readonly sink: StepSink = (step, _next, _violations, changed) => {
    if (changed && step.kind !== 'crash' && step.kind !== 'drop' && step.kind !== 'duplicate') this.quiet = false;
  };

  constructor(model: ModelV2) {
    this.sites = callSitesV2(model);
    this.counts = new Array<number>(3 * this.sites.length).fill(0);
    this.first = new Array<number>(3 * this.sites.length).fill(-1);
    this.probe = this.sites.length ? new StepRules(model) : null;
  }

  /** Counts the configuration `vec`, just stored as `id` (ids increase as configurations are stored). */
  note(vec: Float64Array, id: number): void {
    if (this.probe === null || !this.anyOutcome(vec)) return;
    this.quiet = true;
    this.probe.forEachStep(vec, this.sink);
    if (!this.quiet) return;
    this.sites.forEach((s, i) => {
      for (let k = 0; k < 3; k++) {
        const code = s.codes[k]!;
        if (!s.slots.some((slot) => vec[slot] === code)) continue;
        this.counts[3 * i + k]!++;
        if (this.first[3 * i + k]! < 0) this.first[3 * i + k] = id;
      }
    });
  }

  tally(): CallOutcomeTally {
    return { counts: [...this.counts], first: [...this.first] };
  }

  private anyOutcome(vec: Float64Array): boolean {
    for (const s of this.sites) for (const slot of s.slots) if (vec[slot] === s.codes[0] || vec[slot] === s.codes[1] || vec[slot] === s.codes[2]) return true;
    return false;
  }
}

/**
 * The result's `outcomes` (absent for a design without calls): the counts, and per outcome seen a
 * shortest trace (its step labels) to the first configuration counted with it.
 */
export function callOutcomesResult(
  sites: readonly CallSiteV2[],
  tally: CallOutcomeTally,
  labelsTo: (id: number) => string[],
  startOf: (id: number) => number | undefined = () => undefined,
): { outcomes?: CallOutcomesV2[] } {
  if (sites.length === 0) return {};
  return {
    outcomes: sites.map((s, i) => {
      const traces: Partial<Record<CallOutcomeKind, string[]>> = {};
      const starts: Partial<Record<CallOutcomeKind, number>> = {};
      OUTCOME_KINDS.forEach((k, j) => {
        const id = tally.first[3 * i + j]!;
        if (id < 0) return;
        traces[k] = labelsTo(id);
        const start = startOf(id);
        if (start !== undefined) starts[k] = start;
      });
      return {
        site: s.site,
        caller: s.caller,
        callee: s.callee,
        event: s.event,
        transitions: s.transitions,
        ok: tally.counts[3 * i]!,
        error: tally.counts[3 * i + 1]!,
        timeout: tally.counts[3 * i + 2]!,
        traces,
        ...(Object.keys(starts).length > 0 ? { starts } : {}),
      };
    }),
  };
}
