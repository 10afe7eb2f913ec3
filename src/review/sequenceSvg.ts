import type { ViolationReport } from '../engine/result';
import { xml } from './escape';

/**
 * A violation's trace as a sequence diagram (client, network, machine lifelines), a standalone
 * SVG string with every label escaped. Faults (drop, duplicate, crash) are drawn in red where
 * they hit; the last row carries what was violated.
 */

type Lane = 0 | 1 | 2;
const LANES = ['Client', 'Network', 'Machine'] as const;
const LANE_X = [90, 330, 570];
const ROW = 34;
const TOP = 56;

/** From which lifeline to which one a step travels (equal: a step on one lifeline). */
function lanesOf(label: string): { from: Lane; to: Lane; fault: boolean } {
  const kind = label.split(' ')[0];
  switch (kind) {
    case 'send':
      return { from: 0, to: 1, fault: false };
    case 'deliver':
      return { from: 1, to: 2, fault: false };
    case 'ack':
      return { from: 2, to: 1, fault: false };
    case 'receive':
      return { from: 1, to: 0, fault: false };
    case 'timeout':
      // A retry goes back on the wire; a last timeout leaves the client ambiguous.
      return label.includes('(retry') ? { from: 0, to: 1, fault: false } : { from: 0, to: 0, fault: false };
    case 'drop':
    case 'duplicate':
      return { from: 1, to: 1, fault: true };
    case 'crash':
      return { from: 2, to: 2, fault: true };
    default:
      // persist, fire, restart
      return { from: 2, to: 2, fault: false };
  }
}

export function sequenceSvg(v: ViolationReport): string {
  const rows = v.trace.length;
  const height = TOP + rows * ROW + 40;
  const what = v.trace.at(-1)?.violation ?? `${v.kind} ${v.name}: ${v.detail}`;
  // Wide enough for the closing line (about 7 px per character at this size).
  const width = Math.max(680, Math.min(2000, 30 + what.length * 7));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${xml(`Sequence of ${v.kind} ${v.name}`)}</title>`,
    '<defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker></defs>',
  ];
  LANES.forEach((name, i) => {
    out.push(
      `<rect x="${LANE_X[i]! - 50}" y="10" width="100" height="26" rx="6" fill="#e2e8f0" stroke="#334155"/>`,
    );
    out.push(`<text x="${LANE_X[i]}" y="28" text-anchor="middle" font-weight="600">${name}</text>`);
    out.push(
      `<line x1="${LANE_X[i]}" y1="36" x2="${LANE_X[i]}" y2="${height - 10}" stroke="#94a3b8" stroke-dasharray="4 4"/>`,
    );
  });
  v.trace.forEach((step, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const { from, to, fault } = lanesOf(step.label);
    const last = i === rows - 1;
    const color = last && step.violation ? '#b91c1c' : fault ? '#b91c1c' : '#334155';
    const label = `${i + 1}. ${step.label}`;
    if (from === to) {
      const x = LANE_X[from]!;
      if (fault)
        out.push(`<text x="${x}" y="${y + 5}" text-anchor="middle" fill="${color}" font-size="16">✗</text>`);
      else out.push(`<rect x="${x - 6}" y="${y - 8}" width="12" height="16" fill="#fff" stroke="${color}"/>`);
      out.push(`<text x="${x + 14}" y="${y + 4}" fill="${color}">${xml(label)}</text>`);
    } else {
      const x1 = LANE_X[from]!;
      const x2 = LANE_X[to]!;
      out.push(
        `<line x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -4 : 4)}" y2="${y}" stroke="${color}" marker-end="url(#seq-arrow)"/>`,
      );
      out.push(
        `<text x="${(x1 + x2) / 2}" y="${y - 5}" text-anchor="middle" fill="${color}">${xml(label)}</text>`,
      );
    }
  });
  out.push(`<text x="10" y="${height - 14}" fill="#b91c1c" font-weight="600">${xml(`✗ ${what}`)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
