import type { DesignError } from '../../model/model';
import type { Model } from '../../model/model';
import { fromVersion1 } from '../../model/v2/clients';
import { loadAnyDesignV2 } from '../../model/v2/load';
import type { ExploreOptions } from '../../engine/result';
import { resultWithClients } from '../../engine/v2/clients';
import { defaultMaxMemory } from '../checkThreads';
import { terminalJson, terminalText } from '../terminalText';
import { exploreOnThreadsV2 } from './checkThreadsV2';
import { verdictLineV2, violationTableV2 } from '../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { checkModel } from '../checkModel';

/**
 * `validate`, `check` and `export --to json` for a format-version-2 design (docs/format-v2.md).
 * The version-1 commands hand over to these when the file says `"version": 2`; arguments were
 * parsed there, and exit codes are version 1's (0 ok, 1 violation, 2 invalid, 3 incomplete).
 */

function errorList(errors: readonly DesignError[]) {
  return errors.map((e) => ({ path: e.path, message: e.message, code: e.code, ...(e.column !== undefined ? { column: e.column } : {}) }));
}

export function validateV2(file: string, text: string, json: boolean): number {
  const loaded = loadAnyDesignV2(text);
  const errors = loaded.ok ? [] : loaded.errors;
  if (json) process.stdout.write(`${terminalJson({ valid: errors.length === 0, errors: errorList(errors) }, 2)}\n`);
  else if (errors.length === 0) process.stdout.write(`${terminalText(file)}: valid\n`);
  else {
    const lines = errors.map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`);
    process.stdout.write(`${terminalText(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}`)}\n`);
  }
  return errors.length === 0 ? 0 : 2;
}

export interface CheckOptionsV2 {
  readonly json: boolean;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly maxMemory?: number;
  /** Threads (`--threads N`; one unless given: see docs/format-v2.md §11) and the bundle the others run. */
  readonly threads?: number;
  readonly workerUrl?: URL;
}

/**
 * Version 2 checks (a design with clients runs version 1's check of its lowered model, threads
 * included: docs/format-v2.md §13), on several threads like version 1 (`src/cli/checkThreads.ts`: partition 0
 * here, the others in worker threads that join once the search has run a while and sit out
 * levels they do not speed up), bounded like version 1: `--max-memory` (default a quarter of the
 * machine), and SIGINT/SIGTERM end the search with its `incomplete` result printed (a second one
 * exits at once).
 */
export async function checkV2(text: string, options: CheckOptionsV2): Promise<number> {
  const loaded = loadAnyDesignV2(text);
  if (!loaded.ok) {
    if (options.json) process.stdout.write(`${terminalJson({ valid: false, errors: errorList(loaded.errors) }, 2)}\n`);
    else {
      process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
      for (const e of loaded.errors) process.stderr.write(terminalText(`  ${e.path || '(file)'}: ${e.message}\n`));
    }
    return 2;
  }
  if (loaded.kind === 'clients') {
    const role = loaded.role;
    return checkModel(loaded.model, { ...options, threads: options.threads ?? 1 }, (r) => resultWithClients(r, role));
  }
  const model = loaded.model;
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onSignal = (signal: NodeJS.Signals) => {
    if (Atomics.load(stop, 0) !== 0) process.exit(signal === 'SIGINT' ? 130 : 143);
    Atomics.store(stop, 0, 1);
    process.stderr.write(`\n${signal}: stopping the search; its result so far follows (again to quit at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const threads = options.threads ?? 1;
  const exploreOptions: ExploreOptions = {
    maxBytes: options.maxMemory ?? defaultMaxMemory(),
    shouldStop: () => Atomics.load(stop, 0) !== 0,
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    progressEveryMs: 250,
    onProgress: (p) => {
      if (process.stderr.isTTY && p.elapsedMs > 1000) process.stderr.write(`\r${p.states} states, ${p.transitions} transitions, depth ${p.depth}, ${p.statesPerSecond} states/s   `);
    },
  };
  const result = await exploreOnThreadsV2(model, exploreOptions, { threads, stop, workerUrl: options.workerUrl ?? new URL('./check-thread.mjs', import.meta.url) }).finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  if (process.stderr.isTTY && result.seconds > 1) process.stderr.write('\n');
  if (options.json) process.stdout.write(`${terminalJson(result)}\n`);
  else {
    const out = [`${verdictLineV2(result)}${result.threads > 1 ? `, on ${result.threads} threads` : ''}`];
    const initial = viewConfigurationV2(model, model.initial);
    for (const v of result.violations) out.push('', violationTableV2(v, initial));
    process.stdout.write(`${terminalText(out.join('\n'))}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
}

/** `export --to json`: the validated design, keys in the format's order. Other targets come with the next issue. */
export function exportV2(file: string, text: string, to: string): { ok: true; text: string } | { ok: false; code: number } {
  if (to !== 'json') {
    process.stderr.write(`export: ${file} is a version-2 design; only --to json exports it for now.\n`);
    return { ok: false, code: 2 };
  }
  const loaded = loadAnyDesignV2(text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(terminalText(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`));
    return { ok: false, code: 2 };
  }
  const design = loaded.kind === 'clients' ? loaded.design : loaded.model.design;
  return { ok: true, text: `${JSON.stringify(design, null, 2)}\n` };
}

/** `export V1FILE --to v2`: the version-1 design as a version-2 design with one participant, `Machine` (§13). */
export function version1AsV2(model: Model): string {
  return `${JSON.stringify(fromVersion1(model.design), null, 2)}\n`;
}
