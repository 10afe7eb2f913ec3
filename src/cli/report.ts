import { writeFileSync } from 'node:fs';
import { terminal } from '../review/escape';
import { reportHtml } from '../review/reportHtml';
import { reportMarkdown } from '../review/reportMarkdown';
import { parseCommandArguments } from './arguments';
import type { Command } from './commands';
import { limitsFrom, readReviewSource, reviewSource } from './reviewInput';

const USAGE = 'usage: report FILE [-o OUT] [--markdown] [--max-states N] [--max-seconds S]\n';

/**
 * `report FILE -o report.html`: the review report, one self-contained HTML file (or Markdown with
 * `--markdown` or an `.md` OUT). Without `-o` it goes to standard output. Exit 0 written, 2 for an
 * invalid design or bad arguments; the verdict is in the report, not the exit code.
 */
export const reportCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, {
    flags: ['markdown'],
    options: { out: 'o', 'max-states': '', 'max-seconds': '' },
  });
  const limits = typeof parsed === 'string' ? parsed : limitsFrom(parsed.options);
  if (typeof parsed === 'string' || typeof limits === 'string') {
    process.stderr.write(`report: ${typeof parsed === 'string' ? parsed : limits}\n${USAGE}`);
    return 2;
  }
  const source = await readReviewSource('report', parsed.file);
  if (!source) return 2;
  const { review, report: reportOf } = reviewSource(source, limits);
  const out = parsed.options['out'];
  const markdown = parsed.flags.has('markdown') || (out !== undefined && /\.(md|markdown)$/i.test(out));
  if (!reportOf) return 2; // never: the design was checked
  const report = reportOf(new Date().toISOString(), markdown);
  const text = markdown ? reportMarkdown(report) : reportHtml(report);
  if (out === undefined) process.stdout.write(text);
  else {
    writeFileSync(out, text);
    process.stderr.write(
      `report: ${terminal(out)} written (${report.verdict}, ${review.findings.filter((f) => f.silenced === undefined).length} open finding(s))\n`,
    );
  }
  return 0;
};
