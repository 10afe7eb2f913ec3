import { edgeBetween, selfLoop, type Box } from './edgeGeometry';
import type { TransitionEdgeData, TransitionFlowEdge } from './flowElements';

/** Size assumed for a state until React Flow has measured it. */
export const UNMEASURED: Pick<Box, 'width' | 'height'> = { width: 120, height: 48 };

/**
 * Gives every edge its path and label point from the boxes of its states, and hands back the
 * previous edge object when nothing it draws changed. Edges then read no node from React Flow's
 * store: 1,200 store subscriptions fewer, each run on every pan/zoom frame, and a drag re-renders
 * only the edges of the dragged state.
 */
export function placeEdges(
  edges: readonly TransitionFlowEdge[],
  boxes: ReadonlyMap<string, Box>,
  previous: ReadonlyMap<string, TransitionFlowEdge>,
): TransitionFlowEdge[] {
  return edges.map((edge) => {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!from || !to || !edge.data) return edge;
    const shape =
      edge.source === edge.target ? selfLoop(from, edge.data.loop) : edgeBetween(from, to, edge.data.offset);
    const placed: TransitionFlowEdge = { ...edge, data: { ...edge.data, shape } };
    const before = previous.get(edge.id);
    return before && sameEdge(before, placed) ? before : placed;
  });
}

function sameEdge(a: TransitionFlowEdge, b: TransitionFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.selected === b.selected &&
    a.markerEnd === b.markerEnd &&
    a.ariaLabel === b.ariaLabel &&
    !!a.data &&
    !!b.data &&
    sameData(a.data, b.data)
  );
}

function sameData(a: TransitionEdgeData, b: TransitionEdgeData): boolean {
  for (const key of Object.keys(b) as (keyof TransitionEdgeData)[]) {
    const x = a[key];
    const y = b[key];
    if (key === 'invariants') {
      if (a.invariants.length !== b.invariants.length || a.invariants.some((v, i) => v !== b.invariants[i]))
        return false;
    } else if (key === 'semantics') {
      if (a.semantics.length !== b.semantics.length || a.semantics.some((v, i) => v.text !== b.semantics[i]!.text || v.tone !== b.semantics[i]!.tone))
        return false;
    } else if (key === 'shape') {
      if (
        a.shape?.path !== b.shape?.path ||
        a.shape?.labelX !== b.shape?.labelX ||
        a.shape?.labelY !== b.shape?.labelY
      )
        return false;
    } else if (!Object.is(x, y)) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
