import type { ViolationReportV2 } from '../../engine/v2/result';
import type { ModelV2 } from '../../model/v2/model';
import { mermaidText, violationNote } from '../../export/mermaid/export';
import { sequenceRowsV2 } from '../../export/v2/sequenceRows';
import { xml } from '../escape';

/**
 * A version-2 violation's trace as a sequence diagram with one lifeline per instance, a
 * standalone SVG string with every label escaped. The rows are `sequenceRowsV2`'s
 * (`export/v2/sequenceRows.ts`, the replay `export --to mermaid` draws too): a received message
 * is an arrow from its sender, a lost or duplicated one a red arrow, a crash a red mark on the
 * crashed instance, an event or restart a note on its instance. The last row says what was
 * violated. `sequenceMermaidV2` draws the same rows as Mermaid for Markdown.
 */

const LANE = 170;
const LEFT = 100;
const ROW = 30;
const TOP = 56;

interface Row {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly fault: boolean;
}

/** The rows of a trace (`sequenceRowsV2`, from the trace's initial configuration); a label not enabled ends it on a fault mark on the first lifeline. */
function rowsOf(model: ModelV2, v: ViolationReportV2): Row[] {
  const { rows, end } = sequenceRowsV2(model, v.trace.map((s) => s.label), v.start ?? 0);
  const drawn: Row[] = rows.map((r) => ({ from: r.from, to: r.to, text: r.label, fault: r.fault }));
  if (end.kind === 'not-enabled') drawn.push({ from: 0, to: 0, text: `not enabled here: ${end.label}`, fault: true });
  return drawn;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function sequenceSvgV2(model: ModelV2, v: ViolationReportV2): string {
  const rows = rowsOf(model, v);
  const lanes = model.instances.length;
  const what = v.trace.at(-1)?.violation ?? `${v.kind} ${v.name}: ${v.detail}`;
  const height = TOP + rows.length * ROW + 44;
  const width = Math.min(2400, Math.max(LEFT + lanes * LANE, 30 + what.length * 7));
  const x = (g: number) => LEFT + g * LANE;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${xml(`Sequence of ${v.kind} ${v.name}`)}</title>`,
    '<defs><marker id="seq2-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker></defs>',
  ];
  model.instances.forEach((inst, g) => {
    out.push(`<rect x="${x(g) - 60}" y="10" width="120" height="26" rx="6" fill="#e2e8f0" stroke="#334155"/>`);
    out.push(`<text x="${x(g)}" y="28" text-anchor="middle" font-weight="600">${xml(clip(inst.name, 18))}</text>`);
    out.push(`<line x1="${x(g)}" y1="36" x2="${x(g)}" y2="${height - 10}" stroke="#94a3b8" stroke-dasharray="4 4"/>`);
  });
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + 10;
    const color = r.fault ? '#b91c1c' : '#334155';
    const text = xml(clip(`${i + 1}. ${r.text}`, 60));
    if (r.from === r.to) {
      out.push(`<circle cx="${x(r.to)}" cy="${y}" r="5" fill="${r.fault ? '#fee2e2' : '#f8fafc'}" stroke="${color}"/>`);
      out.push(`<text x="${x(r.to) + 10}" y="${y + 4}" fill="${color}">${text}</text>`);
    } else {
      out.push(
        `<line x1="${x(r.from)}" y1="${y}" x2="${x(r.to)}" y2="${y}" stroke="${color}"${r.fault ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#seq2-arrow)"/>`,
      );
      out.push(`<text x="${(x(r.from) + x(r.to)) / 2}" y="${y - 4}" text-anchor="middle" fill="${color}">${text}</text>`);
    }
  });
  out.push(`<text x="12" y="${height - 16}" fill="#b91c1c" font-weight="600">${xml(`✗ ${what}`)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** Mermaid label text for the report: version 1's `mermaidText`, and no `<` or `>` either, so no tag survives in any renderer. */
export function strictMermaidText(text: string): string {
  return mermaidText(text).replace(/[<>]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function sequenceMermaidV2(model: ModelV2, v: ViolationReportV2): string {
  const rows = rowsOf(model, v);
  // Lifelines are `p0`, `p1`…: no user name is ever a Mermaid identifier.
  const lines = ['sequenceDiagram', ...model.instances.map((inst, g) => `    participant p${g} as ${strictMermaidText(inst.name)}`)];
  rows.forEach((r, i) => {
    const text = strictMermaidText(`${i + 1}. ${r.text}`);
    if (r.from === r.to) lines.push(`    Note over p${r.to}: ${text}`);
    else lines.push(`    p${r.from}${r.fault ? '-x' : '->>'}p${r.to}: ${text}`);
  });
  // The step that broke it is the trace's last: the note names it on that step's lifeline (the
  // report's text above the trace says the rest). A deadlock, or a violation of the initial
  // configuration, has no such step: every lifeline.
  const last = rows.at(-1);
  const over = last && v.kind !== 'deadlock' ? `p${last.to}` : `p0${model.instances.length > 1 ? `,p${model.instances.length - 1}` : ''}`;
  lines.push(`    Note over ${over}: ${strictMermaidText(`✗ ${violationNote(v)}`)}`);
  return `${lines.join('\n')}\n`;
}
