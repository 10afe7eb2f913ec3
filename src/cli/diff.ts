import { parseArgs } from 'node:util';
import { compareResults, diffDesigns, diffText } from '../review/diff';
import { terminal } from '../review/escape';
import type { Command } from './commands';
import { compareResultsV2, diffDesignsV2 } from '../review/v2/diffV2';
import { checkFor, checkForV2, limitsFrom, readReviewSource, type AnyReviewSource, type CheckLimitsArgs } from './reviewInput';

const USAGE = 'usage: diff OLD NEW [--json] [--no-check] [--max-states N] [--max-seconds S]\n';

/**
 * `diff OLD NEW`: what changed between two designs (states, transitions, events, vars,
 * invariants, environment) and, unless `--no-check`, both check results side by side. Exit 0
 * when the designs behave alike (no change), 1 when they differ, 2 for an invalid design or bad
 * arguments (as diff(1) does).
 */
export const diffCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'no-check': { type: 'boolean' },
        'max-states': { type: 'string' },
        'max-seconds': { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(
      `diff: ${terminal(error instanceof Error ? error.message.split('\n')[0]! : String(error))}\n${USAGE}`,
    );
    return 2;
  }
  const [oldFile, newFile, extra] = parsed.positionals;
  const limits = limitsFrom({
    'max-states': parsed.values['max-states'],
    'max-seconds': parsed.values['max-seconds'],
  });
  if (oldFile === undefined || newFile === undefined || extra !== undefined || typeof limits === 'string') {
    process.stderr.write(
      `diff: ${typeof limits === 'string' ? limits : extra !== undefined ? `unexpected argument ${terminal(extra)}` : 'needs OLD and NEW'}\n${USAGE}`,
    );
    return 2;
  }
  const before = await readReviewSource('diff', oldFile);
  const after = await readReviewSource('diff', newFile);
  if (!before || !after) return 2;
  if (before.version !== after.version) {
    process.stderr.write(
      `diff: ${terminal(oldFile)} is a version-${before.version} design and ${terminal(newFile)} a version-${after.version} one; export the first with --to v2 to compare them.\n`,
    );
    return 2;
  }
  const { diff, rows } = compare(before, after, parsed.values['no-check'] ? null : limits);
  if (parsed.values.json)
    process.stdout.write(`${JSON.stringify({ changes: diff.changes, results: rows }, null, 2)}\n`);
  else process.stdout.write(terminal(diffText(diff, rows, { before: oldFile, after: newFile })));
  return diff.changes.length === 0 ? 0 : 1;
};

/** The diff and both checks side by side, in the designs' version. */
function compare(before: AnyReviewSource, after: AnyReviewSource, limits: CheckLimitsArgs | null) {
  if (before.version === 2 && after.version === 2)
    return {
      diff: diffDesignsV2(before.model, after.model),
      rows: limits ? compareResultsV2(checkForV2(before.model, limits), checkForV2(after.model, limits)) : null,
    };
  if (before.version === 1 && after.version === 1)
    return {
      diff: diffDesigns(before.model, after.model),
      rows: limits ? compareResults(checkFor(before.model, limits), checkFor(after.model, limits)) : null,
    };
  throw new Error('diff: designs of two versions');
}
