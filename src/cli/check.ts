import { initialConfiguration } from '../engine/configuration';
import { verdictLine, violationTable } from '../engine/traceTable';
import { viewConfiguration } from '../engine/view';
import { loadDesign } from '../model/load';
import { parseCommandArguments, readDesignText } from './arguments';
import { defaultThreads, exploreOnThreads } from './checkThreads';
import { spinCheckCommand } from './spin/spinCheck';
import type { Command } from './commands';

/**
 * `check FILE [--json] [--max-states N] [--max-seconds S] [--threads N]` (MODEL.md §7, §8):
 * exit 0 ok, 1 violation, 2 invalid design (every error with its JSON path), 3 incomplete.
 * `--threads` (default: the machine's cores, at most 4) splits a long search over threads.
 */
export const checkCommand: Command = async (args) => {
  // `--engine spin`: the design handed to Spin (src/cli/spin, docs/SCALING.md).
  if (args.some((a) => a === '--engine' || a.startsWith('--engine='))) return spinCheckCommand(args);
  const parsed = checkArguments(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`check: ${parsed}\nusage: check FILE [--json] [--max-states N] [--max-seconds S] [--threads N]\n`);
    return 2;
  }
  const read = await readDesignText(parsed.file);
  if (!read.ok) {
    if (parsed.json) process.stdout.write(`${JSON.stringify({ valid: false, errors: [{ path: '', message: read.message }] }, null, 2)}\n`);
    else process.stderr.write(`${read.message}\n`);
    return 2;
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    if (parsed.json) {
      const errors = loaded.errors.map((e) => ({ path: e.path, message: e.message, code: e.code, ...(e.column !== undefined ? { column: e.column } : {}) }));
      process.stdout.write(`${JSON.stringify({ valid: false, errors }, null, 2)}\n`);
    } else {
      process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
      for (const e of loaded.errors) process.stderr.write(`  ${e.path || '(file)'}: ${e.message}\n`);
    }
    return 2;
  }
  const model = loaded.model;
  const showProgress = !parsed.json || process.stderr.isTTY;
  const result = await exploreOnThreads(model, {
    ...(parsed.maxStates !== undefined ? { maxStates: parsed.maxStates } : {}),
    ...(parsed.maxSeconds !== undefined ? { maxSeconds: parsed.maxSeconds } : {}),
    progressEveryMs: 250,
    onProgress: (p) => {
      if (showProgress && process.stderr.isTTY && p.elapsedMs > 1000) {
        process.stderr.write(`\r${p.states} states, ${p.transitions} transitions, depth ${p.depth}, ${p.statesPerSecond} states/s   `);
      }
    },
  }, { threads: parsed.threads, workerUrl: new URL('./check-thread.mjs', import.meta.url) });
  if (process.stderr.isTTY && result.seconds > 1) process.stderr.write('\n');
  if (parsed.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const out = [`${verdictLine(result)}${result.threads > 1 ? `, on ${result.threads} threads` : ''}`];
    const initial = viewConfiguration(model, initialConfiguration(model));
    for (const v of result.violations) out.push('', violationTable(v, initial));
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
};

interface CheckArgs {
  file: string;
  json: boolean;
  maxStates?: number;
  maxSeconds?: number;
  threads: number;
}

function checkArguments(args: readonly string[]): CheckArgs | string {
  const parsed = parseCommandArguments(args, { flags: ['json'], options: { 'max-states': '', 'max-seconds': '', threads: '' } });
  if (typeof parsed === 'string') return parsed;
  const limits: { maxStates?: number; maxSeconds?: number } = {};
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
