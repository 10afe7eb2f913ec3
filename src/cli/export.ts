import { readFileSync, writeFileSync } from 'node:fs';
import { loadDesign } from '../model/load';
import { exportDesign, isTarget, TARGETS } from '../export';
import type { Command } from './commands';

const USAGE = `usage: export FILE --to ${TARGETS.join('|')} [-o OUT] [--zod]\n`;

/** `export FILE --to TARGET [-o OUT] [--zod]`: exit 0 written, 2 for an invalid design or bad arguments. */
export const exportCommand: Command = async (args) => {
  let file: string | undefined;
  let to: string | undefined;
  let out: string | undefined;
  let zod = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--to') to = args[++i];
    else if (a === '-o' || a === '--out') out = args[++i];
    else if (a === '--zod') zod = true;
    else if (file === undefined && !a.startsWith('-')) file = a;
    else {
      process.stderr.write(`export: unexpected argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (file === undefined || to === undefined || !isTarget(to)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`export: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const loaded = loadDesign(text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`);
    return 2;
  }
  const result = await exportDesign(loaded.model, to, { zod });
  if (out === undefined) process.stdout.write(result);
  else writeFileSync(out, result);
  return 0;
};
