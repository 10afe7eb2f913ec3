/**
 * Pure geometry of transition edges between state boxes: straight or bowed (parallel edges fan
 * out by a perpendicular offset) and self-loops stacked above the box, each one larger.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeShape {
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
}

/** Where the ray from the box's centre towards (tx, ty) leaves the box. */
export function borderPoint(box: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

export function edgeBetween(from: Box, to: Box, offset: number): EdgeShape {
  const ax = from.x + from.width / 2;
  const ay = from.y + from.height / 2;
  const bx = to.x + to.width / 2;
  const by = to.y + to.height / 2;
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy) || 1;
  // Perpendicular unit vector; the control point sits `2 × offset` out so the curve's middle is at `offset`.
  const px = -dy / length;
  const py = dx / length;
  const cx = (ax + bx) / 2 + px * offset * 2;
  const cy = (ay + by) / 2 + py * offset * 2;
  const s = borderPoint(from, cx, cy);
  const t = borderPoint(to, cx, cy);
  const labelX = 0.25 * s.x + 0.5 * cx + 0.25 * t.x;
  const labelY = 0.25 * s.y + 0.5 * cy + 0.25 * t.y;
  const path = offset === 0 ? `M ${s.x} ${s.y} L ${t.x} ${t.y}` : `M ${s.x} ${s.y} Q ${cx} ${cy} ${t.x} ${t.y}`;
  return { path, labelX, labelY };
}

/** Rise of each further loop: its label sits 1.5 × this above the last one's, clear of a three-line label. */
const LOOP_STEP = 32;

/** The k-th loop from a box to itself, drawn above it. */
export function selfLoop(box: Box, k: number): EdgeShape {
  const r = 26 + k * LOOP_STEP;
  const cx = box.x + box.width / 2;
  const top = box.y;
  const x1 = cx - Math.min(box.width / 4, 24);
  const x2 = cx + Math.min(box.width / 4, 24);
  const path = `M ${x1} ${top} C ${x1 - r} ${top - 2 * r}, ${x2 + r} ${top - 2 * r}, ${x2} ${top}`;
  return { path, labelX: cx, labelY: top - 1.5 * r };
}
