import type { RowKindV2, RunSequenceV2 } from '../../../store/v2/runSequence';

/**
 * Pure layout of a version-2 run's sequence diagram: one lifeline per instance, one row per step,
 * each message an arrow from the row that sent it to the row that took it off the network.
 * Given the width it is shown in, the step labels and the gaps between lifelines shrink (down to
 * readable minimums) so that every lifeline is in sight; past those minimums the diagram scrolls.
 */
export const ROW_HEIGHT = 30;
export const HEADER = 40;
export const LABEL_WIDTH = 270;
export const LANE_GAP = 130;
/** The narrowest label column and lifeline gap that still read (labels are cut, with a tooltip). */
export const MIN_LABEL_WIDTH = 150;
/** Room to spare (a wide view) goes to the labels, up to this, so long step labels read whole. */
export const MAX_LABEL_WIDTH = 460;
export const MIN_LANE_GAP = 80;
/** Between the label column and the first lifeline, and after the last one (its name and marks). */
const LEAD = 60;
const TAIL = 90;

export interface LaneV2 {
  readonly name: string;
  readonly x: number;
  /** Down intervals (crash row → restart row, or the end), as y ranges. */
  readonly down: readonly { readonly y1: number; readonly y2: number }[];
}

export interface RowMarkV2 {
  readonly row: number;
  readonly y: number;
  readonly top: number;
  readonly label: string;
  readonly kind: RowKindV2;
  /** The lane the step happens on, or -1 (row 0). */
  readonly x: number;
  readonly violation: boolean;
}

export type ArrowEnd = 'received' | 'ignored' | 'dropped' | 'in-flight';

export interface ArrowV2 {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly text: string;
  readonly end: ArrowEnd;
  readonly duplicate: boolean;
  /** The row the arrow ends on (for fading the future), or the sending row while in flight. */
  readonly row: number;
}

export interface SequenceLayoutV2 {
  readonly width: number;
  /** The step labels' column (texts are cut to it). */
  readonly labelWidth: number;
  readonly height: number;
  readonly lanes: readonly LaneV2[];
  readonly rows: readonly RowMarkV2[];
  readonly arrows: readonly ArrowV2[];
}

/** The label column and lifeline gap for `lanes` lifelines in `fit` pixels (no `fit`: the full sizes). */
export function sequenceColumns(lanes: number, fit?: number): { labelWidth: number; laneGap: number } {
  if (fit === undefined) return { labelWidth: LABEL_WIDTH, laneGap: LANE_GAP };
  const gaps = Math.max(1, lanes - 1);
  const room = fit - LEAD - TAIL;
  // Gaps shrink first (lifelines read fine closer together), then the labels.
  const laneGap = Math.max(MIN_LANE_GAP, Math.min(LANE_GAP, Math.floor((room - LABEL_WIDTH) / gaps)));
  const labelWidth = Math.max(MIN_LABEL_WIDTH, Math.min(MAX_LABEL_WIDTH, room - (lanes - 1) * laneGap));
  return { labelWidth, laneGap };
}

export function layoutSequenceV2(seq: RunSequenceV2, fit?: number): SequenceLayoutV2 {
  const { labelWidth, laneGap } = sequenceColumns(seq.lifelines.length, fit);
  const laneX = (i: number) => labelWidth + LEAD + i * laneGap;
  const rowY = (r: number) => HEADER + r * ROW_HEIGHT + ROW_HEIGHT / 2;
  const height = HEADER + (seq.rows.length + 1) * ROW_HEIGHT;
  const bottom = height - 6;
  const lanes = seq.lifelines.map((name, i): LaneV2 => {
    const down: { y1: number; y2: number }[] = [];
    let from: number | null = null;
    for (const r of seq.rows) {
      if (r.instance !== i || r.refused) continue;
      if (r.kind === 'crash') from = rowY(r.row);
      else if (r.kind === 'restart' && from !== null) {
        down.push({ y1: from, y2: rowY(r.row) });
        from = null;
      }
    }
    if (from !== null) down.push({ y1: from, y2: bottom });
    return { name, x: laneX(i), down };
  });
  const rows = seq.rows.map((r): RowMarkV2 => ({
    row: r.row,
    y: rowY(r.row),
    top: HEADER + r.row * ROW_HEIGHT,
    label: r.label,
    kind: r.kind,
    x: r.instance >= 0 ? laneX(r.instance) : -1,
    violation: r.violation,
  }));
  const arrows: ArrowV2[] = [];
  for (const m of seq.messages) {
    const x1 = laneX(m.from);
    const y1 = rowY(m.sentRow);
    const x2 = laneX(m.to);
    if (m.ends.length === 0) {
      // Still in the network: a dashed arrow that has not arrived, cut at the diagram's bottom.
      arrows.push({ x1, y1, x2: x1 + (x2 - x1) * 0.6, y2: bottom, text: m.text, end: 'in-flight', duplicate: m.duplicate, row: m.sentRow });
      continue;
    }
    for (const e of m.ends) {
      const y2 = rowY(e.row);
      // A dropped message stops short of its receiver, where the network lost it.
      const xe = e.how === 'dropped' ? x1 + (x2 - x1) * 0.7 : x2;
      arrows.push({ x1, y1, x2: xe, y2, text: m.text, end: e.how, duplicate: m.duplicate, row: e.row });
    }
  }
  return { width: laneX(Math.max(0, seq.lifelines.length - 1)) + TAIL, labelWidth, height, lanes, rows, arrows };
}
