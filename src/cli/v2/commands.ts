import type { DesignError } from '../../model/model';
import type { Model } from '../../model/model';
import { fromVersion1 } from '../../model/v2/clients';
import { loadAnyDesignV2 } from '../../model/v2/load';
import { resultWithClients } from '../../engine/v2/clients';
import { exploreV2 } from '../../engine/v2/explorer';
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
  if (json) process.stdout.write(`${JSON.stringify({ valid: errors.length === 0, errors: errorList(errors) }, null, 2)}\n`);
  else if (errors.length === 0) process.stdout.write(`${file}: valid\n`);
  else {
    const lines = errors.map((e) => `${e.path === '' ? '(root)' : e.path}: ${e.message}`);
    process.stdout.write(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`);
  }
  return errors.length === 0 ? 0 : 2;
}

export interface CheckOptionsV2 {
  readonly json: boolean;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly maxMemory?: number;
  readonly threads?: number;
}

/**
 * Participants are checked on one thread (`--threads` is accepted and ignored for now); a design
 * with clients runs version 1's check of its lowered model, threads included (docs/format-v2.md §13).
 */
export function checkV2(text: string, options: CheckOptionsV2): number | Promise<number> {
  const loaded = loadAnyDesignV2(text);
  if (!loaded.ok) {
    if (options.json) process.stdout.write(`${JSON.stringify({ valid: false, errors: errorList(loaded.errors) }, null, 2)}\n`);
    else {
      process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
      for (const e of loaded.errors) process.stderr.write(`  ${e.path || '(file)'}: ${e.message}\n`);
    }
    return 2;
  }
  if (loaded.kind === 'clients') {
    const role = loaded.role;
    return checkModel(loaded.model, { ...options, threads: options.threads ?? 1 }, (r) => resultWithClients(r, role));
  }
  const model = loaded.model;
  const result = exploreV2(model, {
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    progressEveryMs: 250,
    onProgress: (p) => {
      if (process.stderr.isTTY && p.elapsedMs > 1000) process.stderr.write(`\r${p.states} states, ${p.transitions} transitions, depth ${p.depth}, ${p.statesPerSecond} states/s   `);
    },
  });
  if (process.stderr.isTTY && result.seconds > 1) process.stderr.write('\n');
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const out = [verdictLineV2(result)];
    const initial = viewConfigurationV2(model, model.initial);
    for (const v of result.violations) out.push('', violationTableV2(v, initial));
    process.stdout.write(`${out.join('\n')}\n`);
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
    for (const e of loaded.errors) process.stderr.write(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`);
    return { ok: false, code: 2 };
  }
  const design = loaded.kind === 'clients' ? loaded.design : loaded.model.design;
  return { ok: true, text: `${JSON.stringify(design, null, 2)}\n` };
}

/** `export V1FILE --to v2`: the version-1 design as a version-2 design with one participant, `Machine` (§13). */
export function version1AsV2(model: Model): string {
  return `${JSON.stringify(fromVersion1(model.design), null, 2)}\n`;
}
