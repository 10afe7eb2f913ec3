import { readFileSync, writeFileSync } from 'node:fs';
import { designJson } from '../export/canonical';
import { importDesign, IMPORT_SOURCES, type ImportSource } from '../export/import';
import type { Command } from './commands';

const USAGE = `usage: import FILE --from ${IMPORT_SOURCES.join('|')} [-o OUT]\n`;

/** `import FILE --from mermaid|xstate [-o OUT]`: prints the design JSON; exit 2 with line-numbered errors. */
export const importCommand: Command = async (args) => {
  let file: string | undefined;
  let from: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--from') from = args[++i];
    else if (a === '-o' || a === '--out') out = args[++i];
    else if (file === undefined && !a.startsWith('-')) file = a;
    else {
      process.stderr.write(`import: unexpected argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (file === undefined || from === undefined || !(IMPORT_SOURCES as readonly string[]).includes(from)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`import: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
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
