import { loadDesign } from '../model/load';
import { declaredVersion } from '../model/v2/load';
import { validateV2 } from './v2/commands';
import type { DesignError } from '../model/model';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';
import { terminalJson, terminalText } from './terminalText';

/**
 * `validate FILE [--json]` (MODEL.md §8): exit 0 when the design is valid, 2 when it is not,
 * is not JSON, or cannot be read. `--json` prints `{ valid, errors: [{ path, message, code, column? }] }`;
 * otherwise each error is one line `path: message`, with `(root)` for the whole file.
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
  const errors: readonly DesignError[] = read.ok
    ? (() => {
        const result = loadDesign(read.text);
        return result.ok ? [] : result.errors;
      })()
    : [{ path: '', code: 'unreadable', message: read.message }];
  if (parsed.flags.has('json')) {
    process.stdout.write(terminalJson({ valid: errors.length === 0, errors }, 2) + '\n');
  } else if (errors.length === 0) {
    process.stdout.write(terminalText(`${file}: valid\n`));
  } else {
    const lines = errors.map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`);
    process.stdout.write(terminalText(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`));
  }
  return errors.length === 0 ? 0 : 2;
};
