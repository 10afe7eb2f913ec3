import { loadDesign } from '../model/load';
import { declaredVersion } from '../model/v2/load';
import { exportV2, version1AsV2 } from './v2/commands';
import { exportDesign, isTarget, TARGETS } from '../export';
import { PromelaLimit } from '../export/promela/expr';
import { parseCommandArguments, readDesignText } from './arguments';
import type { Command } from './commands';
import { writeOutputFile } from './files';
import { terminalText } from './terminalText';
import { closestName } from '../model/spelling';

const USAGE = `usage: export FILE --to ${TARGETS.join('|')}|v2 [-o OUT] [--zod]\n`;

/** Other names people type for a target (`--to typescript`): read as the target they name. */
const ALIASES: Readonly<Record<string, string>> = { typescript: 'ts' };

/** Why `--to` names no target, in one sentence (with the closest target when one is close). */
function targetProblem(to: string | undefined): string {
  if (to === undefined) return 'export: --to is missing: name a target.';
  const near = closestName(to, [...TARGETS, 'v2']);
  return `export: there is no target ${JSON.stringify(to)}${near ? ` (did you mean ${near}?)` : ''}.`;
}

/** `export FILE --to TARGET [-o OUT] [--zod]`: exit 0 written, 2 for an invalid design or bad arguments. */
export const exportCommand: Command = async (args) => {
  const parsed = parseCommandArguments(args, { flags: ['zod'], options: { to: '', out: 'o' } });
  if (typeof parsed === 'string') {
    process.stderr.write(`export: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { file } = parsed;
  const asked = parsed.options['to'];
  const to = asked === undefined ? undefined : (ALIASES[asked] ?? asked);
  if (to === undefined || !(isTarget(to) || to === 'v2')) {
    process.stderr.write(terminalText(`${targetProblem(asked)}\n`) + USAGE);
    return 2;
  }
  const read = await readDesignText(file);
  if (!read.ok) {
    process.stderr.write(terminalText(`export: ${read.message}\n`));
    return 2;
  }
  if (declaredVersion(read.text) === 2) {
    return exportV2(file, read.text, to, parsed.options['out']);
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(terminalText(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`));
    return 2;
  }
  // A version-1 design written as a version-2 design with one participant (docs/format-v2.md §13).
  if (to === 'v2') return write(version1AsV2(loaded.model), parsed.options['out']);
  let result: string;
  try {
    result = await exportDesign(loaded.model, to, { zod: parsed.flags.has('zod') });
  } catch (error) {
    // A target that cannot encode the design (Promela: values beyond 32 bits) says why.
    if (!(error instanceof PromelaLimit)) throw error;
    process.stderr.write(terminalText(`export: ${error.message}\n`));
    return 2;
  }
  return write(result, parsed.options['out']);
};

async function write(text: string, out: string | undefined): Promise<number> {
  if (out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  const problem = await writeOutputFile(out, text);
  if (problem) process.stderr.write(terminalText(`export: ${problem}\n`));
  return problem ? 2 : 0;
}
