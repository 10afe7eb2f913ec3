import { explore } from '../engine/explorer';
import type { CheckResult } from '../engine/result';
import { loadDesign } from '../model/load';
import type { Model } from '../model/model';
import { terminal } from '../review/escape';
import { readDesignText } from './arguments';

/**
 * What `review`, `report` and `diff` share: a design file read as written (its `x-review`
 * silences kept) and loaded, and its check under limits (never unbounded).
 */
export interface ReviewSource {
  readonly document: unknown;
  readonly model: Model;
}

/** Reads and loads a design; on failure writes every error (escaped for the terminal) and returns null. */
export async function readReviewSource(command: string, file: string): Promise<ReviewSource | null> {
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(`${command}: ${terminal(read.message)}\n`);
    return null;
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    process.stderr.write(
      `${command}: ${terminal(file)} is not a valid design (${loaded.errors.length} error(s)):\n`,
    );
    for (const e of loaded.errors)
      process.stderr.write(`  ${terminal(e.path || '(file)')}: ${terminal(e.message)}\n`);
    return null;
  }
  // The loader accepted the text, so it is JSON; the document keeps its `x-` keys.
  return { document: JSON.parse(read.text) as unknown, model: loaded.model };
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
