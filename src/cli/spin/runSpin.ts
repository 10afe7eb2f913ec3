import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../../model/model';
import { promelaModel } from '../../export/promela/export';
import { PromelaLimit } from '../../export/promela/expr';
import { parsePanReport, type PanReport } from '../../export/promela/panReport';
import { trailSteps } from '../../export/promela/trail';

/**
 * Runs Spin on a design: writes the Promela model into a fresh temporary folder, generates the
 * verifier (`spin -a`), compiles it (`gcc`), runs `pan`, and on a violation replays the trail
 * (`spin -t`) for its `@S` step lines. The folder is removed afterwards.
 *
 * Modes: breadth-first (the default, `-DBFS`: the first violation has a shortest trail, like our
 * explorer's), multi-core depth-first (`-DNCORE=N`), bitstate (`-DBITSTATE`, a coverage estimate).
 */
export interface SpinOptions {
  readonly cores?: number;
  readonly bitstate?: boolean;
  /** `-w`: 2^w bits of the bitstate array, or 2^w slots of the exhaustive hash table. */
  readonly hashBits?: number;
  readonly maxSeconds?: number;
  /** pan's memory limit in MB (`-DMEMLIM`; on several cores also the shared memory it reserves). Default 4096. */
  readonly memoryMb?: number;
  /** gcc's optimisation level: tests compile with -O0 (faster to build, the models are small). */
  readonly optimize?: 0 | 1 | 2;
}

export type SpinRun =
  | { readonly ok: true; readonly report: PanReport; readonly trail: number[][] | null; readonly timedOut: boolean; readonly mode: string }
  | { readonly ok: false; readonly message: string; readonly missingTool?: boolean };

export const INSTALL_HINT = 'apt-get install -y spin gcc';

function tool(name: string, args: string[]): boolean {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  return !r.error;
}

/** Does this machine have Spin and gcc? */
export function spinAvailable(): boolean {
  return tool('spin', ['-V']) && tool('gcc', ['--version']);
}

function failed(step: string, r: SpawnSyncReturns<string>): string {
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
  return `${step} failed${r.error ? ` (${r.error.message})` : ''}${out ? `:\n${out}` : ''}`;
}

export function runSpin(model: Model, options: SpinOptions = {}): SpinRun {
  if (!spinAvailable()) {
    return { ok: false, missingTool: true, message: `Spin and gcc are needed for --engine spin; install them with: ${INSTALL_HINT}` };
  }
  let text: string;
  try {
    text = promelaModel(model);
  } catch (error) {
    if (error instanceof PromelaLimit) return { ok: false, message: `this design cannot be checked by Spin: ${error.message}` };
    throw error;
  }
  return runPromela(text, options);
}

/** Runs Spin on a Promela model's text (either format version's export). */
export function runPromela(text: string, options: SpinOptions = {}): SpinRun {
  if (!spinAvailable()) {
    return { ok: false, missingTool: true, message: `Spin and gcc are needed for --engine spin; install them with: ${INSTALL_HINT}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'protocol-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), text);
    const generate = spawnSync('spin', ['-o2', '-a', 'model.pml'], { cwd: dir, encoding: 'utf8' });
    if (generate.status !== 0) return { ok: false, message: failed('spin -a', generate) };
    const cores = options.cores ?? 1;
    const mode = options.bitstate ? ['-DBITSTATE'] : cores > 1 ? [`-DNCORE=${cores}`] : ['-DBFS'];
    const flags = [`-O${options.optimize ?? 2}`, '-w', '-DSAFETY', '-DNOREDUCE', '-DVECTORSZ=65536', `-DMEMLIM=${options.memoryMb ?? 4096}`, ...mode, '-o', 'pan', 'pan.c'];
    const compile = spawnSync('gcc', flags, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (compile.status !== 0) return { ok: false, message: failed('gcc', compile) };
    const hash = options.bitstate ? [`-w${options.hashBits ?? 31}`] : options.hashBits !== undefined ? [`-w${options.hashBits}`] : [];
    const panArgs = [...hash, ...(options.bitstate || cores > 1 ? ['-m1000000'] : [])];
    // pan's report goes to a file: on a time limit pan gets SIGINT and still prints its figures,
    // which a pipe Node has already closed would turn into SIGPIPE.
    const log = openSync(join(dir, 'pan.out'), 'w');
    const run = spawnSync('./pan', panArgs, {
      cwd: dir,
      stdio: ['ignore', log, log],
      killSignal: 'SIGINT',
      ...(options.maxSeconds !== undefined ? { timeout: Math.ceil(options.maxSeconds * 1000) } : {}),
    });
    closeSync(log);
    const output = readFileSync(join(dir, 'pan.out'), 'utf8');
    const report = parsePanReport(output);
    const timedOut = run.error !== undefined && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    if (report === null) return { ok: false, message: timedOut ? 'Spin was stopped before it reported anything' : `pan failed:\n${output.trim().split('\n').slice(-8).join('\n')}` };
    const modeName = options.bitstate ? 'bitstate' : cores > 1 ? `${cores} cores` : 'breadth-first';
    const incomplete = { ...report, incomplete: report.incomplete || timedOut || /max search depth too small/.test(output) };
    if (report.errors === 0) return { ok: true, report: incomplete, trail: null, timedOut, mode: modeName };
    const replay = spawnSync('spin', ['-t', 'model.pml'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (replay.error) return { ok: false, message: failed('spin -t', replay) };
    return { ok: true, report: incomplete, trail: trailSteps(replay.stdout ?? ''), timedOut, mode: modeName };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
