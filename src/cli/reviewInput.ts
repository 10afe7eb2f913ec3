import { explore } from '../engine/explorer';
import type { CheckResult } from '../engine/result';
import { exploreV2 } from '../engine/v2/explorer';
import type { CheckResultV2 } from '../engine/v2/result';
import { loadDesign } from '../model/load';
import type { DesignError, Model } from '../model/model';
import { declaredVersion, loadAnyDesignV2 } from '../model/v2/load';
import type { ModelV2 } from '../model/v2/model';
import type { DesignV2 } from '../model/v2/schema';
import type { Verdict } from '../engine/result';
import { mermaidDiagram } from '../export/mermaid/export';
import { terminal } from '../review/escape';
import { reviewDesign, type Review } from '../review/lint';
import { buildReport, type Report } from '../review/reportModel';
import { reviewDesignWithClients } from '../review/v2/clientsReview';
import { reviewDesignV2 } from '../review/v2/lintV2';
import { buildReportV2 } from '../review/v2/reportV2';
import { readDesignText } from './arguments';

/**
 * What `review`, `report` and `diff` share: a design file read as written (its `x-review`
 * silences kept) and loaded, and its check under limits (never unbounded).
 */
export interface ReviewSource {
  readonly document: unknown;
  readonly model: Model;
}

/** A version-2 design of participants, read for a review (docs/format-v2.md). */
export interface ReviewSourceV2 {
  readonly version: 2;
  readonly document: unknown;
  readonly model: ModelV2;
}

/**
 * Version 1's review reads a version-1 design, or a version-2 design with clients (one
 * participant: its version-1 model, docs/format-v2.md §13); version 2's a design of participants.
 */
export type AnyReviewSource = (ReviewSource & { readonly version: 1; readonly withClients?: DesignV2 }) | ReviewSourceV2;

/** Reads and loads a design of either version; on failure writes every error (escaped for the terminal) and returns null. */
export async function readReviewSource(command: string, file: string): Promise<AnyReviewSource | null> {
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(`${command}: ${terminal(read.message)}\n`);
    return null;
  }
  const v2 = declaredVersion(read.text) === 2 ? loadAnyDesignV2(read.text) : null;
  const loaded = v2 ?? loadDesign(read.text);
  if (!loaded.ok) return invalid(command, file, loaded.errors);
  // The loader accepted the text, so it is JSON; the document keeps its `x-` keys.
  const document = JSON.parse(read.text) as unknown;
  if (v2?.ok && v2.kind === 'participants') return { version: 2, document, model: v2.model };
  // A version-2 file with clients: findings and silences point into that file, not its lowering.
  if (v2?.ok) return { version: 1, document, model: loaded.model as Model, withClients: document as DesignV2 };
  return { version: 1, document, model: loaded.model as Model };
}

function invalid(command: string, file: string, errors: readonly DesignError[]): null {
  process.stderr.write(`${command}: ${terminal(file)} is not a valid design (${errors.length} error(s)):\n`);
  for (const e of errors) process.stderr.write(`  ${terminal(e.path || '(file)')}: ${terminal(e.message)}\n`);
  return null;
}

export interface CheckLimitsArgs {
  readonly maxStates: number;
  readonly maxSeconds: number;
}

export const REVIEW_LIMITS: CheckLimitsArgs = { maxStates: 2_000_000, maxSeconds: 60 };

/** `--max-states N` / `--max-seconds S` read from parsed options; a string is the problem. */
export function limitsFrom(options: Readonly<Record<string, string | undefined>>): CheckLimitsArgs | string {
  let { maxStates, maxSeconds } = REVIEW_LIMITS;
  if (options['max-states'] !== undefined) {
    maxStates = Math.floor(Number(options['max-states']));
    if (!Number.isFinite(maxStates) || maxStates <= 0) return '--max-states needs a positive number';
  }
  if (options['max-seconds'] !== undefined) {
    maxSeconds = Number(options['max-seconds']);
    if (!Number.isFinite(maxSeconds) || maxSeconds <= 0) return '--max-seconds needs a positive number';
  }
  return { maxStates, maxSeconds };
}

export function checkFor(model: Model, limits: CheckLimitsArgs): CheckResult {
  return explore(model, limits);
}

export function checkForV2(model: ModelV2, limits: CheckLimitsArgs): CheckResultV2 {
  return exploreV2(model, limits);
}

/** A design's checklist, and its report once checked, in its own version's terms. */
export interface Reviewed {
  readonly review: Review;
  readonly verdict?: Verdict;
  /** The report (needs the check): `markdown` adds the Mermaid text Markdown shows. */
  readonly report: ((date: string, markdown: boolean) => Report) | null;
}

/** Checks the design within `limits` (none: no check) and reads it against the checklist. */
export function reviewSource(source: AnyReviewSource, limits: CheckLimitsArgs | null): Reviewed {
  if (source.version === 2) {
    const result = limits ? checkForV2(source.model, limits) : undefined;
    const review = reviewDesignV2({ ...source, ...(result ? { result } : {}) });
    return {
      review,
      ...(result ? { verdict: result.verdict } : {}),
      report: result ? (date) => buildReportV2({ model: source.model, result, review, date }) : null,
    };
  }
  const result = limits ? checkFor(source.model, limits) : undefined;
  const review = source.withClients
    ? reviewDesignWithClients({ document: source.withClients, model: source.model, ...(result ? { result } : {}) })
    : reviewDesign({ ...source, ...(result ? { result } : {}) });
  return {
    review,
    ...(result ? { verdict: result.verdict } : {}),
    report: result
      ? (date, markdown) =>
          buildReport({ model: source.model, result, review, date, ...(markdown ? { mermaid: mermaidDiagram(source.model) } : {}) })
      : null,
  };
}
