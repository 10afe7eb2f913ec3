import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../store/designEdits';
import { emptyOverlay } from '../../store/canvasOverlay';
import { noSelection } from '../../store/designStore';
import { edgeBetween, selfLoop } from './edgeGeometry';
import { examples } from '../../../examples';
import { faultsLine } from './CanvasLegend';
import { ARROWHEADS, semanticBadges, toEdges, transitionDetail } from './flowElements';

const design = {
  ...emptyDesign(),
  states: [{ name: 'A', initial: true }, { name: 'B' }],
  events: [{ name: 'Go', source: 'client' as const }],
  transitions: [
    { from: 'A', event: 'Go', to: 'B' },
    { from: 'B', event: 'Go', to: 'A' },
    { from: 'A', event: 'Go', to: 'A' },
    { from: 'A', event: 'Go', to: 'A' },
    { from: 'A', event: '$restart', to: 'A' },
  ],
};

describe('transition edges', () => {
  it('fan out both directions between two states so they never overlap', () => {
    const [ab, ba] = toEdges(design, noSelection, emptyOverlay);
    const a = { x: 0, y: 0, width: 100, height: 40 };
    const b = { x: 300, y: 0, width: 100, height: 40 };
    const one = edgeBetween(a, b, ab!.data!.offset);
    const two = edgeBetween(b, a, ba!.data!.offset);
    expect(Math.abs(one.labelY - two.labelY)).toBeGreaterThan(20);
  });

  it('stacks self-loops, each larger than the last, and marks $restart edges', () => {
    const edges = toEdges(design, noSelection, emptyOverlay);
    expect(edges.slice(2).map((e) => e.data!.loop)).toEqual([0, 1, 2]);
    expect(edges[4]!.data!.restart).toBe(true);
    const box = { x: 0, y: 0, width: 100, height: 40 };
    expect(selfLoop(box, 1).labelY).toBeLessThan(selfLoop(box, 0).labelY);
  });

  it("stands a self-loop's label on the loop's apex, above its state however tall the label", () => {
    const box = { x: 0, y: 100, width: 60, height: 40 };
    for (const k of [0, 1, 2]) {
      const loop = selfLoop(box, k);
      expect(loop.labelAbove).toBe(true);
      // The label's bottom (its point) is above the box and above the path's highest point.
      const ys = [...loop.path.matchAll(/-?\d+(?:\.\d+)?/g)].map(Number).filter((_, i) => i % 2 === 1);
      const apex = 0.125 * ys[0]! + 0.375 * ys[1]! + 0.375 * ys[2]! + 0.125 * ys[3]!;
      expect(loop.labelY).toBeLessThan(apex);
      expect(loop.labelY).toBeLessThan(box.y);
    }
  });

  it("moves an edge's label along it off a state the edge runs past, and keeps it at the middle otherwise", () => {
    const a = { x: 0, y: 0, width: 100, height: 40 };
    const b = { x: 600, y: 0, width: 100, height: 40 };
    const room = { boxes: [a, b], halfWidth: 30, halfHeight: 8 };
    const middle = edgeBetween(a, b, 0);
    expect(edgeBetween(a, b, 0, room)).toEqual(middle);
    expect(middle.labelX).toBe(350);
    const moved = edgeBetween(a, b, 0, { ...room, boxes: [a, b, { x: 300, y: -10, width: 100, height: 60 }] });
    expect(moved.path).toBe(middle.path);
    expect(moved.labelY).toBe(20);
    // Off the state in the way (300 to 400) by at least half the label, and off both ends.
    expect(moved.labelX + 30 <= 300 || moved.labelX - 30 >= 400).toBe(true);
    expect(moved.labelX - 30).toBeGreaterThanOrEqual(100);
    expect(moved.labelX + 30).toBeLessThanOrEqual(600);
    // Nowhere clear: the middle.
    expect(edgeBetween(a, b, 0, { ...room, boxes: [{ x: 0, y: -100, width: 700, height: 200 }] }).labelX).toBe(350);
  });

  it('labels a transition as [guard] / updates', () => {
    expect(transitionDetail({ from: 'A', event: 'Go', to: 'B', guard: 'x < 2', updates: { x: 'x + 1' } })).toBe('[x < 2] / x := x + 1');
  });

  it('gives each edge the arrowhead of its stroke colour: accent when selected or active, orange for $restart', () => {
    const plain = toEdges(design, noSelection, emptyOverlay);
    expect(plain.map((e) => e.markerEnd)).toEqual([ARROWHEADS.plain, ARROWHEADS.plain, ARROWHEADS.plain, ARROWHEADS.plain, ARROWHEADS.restart]);
    const picked = toEdges(design, { states: [], transitions: [0, 4] }, { ...emptyOverlay, activeTransition: 2 });
    expect(picked.map((e) => e.markerEnd)).toEqual([ARROWHEADS.accent, ARROWHEADS.plain, ARROWHEADS.accent, ARROWHEADS.plain, ARROWHEADS.accent]);
    expect([ARROWHEADS.plain.color, ARROWHEADS.restart.color, ARROWHEADS.accent.color]).toEqual(['var(--edge)', 'var(--restart)', 'var(--accent)']);
  });
});

describe('the retry and dedupe marks on client transitions', () => {
  const [retried, idempotent] = examples;
  it('tell the broken payment from the fixed one', () => {
    const text = (d: typeof design) => toEdges(d, noSelection, emptyOverlay).map((e) => e.data!.semantics.map((b) => `${b.text}/${b.tone}`));
    expect(text(retried!.design as typeof design)[0]).toEqual(['retry ×2/plain', 'no dedupe/warn']);
    expect(text(idempotent!.design as typeof design)[0]).toEqual(['retry ×2/plain', 'dedupe ▣/ok']);
  });
  it('are absent on $restart and non-client events, and a lone attempt without duplicates is no warning', () => {
    expect(semanticBadges(undefined, true)).toEqual([]);
    expect(semanticBadges({ name: 'Tick', source: 'timer' }, true)).toEqual([]);
    expect(semanticBadges({ name: 'Go', source: 'client' }, false).map((b) => b.tone)).toEqual(['plain']);
    expect(semanticBadges({ name: 'Go', source: 'client' }, true).map((b) => b.tone)).toEqual(['warn']);
    expect(semanticBadges({ name: 'Go', source: 'client', idempotency: 'volatile' }, false).map((b) => b.text)).toEqual(['dedupe ◌']);
  });
  it('the faults line uses the defaults of MODEL.md', () => {
    expect(faultsLine(emptyDesign())).toBe('1 request · no crashes');
    expect(faultsLine(retried!.design)).toBe('1 request · drop 1 · duplicate 1 · reorder · crash 1');
  });
});
