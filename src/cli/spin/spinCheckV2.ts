import type { CheckResultV2 } from '../../engine/v2/result';
import { verdictLineV2, violationTableV2 } from '../../engine/v2/traceTable';
import { viewConfigurationV2 } from '../../engine/v2/view';
import { bitstateCoverage, type PanReport } from '../../export/promela/panReport';
import { promelaWithSteps, type PromelaStepV2 } from '../../export/v2/promela';
import { replayTrailV2 } from '../../export/v2/promelaTrail';
import { ExportRefusal } from '../../export/v2/refusal';
import { runningModel } from '../../export/v2/running';
import { loadDesignV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import { terminalJson, terminalText } from '../terminalText';
import { runPromela, type SpinOptions } from './runSpin';

/**
 * `check FILE --engine spin` for a version-2 design: the model of `export/v2/promela.ts` checked
 * by Spin, reported like `check` (verdict line, each violation as the engine's table, Spin's
 * trail replayed through the v2 engine). Exit codes as `check`. Spin's model has no deadlock
 * check; the verdict line says so when the design asks for one.
 */
export function spinCheckV2(text: string, options: SpinOptions & { readonly json: boolean }): number {
  const loaded = loadDesignV2(text);
  if (!loaded.ok) {
    process.stderr.write(`invalid design: ${loaded.errors.length} error(s)\n`);
    for (const e of loaded.errors) process.stderr.write(terminalText(`  ${e.path || '(file)'}: ${e.message}\n`));
    return 2;
  }
  const model = runningModel(loaded.model);
  let built: { text: string; steps: readonly PromelaStepV2[] };
  try {
    built = promelaWithSteps(model);
  } catch (error) {
    if (!(error instanceof ExportRefusal)) throw error;
    process.stderr.write(terminalText(`check: this design cannot be checked by Spin: ${error.message}\n`));
    return 2;
  }
  const run = runPromela(built.text, options);
  if (!run.ok) {
    process.stderr.write(`check: ${run.message}\n`);
    return 2;
  }
  let result = spinResultV2(model, built.steps, run.report, run.trail, run.timedOut);
  if (typeof result === 'string') {
    process.stderr.write(`check: Spin and the engine disagree (a bug, please report it with the design): ${result}\n`);
    return 70;
  }
  const coverage = options.bitstate && run.report.errors === 0 ? bitstateCoverage(run.report.states, run.report.hashFactor ?? 0, run.report.bitsPerState ?? 3) : null;
  if (coverage !== null && result.verdict === 'ok') {
    result = { ...result, verdict: 'incomplete', limit: 'memory', reason: `no violation found in an estimated ${Math.min(99.99, Math.floor(coverage * 10000) / 100).toFixed(2)} % of the space (bitstate)` };
  }
  const deadlockNote = (model.checks.deadlock && model.roles.some((r) => r.states.some((s) => s.final)) ? '; deadlock not checked by Spin' : '') + (model.symmetry ? '; symmetry not applied by Spin: every configuration counted' : '');
  const spin = { mode: run.mode, storedStates: run.report.states, memoryMb: run.report.memoryMb, deadlockChecked: false, ...(coverage !== null ? { coverage } : {}) };
  if (options.json) process.stdout.write(`${terminalJson({ ...result, spin })}\n`);
  else {
    const out = [`${verdictLineV2(result)} (Spin ${run.mode}, ${run.report.memoryMb.toFixed(1)} MB${deadlockNote})`];
    const initial = viewConfigurationV2(model, model.initial);
    for (const v of result.violations) out.push('', violationTableV2(loaded.model, v, initial));
    process.stdout.write(`${terminalText(out.join('\n'))}\n`);
  }
  return result.verdict === 'ok' ? 0 : result.verdict === 'violation' ? 1 : 3;
}

/** Spin's figures as a version-2 result: states and transitions less the `boot` step; a violation is the engine's replay of the trail. */
export function spinResultV2(model: ModelV2, steps: readonly PromelaStepV2[], report: PanReport, trail: readonly (readonly number[])[] | null, timedOut: boolean): CheckResultV2 | string {
  const base = {
    version: 2 as const,
    states: Math.max(0, report.states - 1),
    transitions: Math.max(0, report.transitions - 1),
    coverage: { states: { reached: [], unreached: [] }, transitions: { reached: [], unreached: [] } },
    seconds: report.seconds,
    statesPerSecond: report.seconds > 0 ? Math.round(report.states / report.seconds) : 0,
    bytesPerState: report.states > 0 ? Math.round((report.memoryMb * 1024 * 1024) / report.states) : 0,
  };
  if (trail !== null) {
    const replay = replayTrailV2(model, steps, trail);
    if (!replay.ok) return replay.message;
    return { ...base, verdict: 'violation', depth: replay.depth, violations: replay.violations, limit: null };
  }
  const depth = Math.max(0, report.depth - 1);
  if (report.incomplete) {
    return { ...base, verdict: 'incomplete', depth, violations: [], limit: timedOut ? 'time' : 'memory', reason: timedOut ? 'Spin was stopped by the time limit' : 'Spin stopped before the search was complete (memory or depth limit)' };
  }
  return { ...base, verdict: 'ok', depth, violations: [], limit: null };
}
