import { writeFileSync } from 'node:fs';
import { invariantSamples, prometheusCounters } from '../../export/monitor/monitorCore';
import { EngineSystem } from '../../export/v2/monitor/engineSystem';
import { StepMonitor, type MonitorReport } from '../../export/v2/monitor/monitorRuntime';
import type { ModelV2 } from '../../model/v2/model';
import { forEachLogLine } from '../logLines';
import { terminalText } from '../terminalText';

/** Steps kept for `--trace`: a longer run before the first violation keeps its last ones. */
const TRACE_CAP = 100_000;
/** Steps shown under each report. */
const SHOWN = 5;

export interface MonitorOptionsV2 {
  /** Where the steps up to the first violation go (a step log this command reads again). */
  readonly trace?: string | undefined;
  readonly metrics: boolean;
  /** Which initial configuration the system started from (an index into `model.initials`; 0 by default). */
  readonly start?: number;
}

/**
 * `monitor DESIGN LOG` for a version-2 design of participants (docs/harness-and-monitor.md): the
 * log has one observed step per line, labelled by instance as the studio labels steps (`RM[2]
 * receive Commit`, `crash TM`; `X sent M to Y` lines are checked against what X's last step
 * sent). The exported monitor's core (`StepMonitor`) follows the engine itself (`EngineSystem`),
 * so it allows exactly what `check` explores. Exit 0 when nothing was reported, 1 otherwise
 * (bad lines included: a step the design does not allow is a finding, not noise).
 */
export async function monitorStepsV2(model: ModelV2, logFile: string, options: MonitorOptionsV2): Promise<number> {
  const monitor = StepMonitor.following(new EngineSystem(model, options.start));
  const counts = { badLines: 0, notAllowed: 0, sends: 0, invariants: new Map<string, number>() };
  let findings = 0;
  let lineNumber = 0;
  // The steps taken so far, until the first finding (for --trace); bounded by TRACE_CAP.
  let steps: string[] | null = options.trace === undefined ? null : [];
  let leftOut = 0;
  let pending = '';
  const flush = (): void => {
    if (pending !== '') process.stdout.write(pending);
    pending = '';
  };
  const started = performance.now();
  await forEachLogLine(
    logFile,
    async (text) => {
      lineNumber++;
      const before = monitor.counts.steps;
      const reports = await monitor.observe(text, lineNumber);
      const taken = monitor.counts.steps > before;
      if (steps !== null && taken) {
        steps.push(text.trim());
        // Trimmed in batches (a shift per line would copy the whole list each time).
        if (steps.length >= 2 * TRACE_CAP) {
          leftOut += steps.length - TRACE_CAP;
          steps.splice(0, steps.length - TRACE_CAP);
        }
      }
      for (const r of reports) {
        findings++;
        pending += show(logFile, r);
        if (r.kind === 'bad-line') counts.badLines++;
        else if (r.kind === 'not-allowed') counts.notAllowed++;
        else if (r.kind === 'invariant') counts.invariants.set(r.name, (counts.invariants.get(r.name) ?? 0) + 1);
        else counts.sends++;
      }
      if (reports.length > 0 && steps !== null && options.trace !== undefined) {
        if (!taken) steps.push(text.trim()); // the line it stopped at, so the file ends in the same finding
        const kept = steps.slice(-TRACE_CAP);
        const skipped = leftOut + steps.length - kept.length;
        const head = skipped > 0 ? [`# the first ${skipped} steps are left out`] : [];
        writeFileSync(options.trace, `${[...head, ...kept].join('\n')}\n`);
        pending += terminalText(`the steps up to the first finding are in ${options.trace} (read it again with monitor)\n`);
        steps = null;
      }
    },
    flush,
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    terminalText(`${findings === 0 ? 'ok' : 'violation'}: ${lineNumber} lines, ${monitor.counts.steps} steps followed, ${findings} finding(s), ${seconds.toFixed(2)} s\n`),
  );
  if (options.metrics) {
    process.stdout.write(
      prometheusCounters(model.name, [
        ['protocol_monitor_lines_total', 'Log lines read.', [['', lineNumber]]],
        ['protocol_monitor_steps_total', 'Observed steps the design allowed.', [['', monitor.counts.steps]]],
        ['protocol_monitor_bad_lines_total', 'Log lines skipped as unreadable.', [['', counts.badLines]]],
        ['protocol_monitor_impossible_transitions_total', 'Log lines the design does not allow.', [['', counts.notAllowed]]],
        ['protocol_monitor_unexpected_sends_total', 'Sends logged that the last step does not make, or that it makes and the log lacks.', [['', counts.sends]]],
        ['protocol_monitor_invariant_violations_total', 'Times an invariant went from holding to broken.', invariantSamples(counts.invariants)],
      ]),
    );
  }
  return findings === 0 ? 0 : 1;
}

/** One report: where, what, and the last steps before it. */
function show(file: string, r: MonitorReport): string {
  const head = `${file}:${r.line}: ${r.kind}${r.name === '' ? '' : ` ${r.name}`}: ${r.message}\n`;
  const last = r.trace.slice(-SHOWN);
  const before = last.length === 0 ? '' : `    after ${r.trace.length > SHOWN ? `… ${r.trace.length - SHOWN} steps, ` : ''}${last.join(' → ')}\n`;
  return terminalText(head + before);
}
