import { readFile } from 'node:fs/promises';
import { loadDesign } from '../model/load';
import type { DesignError } from '../model/model';
import type { Command } from './commands';

/**
 * `validate FILE [--json]` (MODEL.md §8): exit 0 when the design is valid, 2 when it is not,
 * is not JSON, or cannot be read. `--json` prints `{ valid, errors: [{ path, message, code, column? }] }`;
 * otherwise each error is one line `path: message`, with `(root)` for the whole file.
 */
export const validateCommand: Command = async (args) => {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknownOption = files.find((a) => a.startsWith('--'));
  if (files.length !== 1 || unknownOption) {
    process.stderr.write(
      unknownOption ? `validate: unknown option ${unknownOption}\n` : 'usage: npm run -s cli -- validate FILE [--json]\n',
    );
    return 2;
  }
  const file = files[0]!;
  let errors: readonly DesignError[];
  try {
    const text = await readFile(file, 'utf8');
    const result = loadDesign(text);
    errors = result.ok ? [] : result.errors;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    errors = [{ path: '', code: 'unreadable', message: `Cannot read ${file} (${reason}); check the path and permissions.` }];
  }
  if (json) {
    process.stdout.write(JSON.stringify({ valid: errors.length === 0, errors }, null, 2) + '\n');
  } else if (errors.length === 0) {
    process.stdout.write(`${file}: valid\n`);
  } else {
    const lines = errors.map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`);
    process.stdout.write(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`);
  }
  return errors.length === 0 ? 0 : 2;
};
