import { describe, expect, it } from 'vitest';
import { emptyOverlay } from '../../store/canvasOverlay';
import { emptyDesign } from '../../store/designEdits';
import { noSelection } from '../../store/designStore';
import { placeEdges } from './edgePlacement';
import { toEdges } from './flowElements';

const design = {
  ...emptyDesign(),
  states: [{ name: 'A', initial: true }, { name: 'B' }, { name: 'C' }],
  events: [{ name: 'Go', source: 'client' as const }],
  transitions: [
    { from: 'A', event: 'Go', to: 'B', invariants: [{ name: 'ok', expr: 'true' }] },
    { from: 'B', event: 'Go', to: 'C' },
  ],
};
const boxes = new Map([
  ['A', { x: 0, y: 0, width: 100, height: 40 }],
  ['B', { x: 300, y: 0, width: 100, height: 40 }],
  ['C', { x: 600, y: 0, width: 100, height: 40 }],
]);
const byId = (edges: ReturnType<typeof placeEdges>) => new Map(edges.map((e) => [e.id, e]));

describe('placing edges', () => {
  it('draws a straight edge from border to border with the label halfway', () => {
    const [ab] = placeEdges(toEdges(design, noSelection, emptyOverlay), boxes, new Map());
    expect(ab!.data!.shape).toEqual({ path: 'M 100 20 L 300 20', labelX: 200, labelY: 20 });
  });

  it('keeps the very same edge objects when nothing they draw changed', () => {
    const first = placeEdges(toEdges(design, noSelection, emptyOverlay), boxes, new Map());
    const again = placeEdges(toEdges(design, noSelection, emptyOverlay), boxes, byId(first));
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
  });

  it('renews only the edges of a moved state', () => {
    const first = placeEdges(toEdges(design, noSelection, emptyOverlay), boxes, new Map());
    const moved = new Map(boxes).set('C', { x: 600, y: 200, width: 100, height: 40 });
    const next = placeEdges(toEdges(design, noSelection, emptyOverlay), moved, byId(first));
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
  });

  it('renews an edge whose selection changed', () => {
    const first = placeEdges(toEdges(design, noSelection, emptyOverlay), boxes, new Map());
    const next = placeEdges(
      toEdges(design, { states: [], transitions: [1] }, emptyOverlay),
      boxes,
      byId(first),
    );
    expect(next[0]).toBe(first[0]);
    expect(next[1]!.selected).toBe(true);
  });
});
