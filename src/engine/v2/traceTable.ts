import { MACHINERY } from '../../model/v2/callNames';
import type { ModelV2 } from '../../model/v2/model';
import { callLines, writtenVars } from './callState';
import type { CheckResultV2, ViolationReportV2 } from './result';
import type { ConfigurationViewV2, InstanceView } from './view';

/**
 * The command line's human rendering of a version-2 result: a verdict line, then each
 * violation's trace as a table with one column per instance (its state and the vars the step
 * changed) and one for the network.
 */
export function verdictLineV2(r: CheckResultV2): string {
  const what = r.verdict === 'ok' ? 'ok' : r.verdict === 'violation' ? `violation (${r.violations.length})` : `incomplete: ${r.reason ?? 'stopped'}`;
  if (r.symmetry) {
    // Symmetry reduction (format-v2.md §18): one configuration stored per class, so the count is of classes.
    const over = [...r.symmetry.roles.map((role) => `${role}'s instances`), ...r.symmetry.values.map((set) => set.join('/'))].join(' and ');
    return `${what}: ${r.states} symmetry classes (distinct configurations up to permuting ${over}), ${r.transitions} transitions, depth ${r.depth}, ${r.seconds.toFixed(2)} s, ${r.statesPerSecond} classes/s`;
  }
  return `${what}: ${r.states} states, ${r.transitions} transitions, depth ${r.depth}, ${r.seconds.toFixed(2)} s, ${r.statesPerSecond} states/s`;
}

/**
 * Client outcomes per call site (a design with calls; none otherwise), under the verdict line:
 * how many quiescent configurations have a caller whose last call ended ok, error or timeout.
 */
export function outcomeLinesV2(r: CheckResultV2): string[] {
  if (!r.outcomes?.length) return [];
  const width = Math.max(...r.outcomes.map((o) => o.site.length));
  // Counted as configurations are stored: a search that stopped early has seen only its start.
  const partial = r.verdict === 'ok' ? '' : `; counted until the search stopped at depth ${r.depth}`;
  return [
    `client outcomes per call site, in quiescent configurations (a timeout is ambiguous: the caller cannot tell whether the call happened${partial}):`,
    ...r.outcomes.map((o) => `  ${o.site.padEnd(width)}  ok ${o.ok}, error ${o.error}, timeout (ambiguous) ${o.timeout}`),
  ];
}

/** Per call site, which parts of the call's machinery happened and which never did (the check's `coverage.calls`). */
export function callMachineryLinesV2(r: CheckResultV2): string[] {
  const calls = r.coverage.calls ?? [];
  if (!calls.length) return [];
  const width = Math.max(...calls.map((c) => c.site.length));
  const label = (part: string) => MACHINERY.find((m) => m.part === part)?.label ?? part;
  const list = (xs: readonly { part: string }[]) => (xs.length ? xs.map((m) => label(m.part)).join(', ') : '-');
  return [
    'call machinery per call site (what the engine did for a call beside your transitions):',
    ...calls.map((c) => `  ${c.site.padEnd(width)}  happened: ${list(c.machinery.filter((m) => m.reached))}; never: ${list(c.machinery.filter((m) => !m.reached))}`),
  ];
}

/**
 * A violation's trace as rows: one column per instance (its state, the vars of yours the step
 * changed, and what its calls came to, in words: `./callState.ts`) and one for the network; row 0
 * is the initial configuration. `model` is the loaded model (the design as written).
 */
export function traceRowsV2(model: ModelV2, v: ViolationReportV2, initial: ConfigurationViewV2): { header: string[]; rows: string[][] } {
  const header = ['#', 'step', ...initial.instances.map((i) => i.name), 'network'];
  const cell = (j: number, before: InstanceView | null, now: InstanceView) => instanceCell(model, j, before, now);
  // Channels (or pool messages) are separated by `; `: a message's own text holds spaces.
  // With several initial configurations, which one (as the simulator's picker numbers them).
  const start = v.start === undefined ? '(initial)' : `(initial ${v.start + 1} of ${model.initials.length})`;
  const rows: string[][] = [['0', start, ...initial.instances.map((i, j) => cell(j, null, i)), initial.network.join('; ')]];
  const links = model.network.channels.map((ch) => `${model.instances[ch.from]!.name}→${model.instances[ch.to]!.name}`);
  let before = initial;
  v.trace.forEach((t, k) => {
    const c = t.configuration;
    rows.push([String(k + 1), t.label, ...c.instances.map((i, j) => cell(j, before.instances[j]!, i)), networkChange(links, before.network, c.network).join('; ')]);
    before = c;
  });
  return { header, rows };
}

/**
 * What a step changed in the network, as the instance cells show only the vars that changed
 * (a pool that is never emptied would otherwise repeat every message on every row): a message
 * that came into the pool `+Prepared RM[1]→TM`, one that left it `−…` (the model "set"), and each
 * channel whose contents changed, with its contents now (`TM→RM[1]: Commit, Abort`, or `empty`).
 * `links`: every channel's `FROM→TO`, which begins its entry (a pool entry begins with a message).
 */
export function networkChange(links: readonly string[], before: readonly string[], now: readonly string[]): string[] {
  const linkOf = (entry: string) => links.find((l) => entry.startsWith(`${l}: `));
  const was = new Set(before);
  const is = new Set(now);
  const out: string[] = [];
  for (const e of now) if (!was.has(e)) out.push(linkOf(e) ? e : `+${e}`);
  const still = new Set(now.map(linkOf).filter((l) => l !== undefined));
  for (const e of before) {
    if (is.has(e)) continue;
    const link = linkOf(e);
    if (link === undefined) out.push(`−${e}`);
    else if (!still.has(link)) out.push(`${link}: empty`);
  }
  return out;
}

/**
 * The trace as a text table. A cell wider than its column (64 characters, the step 60) is
 * wrapped onto further lines of its row, never cut: every var and message of the trace is there
 * to read.
 */
export function violationTableV2(model: ModelV2, v: ViolationReportV2, initial: ConfigurationViewV2): string {
  const { header, rows } = traceRowsV2(model, v, initial);
  const widths = header.map((h, k) => Math.min(k === 1 ? 60 : 64, Math.max(h.length, ...rows.map((r) => r[k]!.length))));
  const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k]!)).join('  ').trimEnd();
  const row = (cells: string[]): string[] => {
    const wrapped = cells.map((c, k) => wrap(c, widths[k]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, i) => line(wrapped.map((w) => w[i] ?? '')));
  };
  return [
    `${v.kind} ${v.name} at depth ${v.depth}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.flatMap(row),
    `   ✗ ${v.trace.at(-1)?.violation ?? `${v.kind} ${v.name}: ${v.detail}`}`,
  ].join('\n');
}

/**
 * The instance's state (`down` while crashed, `stopped` when it never restarts), then the vars of yours that differ from the row
 * before (all of them in row 0), then its call lines that are new since the row before (`; `
 * between them): a call's own vars are never shown by their generated names.
 */
function instanceCell(model: ModelV2, instance: number, before: InstanceView | null, now: InstanceView): string {
  // A stopped instance (`"afterCrash": "stop"`) is down for good.
  const parts = [now.recovering ? `${now.state} (${model.roles[model.instances[instance]!.role]!.stops ? 'stopped' : 'down'})` : now.state];
  for (const [name, value] of writtenVars(model, instance, now)) {
    const old = before?.vars[name];
    if (typeof value === 'object') {
      for (const [k, x] of Object.entries(value)) {
        if (before === null || (typeof old === 'object' && old[k] !== x)) parts.push(`${name}[${k}]=${String(x)}`);
      }
    } else if (before === null || old !== value) parts.push(`${name}=${String(value)}`);
  }
  const earlier = new Set(before ? callLines(model, instance, before) : []);
  const calls = callLines(model, instance, now).filter((line) => !earlier.has(line));
  return calls.length ? `${parts.join(' ')}; ${calls.join('; ')}` : parts.join(' ');
}

/**
 * `s` in lines of at most `w` characters, broken after a `; ` (between messages, call lines)
 * where the line has one, else after a space, else at `w`.
 */
export function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  let rest = s;
  while (rest.length > w) {
    const semi = rest.lastIndexOf('; ', w - 1);
    const space = rest.lastIndexOf(' ', w);
    const cut = semi > 0 ? semi + 2 : space > 0 ? space + 1 : w;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}
