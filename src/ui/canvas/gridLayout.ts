import type { Design } from '../../model/schema';
import type { Point } from '../../store/designEdits';

/** Room around each state in the grid: the label of a transition between neighbours fits in it. */
const GAP_X = 200;
const GAP_Y = 90;
/** Width over height of the whole grid, about a screen's. */
const ASPECT = 1.6;

/**
 * A layout for designs too big for ELK's layered algorithm (it takes minutes on a thousand states):
 * states in breadth-first order from the initial one along transitions (states it does not reach
 * last, in document order), laid in rows that snake left to right, then right to left, so a state
 * and its successor stay neighbours. Linear in states and transitions.
 */
export function gridLayout(
  design: Pick<Design, 'states' | 'transitions'>,
  size: (name: string) => { width: number; height: number },
): Record<string, Point> {
  const names = [...new Set(design.states.map((s) => s.name))];
  const next = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const t of design.transitions) next.get(t.from)?.push(t.to);
  const initial = design.states.find((s) => s.initial)?.name ?? names[0];
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (start: string | undefined) => {
    if (start === undefined || seen.has(start)) return;
    seen.add(start);
    order.push(start);
    for (let i = order.length - 1; i < order.length; i++) {
      for (const to of next.get(order[i]!) ?? []) {
        if (!seen.has(to) && next.has(to)) {
          seen.add(to);
          order.push(to);
        }
      }
    }
  };
  visit(initial);
  for (const n of names) visit(n);
  let cellW = 0;
  let cellH = 0;
  for (const n of names) {
    const s = size(n);
    cellW = Math.max(cellW, s.width + GAP_X);
    cellH = Math.max(cellH, s.height + GAP_Y);
  }
  // columns × rows with columns·cellW ≈ ASPECT · rows·cellH
  const columns = Math.max(1, Math.round(Math.sqrt((ASPECT * order.length * cellH) / cellW)));
  const out: Record<string, Point> = {};
  order.forEach((name, i) => {
    const row = Math.floor(i / columns);
    const inRow = i % columns;
    const column = row % 2 === 0 ? inRow : columns - 1 - inRow;
    out[name] = { x: column * cellW, y: row * cellH };
  });
  return out;
}
