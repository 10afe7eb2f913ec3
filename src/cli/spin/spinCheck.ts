import { initialConfiguration } from '../../engine/configuration';
import type { CheckResult } from '../../engine/result';
import { verdictLine, violationTable } from '../../engine/traceTable';
import { viewConfiguration } from '../../engine/view';
import { loadDesign } from '../../model/load';
import type { Model } from '../../model/model';
import { bitstateCoverage, type PanReport } from '../../export/promela/panReport';
import { replayTrail } from '../../export/promela/trail';
import { parseCommandArguments, readDesignText } from '../arguments';
import { runSpin } from './runSpin';
import { declaredVersion } from '../../model/v2/load';
import { spinCheckV2 } from './spinCheckV2';

const USAGE = 'usage: check FILE --engine spin [--cores N] [--bitstate] [--json] [--max-seconds S]';

/**
 * `check FILE --engine spin [--cores N] [--bitstate]`: the design checked by Spin, reported like
 * our own explorer (verdict line, and each violation's trace as the engine's table, since Spin's
 * trail is replayed through the engine). Exit codes as `check`: 0 ok, 1 violation, 2 invalid
 * design or Spin/gcc missing, 3 incomplete; a bitstate run without a violation is 3, never ok.
 */
export async function spinCheckCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArguments(args, { flags: ['json', 'bitstate'], options: { engine: '', cores: '', 'max-seconds': '' } });
  if (typeof parsed === 'string') return usage(parsed);
  if (parsed.options.engine !== 'spin') return usage('--engine takes spin (leave it out for the built-in explorer)');
  const cores = parsed.options.cores === undefined ? 1 : Number(parsed.options.cores);
  if (!Number.isInteger(cores) || cores < 1 || cores > 64) return usage('--cores needs a whole number from 1 to 64');
  const bitstate = parsed.flags.has('bitstate');
  if (bitstate && cores > 1) return usage('--bitstate runs on one core; leave out --cores');
  const maxSeconds = parsed.options['max-seconds'] === undefined ? undefined : Number(parsed.options['max-seconds']);
  if (maxSeconds !== undefined && !(maxSeconds > 0)) return usage('--max-seconds needs a positive number');

  const read = await readDesignText(parsed.file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 2;
  }
  if (declaredVersion(read.text) === 2) {
    return spinCheckV2(read.text, { cores, bitstate, json: parsed.flags.has('json'), ...(maxSeconds !== undefined ? { maxSeconds } : {}) });
  }
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
    for (const e of loaded.errors) process.stderr.write(`  ${e.path || '(file)'}: ${e.message}\n`);
    return 2;
  }
  const model = loaded.model;
  const run = runSpin(model, { cores, bitstate, ...(maxSeconds !== undefined ? { maxSeconds } : {}) });
  if (!run.ok) {
    process.stderr.write(`check: ${run.message}\n`);
    return 2;
  }
  let result = spinResult(model, run.report, run.trail, run.timedOut);
  if (typeof result === 'string') {
    process.stderr.write(`check: Spin and the engine disagree (a bug, please report it with the design): ${result}\n`);
    return 70;
  }
  const coverage = bitstate && run.report.errors === 0 ? bitstateCoverage(run.report.states, run.report.hashFactor ?? 0, run.report.bitsPerState ?? 3) : null;
  // A bitstate search without a violation is never `ok`: it may have missed part of the space.
  if (coverage !== null && result.verdict === 'ok') {
    result = { ...result, verdict: 'incomplete', limit: 'memory', reason: `no violation found in an estimated ${percentOf(coverage)} % of the space (bitstate)` };
  }
  const spin = { mode: run.mode, storedStates: run.report.states, memoryMb: run.report.memoryMb, ...(coverage !== null ? { coverage } : {}) };
  if (parsed.flags.has('json')) process.stdout.write(`${JSON.stringify({ ...result, spin })}\n`);
  else {
    const about = `(Spin ${run.mode}, ${run.report.memoryMb.toFixed(1)} MB)`;
    const line = coverage !== null && run.report.errors === 0 && !run.timedOut ? bitstateLine(result, coverage, run.report) : `${verdictLine(result)} ${about}`;
    const out = [line];
    const initial = viewConfiguration(model, initialConfiguration(model));
    for (const v of result.violations) out.push('', violationTable(v, initial));
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
}

function usage(problem: string): number {
  process.stderr.write(`check: ${problem}\n${USAGE}\n`);
  return 2;
}

/** Rounded down, and never 100: a bitstate search cannot claim the whole space. */
function percentOf(coverage: number): string {
  return Math.min(99.99, Math.floor(coverage * 10000) / 100).toFixed(2);
}

/** A bitstate search proves nothing: it says how much of the space it probably saw. */
function bitstateLine(result: CheckResult, coverage: number, report: PanReport): string {
  return `no violation found in an estimated ${percentOf(coverage)} % of the space: ${result.states} states, depth ${result.depth}, ${result.seconds.toFixed(2)} s (Spin bitstate, hash factor ${(report.hashFactor ?? 0).toPrecision(3)}, ${report.memoryMb.toFixed(1)} MB)`;
}

/**
 * Spin's figures as our result (MODEL.md §7): states are Spin's stored states less its one extra
 * (the process before its first step), transitions likewise; a violation is the engine's replay
 * of Spin's trail. Coverage and outcomes are not computed by Spin and are left empty.
 */
export function spinResult(model: Model, report: PanReport, trail: readonly (readonly number[])[] | null, timedOut: boolean): CheckResult | string {
  const base = {
    states: Math.max(0, report.states - 1),
    transitions: Math.max(0, report.transitions - 1),
    coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } },
    outcomes: { ok: 0, error: 0, ambiguous: 0 },
    seconds: report.seconds,
    statesPerSecond: report.seconds > 0 ? Math.round(report.states / report.seconds) : 0,
    bytesPerState: report.states > 0 ? Math.round((report.memoryMb * 1024 * 1024) / report.states) : 0,
  };
  if (trail !== null) {
    const replay = replayTrail(model, trail);
    if (!replay.ok) return replay.message;
    return { ...base, verdict: 'violation', depth: replay.depth, violations: replay.violations, limit: null };
  }
  const depth = Math.max(0, report.depth - 1);
  if (report.incomplete) {
    const reason = timedOut ? 'Spin was stopped by the time limit' : 'Spin stopped before the search was complete (memory or depth limit)';
    return { ...base, verdict: 'incomplete', depth, violations: [], limit: timedOut ? 'time' : 'memory', reason };
  }
  return { ...base, verdict: 'ok', depth, violations: [], limit: null };
}
