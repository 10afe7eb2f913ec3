import { writeFileSync } from 'node:fs';
import { designJson } from '../export/canonical';
import { importDesign, IMPORT_SOURCES, type ImportSource } from '../export/import';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';

const USAGE = `usage: import FILE --from ${IMPORT_SOURCES.join('|')} [-o OUT]\n`;

/** `import FILE --from mermaid|xstate [-o OUT]`: prints the design JSON; exit 2 with line-numbered errors. */
export const importCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, { options: { from: '', out: 'o' } });
  if (typeof parsed === 'string') {
    process.stderr.write(`import: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { file } = parsed;
  const from = parsed.options['from'];
  const out = parsed.options['out'];
  if (from === undefined || !(IMPORT_SOURCES as readonly string[]).includes(from)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(`import: ${read.message}\n`);
    return 2;
  }
  const text = read.text;
  const result = importDesign(text, from as ImportSource);
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
    return 2;
  }
  for (const w of result.warnings) process.stderr.write(`${file}:${w.line}: warning: ${w.message}\n`);
  const json = designJson(result.design);
  if (out === undefined) process.stdout.write(json);
  else writeFileSync(out, json);
  return 0;
};
