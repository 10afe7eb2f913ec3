import { constants, createReadStream, writeFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { Monitor, prometheusText, type MonitorReport } from '../export/monitor/monitorCore';
import { modelMonitorDesign } from '../export/monitor/modelDesign';
import { loadDesign } from '../model/load';
import { readDesignText } from './arguments';
import type { Command } from './commands';
import { stretchTrace } from './monitorTrace';
import { parseArgs } from 'node:util';

const USAGE = 'usage: monitor DESIGN LOG.jsonl|- [--trace OUT] [--metrics] [--max-requests N]\n';
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
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { trace: { type: 'string' }, metrics: { type: 'boolean' }, 'max-requests': { type: 'string' } } });
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
  const loaded = loadDesign(read.text);
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(`${designFile}: ${e.path === '' ? '(file)' : e.path}: ${e.message}\n`);
    return 2;
  }
  const model = loaded.model;
  const monitor = new Monitor(modelMonitorDesign(model), maxRequests === undefined ? {} : { maxRequests });
  if (logFile !== '-') {
    try {
      await access(logFile, constants.R_OK);
    } catch (error) {
      process.stderr.write(`monitor: cannot read ${logFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path and permissions.\n`);
      return 2;
    }
  }
  // Large reads: fewer chunks, fewer trips through the event loop.
  const input = logFile === '-' ? process.stdin : createReadStream(logFile, { highWaterMark: 1 << 20 });
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
  // Lines split by hand from each chunk: readline's iterator costs a promise per line.
  let rest = '';
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, end);
      onLine(stripCr(rest === '' ? piece : rest + piece));
      rest = '';
      start = end + 1;
    }
    rest += chunk.slice(start);
    flush(); // a live log piped in shows its reports as they come
  }
  if (rest !== '') onLine(stripCr(rest));
  flush();
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

/** Log text as the terminal may show it: control characters (escape sequences included) as \\uXXXX. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
