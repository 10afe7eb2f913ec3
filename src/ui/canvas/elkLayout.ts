import type ELK from 'elkjs/lib/elk.bundled.js';
import type { Design, EventJson, TransitionJson } from '../../model/schema';
import type { Point } from '../../store/designEdits';
import { semanticBadges, transitionDetail } from './flowElements';
import { gridLayout } from './gridLayout';

// ELK is 1.4 MB of the app: loaded on the first layout, not with the page. In a browser it runs in
// a worker (a layout of a hundred states takes seconds: the page stays responsive meanwhile);
// where there are no workers (tests under Node) the bundled copy runs in place.
let elk: Promise<InstanceType<typeof ELK>> | null = null;
const loadElk = (): Promise<InstanceType<typeof ELK>> =>
  (elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, url]) => new api.default({ workerUrl: url.default })));

/**
 * Above this many states the layered algorithm is replaced by `gridLayout`: ELK's run time grows
 * far faster than the graph (measured on this project's 2-core machine under load: 80 states in
 * about 10 s, 200 in about 20 s, 1,000 in minutes, all in one long row).
 */
export const LAYERED_MAX_STATES = 80;

/** Must match `.edge-label__event` in theme.css: 11 px text, 14 px lines, wrapped at 180 px; badges on a row below. */
const LABEL_MAX_WIDTH = 180;
const LABEL_LINE = 14;
const CHAR_WIDTH = 6.4;
const BADGE_ROOM = 44;
const BADGE_CHAR_WIDTH = 6;
const BADGE_ROW = 16;

/**
 * The room an edge label takes, estimated from its text (ELK runs before anything is drawn): ELK
 * then keeps that much space between the two states, so the label does not run under them.
 */
export function labelSize(t: TransitionJson, event?: EventJson): { width: number; height: number } {
  const text = `${t.event} ${transitionDetail(t)}`.trim();
  const textWidth = text.length * CHAR_WIDTH + 10;
  const lines = Math.ceil(textWidth / LABEL_MAX_WIDTH);
  // Badges (ack, retry, dedupe, invariants) sit on a row under the text.
  const badges = semanticBadges(event, false).reduce((w, b) => w + b.text.length * BADGE_CHAR_WIDTH + 12, BADGE_ROOM);
  return { width: Math.max(Math.min(textWidth, LABEL_MAX_WIDTH), badges), height: lines * LABEL_LINE + 4 + BADGE_ROW };
}

/** Positions for every state from ELK's layered algorithm, left to right along transitions. */
export async function layeredLayout(
  design: Pick<Design, 'states' | 'events' | 'transitions'>,
  size: (name: string) => { width: number; height: number },
): Promise<Record<string, Point>> {
  if (design.states.length > LAYERED_MAX_STATES) return gridLayout(design, size);
  const names = [...new Set(design.states.map((s) => s.name))];
  const known = new Set(names);
  const events = new Map(design.events.map((e) => [e.name, e]));
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.edgeLabel': '8',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    },
    children: names.map((id) => ({ id, ...size(id) })),
    edges: design.transitions
      .filter((t) => t.from !== t.to && known.has(t.from) && known.has(t.to))
      .map((t, i) => ({
        id: `e${i}`,
        sources: [t.from],
        targets: [t.to],
        labels: [{ id: `l${i}`, text: t.event, ...labelSize(t, events.get(t.event)) }],
      })),
  });
  const out: Record<string, Point> = {};
  for (const child of graph.children ?? [])
    out[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return out;
}
