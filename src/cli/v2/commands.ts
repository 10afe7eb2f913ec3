import type { DesignError } from '../../model/model';
import { loadDesignV2 } from '../../model/v2/load';
import { exploreV2 } from '../../engine/v2/explorer';
import { verdictLineV2, violationTableV2 } from '../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportDesignV2, isTargetV2, joinSections, TARGETS_V2 } from '../../export/v2/index';
import { ExportRefusal } from '../../export/v2/refusal';
import { writeOutputFile } from '../files';
import { terminalText } from '../terminalText';

/**
 * `validate`, `check` and `export --to json` for a format-version-2 design (docs/format-v2.md).
 * The version-1 commands hand over to these when the file says `"version": 2`; arguments were
 * parsed there, and exit codes are version 1's (0 ok, 1 violation, 2 invalid, 3 incomplete).
 */

function errorList(errors: readonly DesignError[]) {
  return errors.map((e) => ({ path: e.path, message: e.message, code: e.code, ...(e.column !== undefined ? { column: e.column } : {}) }));
}

export function validateV2(file: string, text: string, json: boolean): number {
  const loaded = loadDesignV2(text);
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
}

/** Version 2 checks on one thread (`--threads` is accepted and ignored for now). */
export function checkV2(text: string, options: CheckOptionsV2): number {
  const loaded = loadDesignV2(text);
  if (!loaded.ok) {
    if (options.json) process.stdout.write(`${JSON.stringify({ valid: false, errors: errorList(loaded.errors) }, null, 2)}\n`);
    else {
      process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
      for (const e of loaded.errors) process.stderr.write(`  ${e.path || '(file)'}: ${e.message}\n`);
    }
    return 2;
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

/**
 * `export FILE --to ts|xstate|mermaid|scxml|promela|json [-o OUT]` for a version-2 design
 * (docs/format-v2.md, "Exports"). A target with one file (promela, json) prints it or writes OUT.
 * A target with several files (a module per role…) prints them as one text with a header line
 * per file (`// ==== role-TM.ts ====`), or with `-o DIR` writes each file into DIR (created when
 * its parent exists). Exit 0 written, 2 for an invalid design, an unknown target or a bad OUT.
 */
export async function exportV2(file: string, text: string, to: string, out: string | undefined): Promise<number> {
  if (!isTargetV2(to)) {
    process.stderr.write(`export: ${file} is a version-2 design; --to takes ${TARGETS_V2.join(', ')} (the harness and the monitor read version 1 only).\n`);
    return 2;
  }
  const loaded = loadDesignV2(text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(terminalText(`${file}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`));
    return 2;
  }
  let files;
  try {
    files = await exportDesignV2(loaded.model, to);
  } catch (error) {
    if (!(error instanceof ExportRefusal)) throw error;
    process.stderr.write(terminalText(`export: ${error.message}\n`));
    return 2;
  }
  if (out === undefined) {
    process.stdout.write(joinSections(files, to));
    return 0;
  }
  if (files.length === 1) return report(await writeOutputFile(out, files[0]!.text));
  try {
    await mkdir(out);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') return report(`cannot create the folder ${out} (${(error as { code?: string }).code ?? 'error'}); -o names a folder for --to ${to}, whose parent must exist.`);
  }
  for (const f of files) {
    const problem = await writeOutputFile(join(out, f.name), f.text);
    if (problem) return report(problem);
  }
  process.stderr.write(terminalText(`export: wrote ${files.map((f) => f.name).join(', ')} into ${out}\n`));
  return 0;
}

function report(problem: string | null): number {
  if (problem) process.stderr.write(terminalText(`export: ${problem}\n`));
  return problem ? 2 : 0;
}
