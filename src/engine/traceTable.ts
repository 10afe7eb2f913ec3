import type { CheckResult, TraceStep, ViolationReport } from './result';
import type { ConfigurationView } from './view';

/**
 * Plain-text rendering of a result for people (the CLI's human output): a verdict line, then each
 * violation's trace as a table whose last row says what went wrong.
 */
export function verdictLine(r: CheckResult): string {
  const what = r.verdict === 'ok' ? 'ok' : r.verdict === 'violation' ? `violation (${r.violations.length})` : `incomplete: ${r.reason ?? 'stopped'}`;
  return `${what}: ${r.states} states, ${r.transitions} transitions, depth ${r.depth}, ${r.seconds.toFixed(2)} s, ${r.statesPerSecond} states/s`;
}

/** A violation's trace as table cells: the header, then the initial configuration and one row per step. */
export function traceRows(v: ViolationReport, initial: ConfigurationView): { header: string[]; rows: string[][] } {
  const header = ['#', 'step', 'state', 'changed', 'in flight', 'clients'];
  const rows: string[][] = [['0', '(initial)', stateOf(initial), '', inFlight(initial), clients(initial)]];
  let before = initial;
  v.trace.forEach((t: TraceStep, i) => {
    const c = t.configuration;
    rows.push([String(i + 1), t.label, stateOf(c), changed(before, c), inFlight(c), clients(c)]);
    before = c;
  });
  return { header, rows };
}

export function violationTable(v: ViolationReport, initial: ConfigurationView): string {
  const { header, rows } = traceRows(v, initial);
  const widths = header.map((h, k) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[k]!.length))));
  const line = (cells: string[]) => cells.map((c, k) => clip(c, widths[k]!).padEnd(widths[k]!)).join('  ').trimEnd();
  return [
    `${v.kind} ${v.name} at depth ${v.depth}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `   ✗ ${v.trace.at(-1)?.violation ?? `${v.kind} ${v.name}: ${v.detail}`}`,
  ].join('\n');
}

function stateOf(c: ConfigurationView): string {
  return c.mode === 'up' ? c.state : `${c.state} ${c.mode}`;
}

function changed(a: ConfigurationView, b: ConfigurationView): string {
  return Object.keys(b.vars)
    .filter((k) => a.vars[k] !== b.vars[k])
    .map((k) => `${k}=${String(b.vars[k])}`)
    .join(' ');
}

function inFlight(c: ConfigurationView): string {
  return [...c.toMachine.map((m) => `→${m}`), ...c.toClient.map((m) => `←${m}`)].join(' ');
}

function clients(c: ConfigurationView): string {
  return c.clients.map((x) => `${x.request}:${x.status}`).join(' ');
}

function clip(s: string, w: number): string {
  return s.length > w ? `${s.slice(0, w - 1)}…` : s;
}
