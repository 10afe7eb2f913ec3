import { MarkerType, type Edge, type EdgeMarker, type Node } from '@xyflow/react';
import type { Design, EventJson, TransitionJson } from '../../model/schema';
import { RESTART_EVENT } from '../../model/schema';
import { layoutOf, type Point } from '../../store/designEdits';
import type { Selection } from '../../store/designStore';
import type { CanvasOverlay } from '../../store/canvasOverlay';
import type { EdgeShape } from './edgeGeometry';

/** What a state node draws. */
export interface StateNodeData extends Record<string, unknown> {
  readonly name: string;
  readonly index: number;
  readonly initial: boolean;
  readonly final: boolean;
  readonly durable: boolean;
  readonly hasRecovery: boolean;
  readonly active: boolean;
  readonly dimmed: boolean;
  readonly readOnly: boolean;
}

/** What a transition edge draws, with its place among the edges between the same two states. */
export interface TransitionEdgeData extends Record<string, unknown> {
  readonly index: number;
  readonly event: string;
  readonly detail: string;
  readonly restart: boolean;
  readonly client: boolean;
  readonly ack: 'durable' | 'best-effort' | 'none';
  readonly errorReply: boolean;
  readonly invariants: readonly string[];
  /** Its client event's retry and dedupe, drawn on every transition of that event. */
  readonly semantics: readonly SemanticBadge[];
  /** Perpendicular offset in px for parallel edges (0: straight); the loop number for self-loops. */
  readonly offset: number;
  readonly loop: number;
  readonly active: boolean;
  readonly dimmed: boolean;
  /** Path and label point, filled in by `placeEdges` from the node boxes (absent: not drawn yet). */
  readonly shape?: EdgeShape;
}

/** A compact mark of what the event promises under retries and duplicates. */
export interface SemanticBadge {
  readonly text: string;
  readonly title: string;
  readonly tone: 'plain' | 'ok' | 'warn';
}

/**
 * The retry and dedupe marks of a transition's client event: `retry ×3` when the client retries,
 * and the idempotency key (`dedupe ▣` durable, `dedupe ◌` volatile, `no dedupe`, a warning when
 * the client retries or the network duplicates). The broken and fixed payment differ exactly here.
 */
export function semanticBadges(event: EventJson | undefined, duplicates: boolean): SemanticBadge[] {
  if (!event || event.source !== 'client') return [];
  const attempts = event.retry?.maxAttempts ?? 1;
  const out: SemanticBadge[] = [];
  if (attempts > 1) out.push({ text: `retry ×${attempts}`, title: `The client sends up to ${attempts} attempts of one request`, tone: 'plain' });
  const key = event.idempotency ?? 'none';
  if (key === 'durable') out.push({ text: 'dedupe ▣', title: 'Idempotency: request ids kept durably with the effect', tone: 'ok' });
  else if (key === 'volatile') out.push({ text: 'dedupe ◌', title: 'Idempotency: request ids kept in memory (lost in a crash)', tone: 'warn' });
  else out.push({ text: 'no dedupe', title: 'No idempotency key: a retry or duplicate is processed again', tone: attempts > 1 || duplicates ? 'warn' : 'plain' });
  return out;
}

export type StateFlowNode = Node<StateNodeData, 'state'>;
export type TransitionFlowEdge = Edge<TransitionEdgeData, 'transition'>;

const PARALLEL_SPACING = 46;

/**
 * The arrowhead in each colour an edge's stroke takes (theme.css: plain, `$restart`, selected or
 * active), so the head follows its line; the plain one too, as React Flow's own default grey is
 * lighter than our edges. React Flow draws one marker per distinct value, three here; constants,
 * so an unchanged edge keeps the same marker object (`placeEdges` compares them).
 */
const ARROWHEAD = { type: MarkerType.ArrowClosed, width: 16, height: 16 } as const;
export const ARROWHEADS = {
  plain: { ...ARROWHEAD, color: 'var(--edge)' },
  restart: { ...ARROWHEAD, color: 'var(--restart)' },
  accent: { ...ARROWHEAD, color: 'var(--accent)' },
} satisfies Record<string, EdgeMarker>;

/** The arrowhead whose colour matches the stroke theme.css gives the edge. */
export function arrowheadOf(restart: boolean, selected: boolean, active: boolean): EdgeMarker {
  if (selected || active) return ARROWHEADS.accent;
  return restart ? ARROWHEADS.restart : ARROWHEADS.plain;
}

/** Node ids are state names; a repeated name (an error the loader reports) gets a distinct id. */
export function nodeIds(design: Design): string[] {
  const seen = new Set<string>();
  return design.states.map((s, i) => {
    const id = seen.has(s.name) ? `${s.name}#${i}` : s.name;
    seen.add(s.name);
    return id;
  });
}

/** Where a state without a saved position goes until the automatic layout has run. */
export function fallbackPosition(index: number): Point {
  return { x: (index % 6) * 220, y: Math.floor(index / 6) * 140 };
}

export function toNodes(
  design: Design,
  selection: Selection,
  overlay: CanvasOverlay,
  dragging: ReadonlyMap<string, Point>,
  measured: ReadonlyMap<string, { width: number; height: number }>,
  readOnly: boolean,
): StateFlowNode[] {
  const layout = layoutOf(design);
  const recovery = new Set(design.transitions.filter((t) => t.event === RESTART_EVENT).map((t) => t.from));
  const selected = new Set(selection.states);
  const dimmed = new Set(overlay.dimmedStates);
  const ids = nodeIds(design);
  return design.states.map((s, i) => {
    const id = ids[i]!;
    const size = measured.get(id);
    return {
      id,
      type: 'state',
      position: dragging.get(id) ?? layout[s.name] ?? fallbackPosition(i),
      selected: selected.has(s.name),
      draggable: !readOnly,
      connectable: !readOnly,
      ariaLabel: `State ${s.name}`,
      ...(size ? { measured: size } : {}),
      data: {
        name: s.name,
        index: i,
        initial: s.initial === true,
        final: s.final === true,
        durable: s.storage !== 'volatile',
        hasRecovery: recovery.has(s.name),
        active: overlay.activeState === s.name,
        dimmed: dimmed.has(s.name),
        readOnly,
      },
    };
  });
}

export function toEdges(design: Design, selection: Selection, overlay: CanvasOverlay): TransitionFlowEdge[] {
  const clientEvents = new Set(design.events.filter((e) => e.source === 'client').map((e) => e.name));
  const eventByName = new Map(design.events.map((e) => [e.name, e]));
  const duplicates = (design.environment?.network?.duplicate ?? 0) > 0;
  const states = new Set(design.states.map((s) => s.name));
  const selected = new Set(selection.transitions);
  const dimmed = new Set(overlay.dimmedTransitions);
  // Group by unordered pair so A→B and B→A share one fan of offsets and never overlap.
  const groups = new Map<string, number[]>();
  design.transitions.forEach((t, i) => {
    const key = t.from === t.to ? `loop:${t.from}` : [t.from, t.to].sort().join('\u0000');
    const g = groups.get(key) ?? [];
    g.push(i);
    groups.set(key, g);
  });
  const place = new Map<number, { offset: number; loop: number }>();
  for (const members of groups.values()) {
    members.forEach((index, k) => {
      const t = design.transitions[index]!;
      if (t.from === t.to) place.set(index, { offset: 0, loop: k });
      else {
        const canonical = (k - (members.length - 1) / 2) * PARALLEL_SPACING;
        place.set(index, { offset: t.from < t.to ? canonical : -canonical, loop: 0 });
      }
    });
  }
  const edges: TransitionFlowEdge[] = [];
  design.transitions.forEach((t, i) => {
    // An edge to a state that does not exist cannot be drawn; the error list names it.
    if (!states.has(t.from) || !states.has(t.to)) return;
    const client = clientEvents.has(t.event);
    const { offset, loop } = place.get(i) ?? { offset: 0, loop: 0 };
    const restart = t.event === RESTART_EVENT;
    const active = overlay.activeTransition === i;
    edges.push({
      id: `t${i}`,
      type: 'transition',
      source: t.from,
      target: t.to,
      selected: selected.has(i),
      markerEnd: arrowheadOf(restart, selected.has(i), active),
      ariaLabel: `Transition ${i + 1}: ${t.from} to ${t.to} on ${t.event}`,
      data: {
        index: i,
        event: t.event,
        detail: transitionDetail(t),
        restart,
        client,
        ack: t.ack ?? 'durable',
        errorReply: t.reply === 'error',
        invariants: (t.invariants ?? []).map((v) => v.name),
        semantics: semanticBadges(eventByName.get(t.event), duplicates),
        offset,
        loop,
        active,
        dimmed: dimmed.has(i),
      },
    });
  });
  return edges;
}

/** `[guard] / x := e, y := f`: the label after the event name. */
export function transitionDetail(t: TransitionJson): string {
  const parts: string[] = [];
  if (t.guard && t.guard.trim() !== '') parts.push(`[${t.guard}]`);
  const updates = Object.entries(t.updates ?? {});
  if (updates.length) parts.push(`/ ${updates.map(([k, e]) => `${k} := ${e}`).join(', ')}`);
  return parts.join(' ');
}
