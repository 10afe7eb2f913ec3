import { loadDesign } from '../model/load';
import { declaredVersion } from '../model/v2/load';
import { checkV2 } from './v2/commands';
import { parseCommandArguments, readDesignText } from './arguments';
import { checkModel } from './checkModel';
import { defaultThreads } from './checkThreads';
import { spinCheckCommand } from './spin/spinCheck';
import type { Command } from './commands';
import { terminalJson, terminalText } from './terminalText';

/**
 * `check FILE [--json] [--max-states N] [--max-seconds S] [--max-memory SIZE] [--threads N]`
 * (MODEL.md §7, §8): exit 0 ok, 1 violation, 2 invalid design (every error with its JSON path),
 * 3 incomplete. `--threads` (default: the machine's cores, at most 4) splits a long search over
 * threads. Every check is bounded: `--max-memory` defaults to a quarter of the machine's memory,
 * and SIGINT/SIGTERM end the search with its `incomplete` result printed (a second one exits at once).
 */
export const checkCommand: Command = async (args) => {
  // `--engine spin`: the design handed to Spin (src/cli/spin, docs/SCALING.md).
  if (args.some((a) => a === '--engine' || a.startsWith('--engine='))) return spinCheckCommand(args);
  const parsed = checkArguments(args);
  if (typeof parsed === 'string') {
    // Both forms, so the Spin engine is found from the usage line (docs/format-v2.md §11, §15).
    process.stderr.write(`check: ${parsed}\nusage: check FILE [--json] [--max-states N] [--max-seconds S] [--max-memory SIZE] [--threads N]\n       check FILE --engine spin [--cores N] [--bitstate] [--json] [--max-seconds S]\n`);
    return 2;
  }
  const read = await readDesignText(parsed.file);
  if (!read.ok) {
    if (parsed.json) process.stdout.write(`${terminalJson({ valid: false, errors: [{ path: '', message: read.message }] }, 2)}\n`);
    else process.stderr.write(`${terminalText(read.message)}\n`);
    return 2;
  }
  if (declaredVersion(read.text) === 2) {
    // Version 2 takes several threads only when told (`--threads N`): see docs/format-v2.md §11.
    const told = args.some((a) => a === '--threads' || a.startsWith('--threads='));
    return checkV2(read.text, { ...parsed, threads: told ? parsed.threads : 1, workerUrl: new URL('./check-thread.mjs', import.meta.url) });
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    if (parsed.json) {
      const errors = loaded.errors.map((e) => ({ path: e.path, message: e.message, code: e.code, ...(e.column !== undefined ? { column: e.column } : {}) }));
      process.stdout.write(`${terminalJson({ valid: false, errors }, 2)}\n`);
    } else {
      process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
      for (const e of loaded.errors) process.stderr.write(terminalText(`  ${e.path || '(file)'}: ${e.message}\n`));
    }
    return 2;
  }
  // Warnings leave the design checkable: said once (stderr, so --json output stays one JSON value).
  if (loaded.warnings.length > 0) {
    const n = loaded.warnings.length;
    process.stderr.write(terminalText(`${n} warning${n === 1 ? '' : 's'} (${[...new Set(loaded.warnings.map((w) => w.code))].join(', ')}): run validate ${parsed.file} to list ${n === 1 ? 'it' : 'them'}\n`));
  }
  return checkModel(loaded.model, parsed);
};

interface CheckArgs {
  file: string;
  json: boolean;
  maxStates?: number;
  maxSeconds?: number;
  maxMemory?: number;
  threads: number;
}

function checkArguments(args: readonly string[]): CheckArgs | string {
  const parsed = parseCommandArguments(args, { flags: ['json'], options: { 'max-states': '', 'max-seconds': '', 'max-memory': '', threads: '' } });
  if (typeof parsed === 'string') return parsed;
  const limits: { maxStates?: number; maxSeconds?: number; maxMemory?: number } = {};
  if (parsed.options['max-memory'] !== undefined) {
    const bytes = memorySize(parsed.options['max-memory']);
    if (bytes === null) return '--max-memory needs a size such as 512M or 2G (a bare number is megabytes)';
    limits.maxMemory = bytes;
  }
  for (const [option, key] of [['max-states', 'maxStates'], ['max-seconds', 'maxSeconds']] as const) {
    const text = parsed.options[option];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) return `--${option} needs a positive number`;
    limits[key] = key === 'maxStates' ? Math.floor(value) : value;
  }
  let threads = defaultThreads();
  if (parsed.options.threads !== undefined) {
    threads = Number(parsed.options.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) return '--threads needs a whole number from 1 to 64';
  }
  return { file: parsed.file, json: parsed.flags.has('json'), threads, ...limits };
}

/** `512M`, `2G`, `1.5g`, `300000K`; a bare number is megabytes. Null when it is not a positive size. */
export function memorySize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg])?i?b?\s*$/i.exec(text);
  if (!m) return null;
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(m[2] ?? 'm').toLowerCase() as 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 ? bytes : null;
}
