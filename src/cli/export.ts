import { writeFileSync } from 'node:fs';
import { loadDesign } from '../model/load';
import { exportDesign, isTarget, TARGETS } from '../export';
import { PromelaLimit } from '../export/promela/expr';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';

const USAGE = `usage: export FILE --to ${TARGETS.join('|')} [-o OUT] [--zod]\n`;

/** `export FILE --to TARGET [-o OUT] [--zod]`: exit 0 written, 2 for an invalid design or bad arguments. */
export const exportCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, { flags: ['zod'], options: { to: '', out: 'o' } });
  if (typeof parsed === 'string') {
    process.stderr.write(`export: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { file } = parsed;
  const to = parsed.options['to'];
  if (to === undefined || !isTarget(to)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(`export: ${read.message}\n`);
    return 2;
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`);
    return 2;
  }
  let result: string;
  try {
    result = await exportDesign(loaded.model, to, { zod: parsed.flags.has('zod') });
  } catch (error) {
    // A target that cannot encode the design (Promela: values beyond 32 bits) says why.
    if (!(error instanceof PromelaLimit)) throw error;
    process.stderr.write(`export: ${error.message}\n`);
    return 2;
  }
  const out = parsed.options['out'];
  if (out === undefined) process.stdout.write(result);
  else writeFileSync(out, result);
  return 0;
};
