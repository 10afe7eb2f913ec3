import ELK from 'elkjs/lib/elk.bundled.js';
import type { Design } from '../../model/schema';
import type { Point } from '../../store/designEdits';

const elk = new ELK();

/** Positions for every state from ELK's layered algorithm, left to right along transitions. */
export async function layeredLayout(design: Design, size: (name: string) => { width: number; height: number }): Promise<Record<string, Point>> {
  const names = [...new Set(design.states.map((s) => s.name))];
  const known = new Set(names);
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.nodeNodeBetweenLayers': '240',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    },
    children: names.map((id) => ({ id, ...size(id) })),
    edges: design.transitions
      .filter((t) => t.from !== t.to && known.has(t.from) && known.has(t.to))
      .map((t, i) => ({ id: `e${i}`, sources: [t.from], targets: [t.to] })),
  });
  const out: Record<string, Point> = {};
  for (const child of graph.children ?? []) out[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return out;
}
