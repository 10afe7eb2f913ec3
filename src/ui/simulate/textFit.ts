/**
 * Fitting the sequence diagram's words into the room between its lanes: a text that does not
 * fit is cut with an ellipsis and keeps its whole self as a title (the tooltip), so a narrow
 * panel still shows every step without scrolling sideways.
 */

/** Width in px of a text in the diagram's font (11 px), normal or bold. */
export type Measure = (text: string, bold?: boolean) => number;

/** About 0.6 em per character, DejaVu Sans' average: a safe guess where no canvas can measure (tests). */
export const estimateWidth: Measure = (text, bold = false) => text.length * (bold ? 7.2 : 6.6);

let context: CanvasRenderingContext2D | null | undefined;

/** Measures with the page's own font through a canvas; falls back to the estimate without one. */
export const measureInPage: Measure = (text, bold = false) => {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateWidth(text, bold);
  context.font = `${bold ? '700 ' : ''}11px system-ui, sans-serif`;
  return context.measureText(text).width;
};

export interface FittedText {
  readonly text: string;
  /** The whole text, present only when `text` was cut. */
  readonly title?: string;
}

/** `text` as it is when it fits in `room` px, else its longest prefix that fits with an ellipsis. */
export function fitText(text: string, room: number, measure: Measure, bold = false): FittedText {
  if (measure(text, bold) <= room) return { text };
  const cut = (n: number) => `${text.slice(0, n).trimEnd()}…`;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid), bold) <= room) lo = mid;
    else hi = mid - 1;
  }
  return { text: cut(lo), title: text };
}
