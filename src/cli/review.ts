import { terminal } from '../review/escape';
import { RULES } from '../review/rules';
import { parseCommandArguments } from './arguments';
import type { Command } from './commands';
import { limitsFrom, readReviewSource, reviewSource } from './reviewInput';

const USAGE = 'usage: review FILE [--json] [--no-check] [--max-states N] [--max-seconds S]\n';

/**
 * `review FILE [--json]`: the review checklist (src/review/rules.ts). Exit 0 when no finding is
 * open, 1 when some are (silenced ones are listed with their reason but do not count), 2 for an
 * invalid design or bad arguments. The design is checked first (within the limits) so reachability
 * and limits are part of the review; `--no-check` skips that.
 */
export const reviewCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, {
    flags: ['json', 'no-check'],
    options: { 'max-states': '', 'max-seconds': '' },
  });
  const limits = typeof parsed === 'string' ? parsed : limitsFrom(parsed.options);
  if (typeof parsed === 'string' || typeof limits === 'string') {
    process.stderr.write(`review: ${typeof parsed === 'string' ? parsed : limits}\n${USAGE}`);
    return 2;
  }
  const source = await readReviewSource('review', parsed.file);
  if (!source) return 2;
  const { review, verdict } = reviewSource(source, parsed.flags.has('no-check') ? null : limits);
  const result = verdict ? { verdict } : undefined;
  const open = review.findings.filter((f) => f.silenced === undefined);
  if (parsed.flags.has('json')) {
    process.stdout.write(
      `${JSON.stringify({ findings: review.findings, open: open.length, unknownSilences: review.unknownSilences, ...(result ? { verdict: result.verdict } : {}) }, null, 2)}\n`,
    );
  } else {
    const out: string[] = [];
    for (const f of review.findings) {
      out.push(
        `${f.silenced === undefined ? '✗' : '·'} [${f.rule}] ${terminal(f.element)}${f.path ? ` (${terminal(f.path)})` : ''}`,
      );
      out.push(`    why: ${terminal(f.why)}`);
      out.push(`    fix: ${terminal(f.fix)}`);
      if (f.silenced !== undefined) out.push(`    silenced: ${terminal(f.silenced)}`);
    }
    for (const u of review.unknownSilences)
      out.push(
        `! ${terminal(u.path || '(design)')}: x-review silences "${terminal(u.rule)}", which is no rule; known rules: ${Object.keys(RULES).join(', ')}`,
      );
    const silenced = review.findings.length - open.length;
    out.push(
      `${open.length} open finding(s)${silenced ? `, ${silenced} silenced` : ''}${result ? ` (check: ${result.verdict})` : ' (not checked)'}`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return open.length === 0 ? 0 : 1;
};
