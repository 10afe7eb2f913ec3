import type { DesignError } from '../../model/model';
import type { Model } from '../../model/model';
import { fromVersion1 } from '../../model/v2/clients';
import { loadAnyDesignV2 } from '../../model/v2/load';
import type { ExploreOptions } from '../../engine/result';
import { resultWithClients } from '../../engine/v2/clients';
import { defaultMaxMemory } from '../checkThreads';
import { progressLine, stopOnSignal } from '../stopOnSignal';
import { terminalJson, terminalText } from '../terminalText';
import { exploreOnThreadsV2 } from './checkThreadsV2';
import { threadsTookPart } from '../threadsLine';
import { callMachineryLinesV2, outcomeLinesV2, verdictLineV2, violationTableV2 } from '../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { checkModel } from '../checkModel';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isTarget } from '../../export';
import { exportDesignWithClients } from '../../export/v2/clients';
import { exportDesignV2, isTargetV2, joinSections, TARGETS_V2 } from '../../export/v2/index';
import { ExportRefusal } from '../../export/v2/refusal';
import { writeOutputFile } from '../files';

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
  const threads = options.threads ?? 1;
  const result = await stopOnSignal((stop) => {
    const exploreOptions: ExploreOptions = {
      maxBytes: options.maxMemory ?? defaultMaxMemory(),
      shouldStop: () => Atomics.load(stop, 0) !== 0,
      ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
      ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
      progressEveryMs: 250,
      onProgress: progressLine,
    };
    return exploreOnThreadsV2(model, exploreOptions, { threads, stop, workerUrl: options.workerUrl ?? new URL('./check-thread.mjs', import.meta.url) });
  });
  if (process.stderr.isTTY && result.seconds > 1) process.stderr.write('\n');
  if (options.json) process.stdout.write(`${terminalJson(result)}\n`);
  else {
    const out = [`${verdictLineV2(result)}${threadsTookPart(result.threads, options.threads ?? 1)}${result.oneThread ? ` (${result.oneThread})` : ''}`, ...outcomeLinesV2(result), ...callMachineryLinesV2(result)];
    const initial = viewConfigurationV2(model, model.initial);
    for (const v of result.violations) out.push('', violationTableV2(model, v, v.initial ?? initial));
    process.stdout.write(`${terminalText(out.join('\n'))}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
}

/**
 * `export FILE --to ts|xstate|mermaid|scxml|promela|harness|monitor|json [-o OUT]` for a version-2 design
 * (docs/format-v2.md, "Exports"). A target with one file (promela, json) prints it or writes OUT.
 * A target with several files (a module per role…) prints them as one text with a header line
 * per file (`// ==== role-TM.ts ====`), or with `-o DIR` writes each file into DIR (created when
 * its parent exists). Exit 0 written, 2 for an invalid design, an unknown target or a bad OUT.
 */
export async function exportV2(file: string, text: string, to: string, out: string | undefined): Promise<number> {
  const loaded = loadAnyDesignV2(text);
  // A design with clients is version 1's world around one participant (§13): version 1's exports.
  if (loaded.ok && loaded.kind === 'clients') {
    if (!isTarget(to)) {
      process.stderr.write(terminalText(`export: ${file} is a design with clients; --to takes what a version-1 design takes.\n`));
      return 2;
    }
    return report(await writeOrPrint(await exportDesignWithClients(loaded, to), out));
  }
  if (!isTargetV2(to)) {
    process.stderr.write(`export: ${file} is a version-2 design; --to takes ${TARGETS_V2.join(', ')}.\n`);
    return 2;
  }
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

async function writeOrPrint(text: string, out: string | undefined): Promise<string | null> {
  if (out !== undefined) return writeOutputFile(out, text);
  process.stdout.write(text);
  return null;
}

function report(problem: string | null): number {
  if (problem) process.stderr.write(terminalText(`export: ${problem}\n`));
  return problem ? 2 : 0;
}

/** `export V1FILE --to v2`: the version-1 design as a version-2 design with one participant, `Machine` (§13). */
export function version1AsV2(model: Model): string {
  return `${JSON.stringify(fromVersion1(model.design), null, 2)}\n`;
}
