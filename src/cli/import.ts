import { writeFileSync } from 'node:fs';
import { designJson } from '../export/canonical';
import { importDesign, IMPORT_SOURCES, summaryLines, type ImportSource } from '../export/import';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';

const USAGE = `usage: import FILE --from ${IMPORT_SOURCES.join('|')} [--machine NAME] [-o OUT]
  --machine: XState, a machine's variable name, id or line; Mermaid, a Markdown page's diagram number or title\n`;

/**
 * `import FILE --from mermaid|xstate [--machine NAME] [-o OUT]`: prints the design JSON (or writes
 * OUT) and, on stderr, the summary: what was imported, approximated and dropped. A refusal
 * exits 2 with each reason as `FILE:LINE: message`.
 */
export const importCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, { options: { from: '', out: 'o', machine: '' } });
  if (typeof parsed === 'string') {
    process.stderr.write(`import: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { file } = parsed;
  const from = parsed.options['from'];
  const out = parsed.options['out'];
  const machine = parsed.options['machine'];
  if (from === undefined || !(IMPORT_SOURCES as readonly string[]).includes(from)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(`import: ${read.message}\n`);
    return 2;
  }
  const result = importDesign(read.text, from as ImportSource, machine !== undefined ? { machine } : {});
  if (!result.ok) {
    for (const e of result.errors)
      process.stderr.write(`${file}:${e.line}: ${JSON.stringify(e.message).slice(1, -1)}\n`);
    return 2;
  }
  for (const line of summaryLines(result.summary))
    process.stderr.write(`${file}: ${JSON.stringify(line).slice(1, -1)}\n`);
  const json = designJson(result.design);
  if (out === undefined) process.stdout.write(json);
  else writeFileSync(out, json);
  return 0;
};
