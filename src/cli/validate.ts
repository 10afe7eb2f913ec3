import { loadDesign } from '../model/load';
import { declaredVersion } from '../model/v2/load';
import { validateV2 } from './v2/commands';
import type { DesignError } from '../model/model';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';
import { terminalJson, terminalText } from './terminalText';

/**
 * `validate FILE [--json]` (MODEL.md §8): exit 0 when the design is valid, 2 when it is not,
 * is not JSON, or cannot be read. `--json` prints `{ valid, errors: [{ path, message, code, column? }], warnings: [same] }`;
 * otherwise each error is one line `path: message`, with `(root)` for the whole file, and each
 * warning one line on stderr, `warning: path: message (code)`. Warnings never change the exit code.
 */
export const validateCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, { flags: ['json'] });
  if (typeof parsed === 'string') {
    process.stderr.write(`validate: ${parsed}\nusage: npm run -s cli -- validate FILE [--json]\n`);
    return 2;
  }
  const { file } = parsed;
  const read = await readDesignText(file);
  if (read.ok && declaredVersion(read.text) === 2) return validateV2(file, read.text, parsed.flags.has('json'));
  const result = read.ok ? loadDesign(read.text) : null;
  const errors: readonly DesignError[] = !read.ok ? [{ path: '', code: 'unreadable', message: read.message }] : result?.ok === false ? result.errors : [];
  // Warnings (placeholder guards an import left, …) leave a design valid: exit 0, but say them.
  const warnings: readonly DesignError[] = result?.ok === true ? result.warnings : [];
  if (parsed.flags.has('json')) {
    process.stdout.write(terminalJson({ valid: errors.length === 0, errors, warnings }, 2) + '\n');
  } else if (errors.length === 0) {
    process.stdout.write(terminalText(`${file}: valid${warnings.length === 0 ? '' : `, ${plural(warnings.length, 'warning')}`}\n`));
  } else {
    const lines = errors.map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`);
    process.stdout.write(terminalText(`${file}: ${plural(errors.length, 'error')}\n${lines.join('\n')}\n`));
  }
  if (!parsed.flags.has('json')) for (const w of warnings) process.stderr.write(terminalText(`${warningLine(w)}\n`));
  return errors.length === 0 ? 0 : 2;
};

/** One warning as the terminal shows it: `warning: <JSON pointer>: <message> (<code>)`. */
export function warningLine(w: DesignError): string {
  return `warning: ${w.path === '' ? '(root)' : w.path}: ${w.message} (${w.code})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
