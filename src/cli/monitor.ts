import { constants, writeFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { Monitor, prometheusText, type MonitorReport } from '../export/monitor/monitorCore';
import { modelMonitorDesign } from '../export/monitor/modelDesign';
import { loadDesign } from '../model/load';
import { initialDescriber } from '../engine/v2/initialChoices';
import type { ModelV2 } from '../model/v2/model';
import { declaredVersion, loadAnyDesignV2 } from '../model/v2/load';
import { readDesignText } from './arguments';
import type { Command } from './commands';
import { forEachLogLine, printable } from './logLines';
import { stretchTrace } from './monitorTrace';
import { terminalText } from './terminalText';
import { monitorStepsV2 } from './v2/monitorV2';
import { parseArgs } from 'node:util';

const USAGE = 'usage: monitor DESIGN LOG.jsonl|- [--trace OUT] [--metrics] [--max-requests N]   (a version-2 design of participants: monitor DESIGN STEPS.log|- [--trace OUT] [--metrics] [--start K])\n';
/** Lines kept for the trace of the first violation: the stretch it can show. */
const WINDOW = 4096;

/**
 * `monitor DESIGN LOG`: checks a recorded JSON-lines log against the design, streamed (memory does
 * not grow with the log). Prints each report with its evidence lines; writes the first violation's
 * stretch as a trace file; exit 0 when nothing was violated, 1 on a violation, 2 for bad arguments
 * or an invalid design. Unreadable lines are reported with their numbers and skipped.
 */
export const monitorCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { trace: { type: 'string' }, metrics: { type: 'boolean' }, 'max-requests': { type: 'string' }, start: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`monitor: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n${USAGE}`);
    return 2;
  }
  const [designFile, logFile, extra] = parsed.positionals;
  const maxRequests = parsed.values['max-requests'] === undefined ? undefined : Number(parsed.values['max-requests']);
  if (designFile === undefined || logFile === undefined || extra !== undefined || (maxRequests !== undefined && !(Number.isInteger(maxRequests) && maxRequests > 0))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const read = await readDesignText(designFile);
  if (!read.ok) {
    process.stderr.write(`monitor: ${read.message}\n`);
    return 2;
  }
  const loaded = declaredVersion(read.text) === 2 ? loadAnyDesignV2(read.text) : loadDesign(read.text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(terminalText(`${designFile}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`));
    return 2;
  }
  if (!(await readable(logFile))) return 2;
  // Participants (format version 2) are followed step by step; a version-2 design with clients runs as version 1 does.
  if ('kind' in loaded && loaded.kind === 'participants') {
    if (maxRequests !== undefined) {
      process.stderr.write('monitor: --max-requests counts version 1\'s client requests; a design of participants reads one step per line (docs/harness-and-monitor.md)\n');
      return 2;
    }
    const start = startOption(loaded.model, parsed.values.start);
    if (typeof start === 'string') {
      process.stderr.write(terminalText(`monitor: ${start}\n`));
      return 2;
    }
    return monitorStepsV2(loaded.model, logFile, { trace: parsed.values.trace, metrics: parsed.values.metrics === true, start });
  }
  if (parsed.values.start !== undefined) {
    process.stderr.write('monitor: --start chooses among the initial configurations of a version-2 design of participants; this design has one\n');
    return 2;
  }
  const model = loaded.model;
  const monitor = new Monitor(modelMonitorDesign(model), maxRequests === undefined ? {} : { maxRequests });
  // The last WINDOW lines, in a ring (shifting an array would copy it on every line).
  const window = new Array<string>(WINDOW);
  let violations = 0;
  let traceWritten = '';
  let lineNumber = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // Reports are written once per chunk read: a log full of bad lines would otherwise cost a write call per line.
  let pending = '';
  const flush = (): void => {
    if (pending !== '') process.stdout.write(pending);
    pending = '';
  };
  const onLine = (text: string): void => {
    lineNumber++;
    window[lineNumber % WINDOW] = text;
    const reports = monitor.line(lineNumber, text);
    if (reports.length === 0) return;
    for (const r of reports) {
      pending += show(logFile, r);
      if (r.kind === 'bad-line') continue;
      violations++;
      if (traceWritten !== '') continue;
      const from = Math.max(Math.min(...r.evidence.map((e) => e.line), r.line), lineNumber - WINDOW + 1, 1);
      const stretch = Array.from({ length: lineNumber - from + 1 }, (_x, i) => window[(from + i) % WINDOW]!);
      const trace = stretchTrace(model, stretch);
      traceWritten = parsed.values.trace ?? `${logFile === '-' ? 'monitor' : logFile.replace(/\.jsonl?$/, '')}.trace.json`;
      writeFileSync(traceWritten, `${JSON.stringify(trace, null, 2)}\n`);
    }
  };
  await forEachLogLine(logFile, onLine, flush);
  const seconds = (performance.now() - started) / 1000;
  const c = monitor.counters;
  const rate = Math.round(lineNumber / Math.max(seconds, 1e-9));
  const cpu = process.cpuUsage(cpuStarted);
  // Per second of this process's own CPU time too: on a loaded machine the wall-clock rate mostly measures the others.
  const cpuRate = Math.round(lineNumber / Math.max((cpu.user + cpu.system) / 1e6, 1e-9));
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${violations === 0 ? 'ok' : 'violation'}: ${lineNumber} lines, ${violations} violation(s), ${c.badLines} bad line(s) skipped, ${c.ambiguous} ambiguous outcome(s), ${seconds.toFixed(2)} s, ${rate} lines/s (${cpuRate} per CPU second), peak memory ${peak} MB\n`,
  );
  if (traceWritten !== '') process.stdout.write(`the first violation's stretch is in ${traceWritten} (open it in Simulate → Import trace)\n`);
  if (parsed.values.metrics === true) process.stdout.write(prometheusText(monitor));
  return violations === 0 ? 0 : 1;
};

/** One report: where, what, then its evidence lines (control characters of log text escaped). */
function show(file: string, r: MonitorReport): string {
  const head = `${printable(file)}:${r.line}: ${r.kind}${r.name === '' ? '' : ` ${printable(JSON.stringify(r.name))}`}: ${printable(r.message)}\n`;
  if (r.kind === 'bad-line') return head;
  return head + r.evidence.map((e) => `    ${String(e.line).padStart(6)}  ${printable(e.text)}\n`).join('');
}

/** Whether the log can be read (standard input always); says why not. */
async function readable(logFile: string): Promise<boolean> {
  if (logFile === '-') return true;
  try {
    await access(logFile, constants.R_OK);
    return true;
  } catch (error) {
    process.stderr.write(terminalText(`monitor: cannot read ${logFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path and permissions.\n`));
    return false;
  }
}

/**
 * Which initial configuration (docs/format-v2.md §8) the monitored system started from: an index
 * into `model.initials`, or why not. With several, the log alone cannot say which, and following
 * the wrong one would report allowed steps as not allowed: `--start K` (1-based) is then required.
 */
function startOption(model: ModelV2, given: string | undefined): number | string {
  const count = model.initials.length;
  const describe = initialDescriber(model);
  if (given === undefined) {
    if (count === 1) return 0;
    const shown = Math.min(count, 5);
    const list = Array.from({ length: shown }, (_, i) => `  ${i + 1}: ${describe(i)}`).join('\n');
    return `this design has ${count} initial configurations; say which one the system started from with --start K (1–${count}):\n${list}${count > shown ? `\n  … ${count - shown} more` : ''}`;
  }
  const k = Number(given);
  if (!Number.isInteger(k) || k < 1 || k > count) return `--start takes a number from 1 to ${count} (the design's initial configurations), not "${given}"`;
  return k - 1;
}
