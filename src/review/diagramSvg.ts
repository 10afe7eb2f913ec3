import type { Design } from '../model/schema';
import { xml } from './escape';

/**
 * The state diagram as a standalone SVG string: no script, no external reference, every name
 * escaped. Positions come from the design's `layout` (a grid for states without one). Used by the
 * report and, with marks, by the diff.
 */

export type Mark = 'added' | 'removed' | 'changed';

export interface DiagramNode {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly initial: boolean;
  readonly final: boolean;
  readonly mark?: Mark;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly mark?: Mark;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

const W = 150;
const H = 46;
const PAD = 60;
const MAX_WIDTH = 1600;
const MAX_HEIGHT = 1200;
const COLORS: Record<Mark | 'none', { stroke: string; fill: string; dash?: string }> = {
  none: { stroke: '#334155', fill: '#f8fafc' },
  added: { stroke: '#15803d', fill: '#dcfce7' },
  removed: { stroke: '#b91c1c', fill: '#fee2e2', dash: '6 4' },
  changed: { stroke: '#b45309', fill: '#fef3c7' },
};

/** Where each state is drawn: its layout position, else the next free grid cell. */
export function positions(design: Design): Map<string, { x: number; y: number }> {
  return statePositions(design.states, design.layout);
}

/** `positions` for any list of states and a layout object keyed by state name (a version-2 role's). */
export function statePositions(states: readonly { readonly name: string }[], layoutValue: unknown): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const layout = (typeof layoutValue === 'object' && layoutValue !== null ? layoutValue : {}) as Record<string, unknown>;
  let free = 0;
  for (const s of states) {
    const p = Object.hasOwn(layout, s.name) ? (layout[s.name] as { x?: unknown; y?: unknown } | null) : null;
    if (
      p &&
      typeof p.x === 'number' &&
      typeof p.y === 'number' &&
      Number.isFinite(p.x) &&
      Number.isFinite(p.y)
    )
      out.set(s.name, { x: p.x, y: p.y });
    else {
      out.set(s.name, { x: (free % 4) * 260, y: 400 + Math.floor(free / 4) * 160 });
      free += 1;
    }
  }
  return out;
}

/** A transition's label on the diagram: its event, and its guard in brackets. */
export function edgeLabel(t: Design['transitions'][number]): string {
  return t.guard ? `${t.event} [${t.guard}]` : t.event;
}

export function designDiagram(design: Design): Diagram {
  const at = positions(design);
  return {
    nodes: design.states.map((s) => ({
      name: s.name,
      ...at.get(s.name)!,
      initial: s.initial === true,
      final: s.final === true,
    })),
    edges: design.transitions.map((t) => ({ from: t.from, to: t.to, label: edgeLabel(t) })),
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The SVG text; `title` becomes its accessible name. */
export function diagramSvg(diagram: Diagram, title: string): string {
  const byName = new Map(diagram.nodes.map((n) => [n.name, n]));
  const xs = diagram.nodes.flatMap((n) => [n.x, n.x + W]);
  const ys = diagram.nodes.flatMap((n) => [n.y, n.y + H]);
  const minX = Math.min(0, ...xs) - PAD;
  const minY = Math.min(0, ...ys) - PAD;
  const width = Math.max(W, ...xs) - minX + PAD;
  const height = Math.max(H, ...ys) - minY + PAD;
  // Far-flung positions shrink the picture instead of making it thousands of pixels wide.
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  const parts: string[] = [];
  const pairCount = new Map<string, number>();
  for (const e of diagram.edges) {
    const a = byName.get(e.from);
    const b = byName.get(e.to);
    if (!a || !b) continue;
    const key = [e.from, e.to].sort().join('\u0000') + (e.from === e.to ? '\u0001' : '');
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    parts.push(edgeSvg(a, b, e, k));
  }
  for (const n of diagram.nodes) parts.push(nodeSvg(n));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width * scale)}" height="${Math.round(height * scale)}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title>${xml(title)}</title>`,
    '<defs>',
    ...(['none', 'added', 'removed', 'changed'] as const).map(
      (m) =>
        `<marker id="arrow-${m}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS[m].stroke}"/></marker>`,
    ),
    '</defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}

function nodeSvg(n: DiagramNode): string {
  const c = COLORS[n.mark ?? 'none'];
  const dash = c.dash ? ` stroke-dasharray="${c.dash}"` : '';
  const out = [
    `<g class="state${n.mark ? ` ${n.mark}` : ''}"><title>${xml(n.mark ? `${n.name} (${n.mark})` : n.name)}</title>`,
  ];
  out.push(
    `<rect x="${n.x}" y="${n.y}" width="${W}" height="${H}" rx="10" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${n.mark ? 2.5 : 1.5}"${dash}/>`,
  );
  if (n.final)
    out.push(
      `<rect x="${n.x + 4}" y="${n.y + 4}" width="${W - 8}" height="${H - 8}" rx="7" fill="none" stroke="${c.stroke}"/>`,
    );
  if (n.initial)
    out.push(
      `<circle cx="${n.x - 28}" cy="${n.y + H / 2}" r="6" fill="${c.stroke}"/><line x1="${n.x - 22}" y1="${n.y + H / 2}" x2="${n.x - 2}" y2="${n.y + H / 2}" stroke="${c.stroke}" marker-end="url(#arrow-none)"/>`,
    );
  out.push(
    `<text x="${n.x + W / 2}" y="${n.y + H / 2 + 4.5}" text-anchor="middle" fill="#0f172a">${xml(clip(n.name, 20))}</text></g>`,
  );
  return out.join('');
}

function edgeSvg(a: DiagramNode, b: DiagramNode, e: DiagramEdge, k: number): string {
  const mark = e.mark ?? 'none';
  const c = COLORS[mark];
  const dash = c.dash ? ` stroke-dasharray="${c.dash}"` : '';
  let path: string;
  let lx: number;
  let ly: number;
  if (a === b) {
    // Self-loops stack above the node.
    const x = a.x + W / 2;
    const top = a.y;
    const r = 26 + k * 18;
    path = `M${x - 22},${top} C${x - 40},${top - r * 2} ${x + 40},${top - r * 2} ${x + 22},${top}`;
    lx = x;
    ly = top - r * 1.5 - 4;
  } else {
    const ax = a.x + W / 2;
    const ay = a.y + H / 2;
    const bx = b.x + W / 2;
    const by = b.y + H / 2;
    const [sx, sy] = border(ax, ay, bx, by);
    const [tx, ty] = border(bx, by, ax, ay);
    // Parallel edges fan out on alternating sides; the two directions of a pair bend apart.
    const dx = tx - sx;
    const dy = ty - sy;
    const len = Math.hypot(dx, dy) || 1;
    const side = (k % 2 === 0 ? 1 : -1) * (Math.floor(k / 2) + 1) * 28 - 14;
    const nx = -dy / len;
    const ny = dx / len;
    const cx = (sx + tx) / 2 + nx * side;
    const cy = (sy + ty) / 2 + ny * side;
    path = `M${sx},${sy} Q${cx},${cy} ${tx},${ty}`;
    lx = (sx + tx) / 4 + cx / 2;
    ly = (sy + ty) / 4 + cy / 2 - 4;
  }
  const label = clip(e.label, 40);
  return [
    `<g class="transition${e.mark ? ` ${e.mark}` : ''}"><title>${xml(e.mark ? `${e.label} (${e.mark})` : e.label)}</title>`,
    `<path d="${path}" fill="none" stroke="${c.stroke}" stroke-width="${e.mark ? 2.5 : 1.4}"${dash} marker-end="url(#arrow-${mark})"/>`,
    `<text x="${lx}" y="${ly}" text-anchor="middle" fill="${c.stroke}" stroke="#fff" stroke-width="3" paint-order="stroke">${xml(label)}</text></g>`,
  ].join('');
}

/** Where the line from the node centre (x, y) toward (ox, oy) leaves its box. */
function border(x: number, y: number, ox: number, oy: number): [number, number] {
  const dx = ox - x;
  const dy = oy - y;
  const scale = Math.min(
    dx === 0 ? Infinity : W / 2 / Math.abs(dx),
    dy === 0 ? Infinity : H / 2 / Math.abs(dy),
  );
  return [round(x + dx * Math.min(scale, 1)), round(y + dy * Math.min(scale, 1))];
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The SVG as a `data:` URL, for an `<img>`: images never run scripts. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
