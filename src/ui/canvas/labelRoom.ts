import type { Point } from '../../store/designEdits';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Space kept on each side of a label, between it and the states. */
const MARGIN = 12;

/**
 * Where to move the target of a new transition so that its label (drawn halfway, `label` wide and
 * high) fits between the two states instead of over them; null when it already fits. The target
 * moves away from the source along the axis the edge mostly runs on, by just what is missing.
 */
export function roomForLabel(from: Box, to: Box, label: { width: number; height: number }): Point | null {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) {
    const gap = dx >= 0 ? to.x - (from.x + from.width) : from.x - (to.x + to.width);
    const missing = label.width + 2 * MARGIN - gap;
    return missing <= 0 ? null : { x: Math.round(to.x + (dx >= 0 ? missing : -missing)), y: to.y };
  }
  const gap = dy >= 0 ? to.y - (from.y + from.height) : from.y - (to.y + to.height);
  const missing = label.height + 2 * MARGIN - gap;
  return missing <= 0 ? null : { x: to.x, y: Math.round(to.y + (dy >= 0 ? missing : -missing)) };
}
