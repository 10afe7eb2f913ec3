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
  /**
   * The label point is the label's bottom centre, not its centre (a self-loop: the label stands
   * above the loop's apex, so however many lines it has it never covers its own state).
   */
  readonly labelAbove?: true;
}

/** The boxes a label should not lie on (the states) and half the label's assumed size. */
export interface LabelRoom {
  readonly boxes: readonly Box[];
  readonly halfWidth: number;
  readonly halfHeight: number;
}

/** Where along a curve (its parameter) a label may go, nearest the middle first. */
const LABEL_SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

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

/**
 * The edge between two boxes. Its label goes at the curve's middle unless a label of `room`'s size
 * there would lie on one of `room.boxes` (an edge that runs past a third state): then at the spot
 * along the curve nearest the middle that lies on none, else at the middle.
 */
export function edgeBetween(from: Box, to: Box, offset: number, room?: LabelRoom): EdgeShape {
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
  // The quadratic's point at u (a straight edge: its control point is the middle, so the line's).
  const at = (u: number) => ({ x: (1 - u) ** 2 * s.x + 2 * (1 - u) * u * cx + u ** 2 * t.x, y: (1 - u) ** 2 * s.y + 2 * (1 - u) * u * cy + u ** 2 * t.y });
  let label = at(0.5);
  if (room) {
    const clear = (p: { x: number; y: number }) => room.boxes.every((b) => p.x + room.halfWidth <= b.x || p.x - room.halfWidth >= b.x + b.width || p.y + room.halfHeight <= b.y || p.y - room.halfHeight >= b.y + b.height);
    if (!clear(label)) label = LABEL_SPOTS.map(at).find(clear) ?? label;
  }
  const path = offset === 0 ? `M ${s.x} ${s.y} L ${t.x} ${t.y}` : `M ${s.x} ${s.y} Q ${cx} ${cy} ${t.x} ${t.y}`;
  return { path, labelX: label.x, labelY: label.y };
}

/** Rise of each further loop: its label stands 1.5 × this above the last one's, clear of a three-line label. */
const LOOP_STEP = 32;

/** Room between a loop's apex and its label's bottom. */
const LOOP_LABEL_GAP = 2;

/** The k-th loop from a box to itself, drawn above it; its label stands on the loop's apex. */
export function selfLoop(box: Box, k: number): EdgeShape {
  const r = 26 + k * LOOP_STEP;
  const cx = box.x + box.width / 2;
  const top = box.y;
  const x1 = cx - Math.min(box.width / 4, 24);
  const x2 = cx + Math.min(box.width / 4, 24);
  const path = `M ${x1} ${top} C ${x1 - r} ${top - 2 * r}, ${x2 + r} ${top - 2 * r}, ${x2} ${top}`;
  // Both control points at top - 2r: the curve's apex is at top - 1.5r.
  return { path, labelX: cx, labelY: top - 1.5 * r - LOOP_LABEL_GAP, labelAbove: true };
}
