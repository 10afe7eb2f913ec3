import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { RESTART_EVENT } from '../../../model/restartEvent';
import type { RoleJson, TransitionJsonV2 } from '../../../model/v2/schema';
import type { TransitionJson } from '../../../model/schema';
import type { Point } from '../../../store/designEdits';
import type { RoleOverlay } from '../../../store/v2/roleOverlay';
import { fromStates } from '../../../store/v2/designEditsV2';
import { edgeBetween, selfLoop, type Box, type EdgeShape, type LabelRoom } from '../../canvas/edgeGeometry';

/** What a state node of a role canvas draws. */
export interface RoleStateData extends Record<string, unknown> {
  readonly role: string;
  readonly name: string;
  readonly initial: boolean;
  readonly final: boolean;
  readonly durable: boolean;
  readonly recovery: boolean;
  /** Instances in this state during a run (`RM[2]`), from the overlay. */
  readonly instances: readonly string[];
  readonly dimmed: boolean;
  readonly errors: number;
  readonly readOnly: boolean;
}

/** What a transition edge draws: the trigger (`?Prepared`, `Decide`, `↻`), guard, updates and sends. */
export interface RoleTransitionData extends Record<string, unknown> {
  readonly role: string;
  readonly index: number;
  readonly trigger: string;
  readonly detail: string;
  readonly restart: boolean;
  readonly receive: boolean;
  readonly active: boolean;
  readonly enabled: boolean;
  readonly dimmed: boolean;
  readonly errors: number;
  readonly shape: EdgeShape;
  /** One of a state's many self-loops (CROWDED_LOOPS or more): its label shows the trigger only, and the detail when selected or taken. */
  readonly crowded: boolean;
}

export type RoleStateNode = Node<RoleStateData, 'roleState'>;
export type RoleTransitionEdge = Edge<RoleTransitionData, 'roleTransition'>;

export const NODE_SIZE = { width: 130, height: 52 } as const;
const PARALLEL_SPACING = 40;
/** From this many self-loops on one state, their stacked labels would cover each other with their details. */
export const CROWDED_LOOPS = 3;
const NO_OVERLAY: RoleOverlay = { instancesIn: new Map(), enabledTransitions: new Set(), dimmedStates: [], dimmedTransitions: [] };

/** Where a state without a saved position goes until the automatic layout has run. */
export function fallbackPosition(index: number): Point {
  return { x: (index % 6) * 200, y: Math.floor(index / 6) * 120 };
}

const OUTCOME_TEXT: Record<string, string> = { ok: 'ok', error: 'error', timeout: 'timed out (ambiguous)' };

/** `?Prepared` for a receive, the event's name, `↻` for recovery, `Acquire ok` / `Acquire timed out (ambiguous)` for a call's outcome. */
export function triggerText(t: TransitionJsonV2): string {
  if (t.receive !== undefined) return `?${t.receive}`;
  const outcome = t.event === undefined ? null : /^(.+)\.(ok|error|timeout)$/.exec(t.event);
  if (outcome) return `${outcome[1]} ${OUTCOME_TEXT[outcome[2]!]}`;
  return t.event === RESTART_EVENT ? '↻ restart' : (t.event ?? '?');
}

/** Characters of a label's detail shown on the canvas while its transition is not looked at. */
export const DETAIL_SHOWN = 120;

/**
 * The detail a transition's label shows: all of it when the transition is selected or taken; else
 * none on a crowded self-loop, and at most DETAIL_SHOWN characters (then `…`), since a long guard
 * would otherwise cover the state it loops on (the title and the inspector always have it whole).
 */
export function shownDetail(data: Pick<RoleTransitionData, 'detail' | 'crowded'>, lookedAt: boolean): string {
  if (lookedAt) return data.detail;
  if (data.crowded) return '';
  return data.detail.length > DETAIL_SHOWN ? `${data.detail.slice(0, DETAIL_SHOWN - 1)}…` : data.detail;
}

/** `[guard] / x := e ! Commit→all`: what the label shows after the trigger. */
export function transitionDetailV2(t: TransitionJsonV2, receiverOf: (kind: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (t.guard && t.guard.trim() !== '') parts.push(`[${t.guard}]`);
  const updates = Object.entries(t.updates ?? {});
  if (updates.length) parts.push(`/ ${updates.map(([k, e]) => `${k} := ${e}`).join(', ')}`);
  // A send without `to` goes to the receiving role's only instance: named by its role.
  for (const s of t.send ?? []) parts.push(`!${s.message}→${s.toAll ? `all ${receiverOf(s.message) ?? ''}`.trimEnd() : (s.to ?? receiverOf(s.message) ?? '?')}`);
  // A call names its callee role (a call's request is a message to it): `call Lock.Acquire ×2`.
  if (t.call) {
    const args = Object.entries(t.call.payload ?? {});
    const attempts = t.call.retry?.maxAttempts ?? 1;
    parts.push(`call ${receiverOf(t.call.event) ?? '?'}.${t.call.event}${args.length ? `(${args.map(([k, e]) => `${k}=${e}`).join(', ')})` : ''}${t.call.to !== undefined ? `→${t.call.to}` : ''}${attempts > 1 ? ` ×${attempts}` : ''}`);
  }
  // Serving a call: the reply it sends (`↩ok(token=token + 1)`), or none.
  if (t.ack === 'none') parts.push('no reply');
  else if (t.reply !== undefined || t.returns !== undefined) {
    const data = Object.entries(t.returns ?? {});
    parts.push(`↩${t.reply ?? 'ok'}${data.length ? `(${data.map(([k, e]) => `${k}=${e}`).join(', ')})` : ''}`);
  }
  return parts.join(' ');
}

export interface RoleErrorCounts {
  readonly states: ReadonlyMap<number, number>;
  readonly transitions: ReadonlyMap<number, number>;
}

export function toRoleNodes(role: RoleJson, positions: Readonly<Record<string, Point>>, selected: ReadonlySet<string>, overlay: RoleOverlay | undefined, errors: RoleErrorCounts, readOnly: boolean): RoleStateNode[] {
  const o = overlay ?? NO_OVERLAY;
  const recovery = new Set(role.transitions.filter((t) => t.event === RESTART_EVENT).flatMap(fromStates));
  const dimmed = new Set(o.dimmedStates);
  const seen = new Set<string>();
  return role.states.map((s, i) => {
    // A repeated name (an error the loader reports) still gets a node of its own.
    const id = seen.has(s.name) ? `${s.name}#${i}` : s.name;
    seen.add(s.name);
    return {
      id,
      type: 'roleState',
      position: positions[s.name] ?? fallbackPosition(i),
      selected: selected.has(s.name),
      draggable: !readOnly,
      connectable: !readOnly,
      ariaLabel: `State ${role.name}.${s.name}`,
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      data: {
        role: role.name,
        name: s.name,
        initial: s.initial === true,
        final: s.final === true,
        durable: s.storage !== 'volatile',
        recovery: recovery.has(s.name),
        instances: o.instancesIn.get(s.name) ?? [],
        dimmed: dimmed.has(s.name),
        errors: errors.states.get(i) ?? 0,
        readOnly,
      },
    };
  });
}

/** A label's size as the canvas draws it (11 px text, 14 px lines, at most 180 px wide: `.edge-label__event` in theme.css), from its text: enough to keep it off the states. */
const LABEL_FONT = { charWidth: 6.2, line: 14, maxWidth: 180, padding: 12 } as const;

/** The room a label of this text needs, kept off every state's box (`edgeBetween`). */
function labelRoom(boxes: readonly Box[], trigger: string, detail: string): LabelRoom {
  const chars = trigger.length + (detail ? detail.length + 1 : 0);
  const width = Math.min(LABEL_FONT.maxWidth, chars * LABEL_FONT.charWidth + LABEL_FONT.padding);
  const lines = Math.max(1, Math.ceil((chars * LABEL_FONT.charWidth) / (LABEL_FONT.maxWidth - LABEL_FONT.padding)));
  return { boxes, halfWidth: width / 2, halfHeight: (lines * LABEL_FONT.line) / 2 + 1 };
}

/** One edge per (from state, transition); a transition without `to` loops on its state. The label of an edge that runs past another state moves along it off that state (`edgeBetween`); a self-loop's stands above the loop. */
export function toRoleEdges(role: RoleJson, positions: Readonly<Record<string, Point>>, selected: ReadonlySet<number>, overlay: RoleOverlay | undefined, errors: RoleErrorCounts, receiverOf?: (kind: string) => string | undefined): RoleTransitionEdge[] {
  const o = overlay ?? NO_OVERLAY;
  const index = new Map(role.states.map((s, i) => [s.name, i]));
  const box = (name: string): Box => {
    const p = positions[name] ?? fallbackPosition(index.get(name) ?? 0);
    return { x: p.x, y: p.y, ...NODE_SIZE };
  };
  const dimmed = new Set(o.dimmedTransitions);
  const pairs: { t: TransitionJsonV2; i: number; from: string; to: string }[] = [];
  role.transitions.forEach((t, i) => {
    for (const from of fromStates(t)) {
      const to = t.to ?? from;
      if (index.has(from) && index.has(to)) pairs.push({ t, i, from, to });
    }
  });
  const groups = new Map<string, number>();
  const count = new Map<string, number>();
  for (const p of pairs) {
    const key = p.from === p.to ? `loop:${p.from}` : [p.from, p.to].sort().join('\u0000');
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const boxes = role.states.map((st) => box(st.name));
  return pairs.map(({ t, i, from, to }) => {
    const key = from === to ? `loop:${from}` : [from, to].sort().join('\u0000');
    const k = groups.get(key) ?? 0;
    groups.set(key, k + 1);
    const n = count.get(key)!;
    const canonical = (k - (n - 1) / 2) * PARALLEL_SPACING;
    const detail = transitionDetailV2(t, receiverOf);
    const shape = from === to ? selfLoop(box(from), k) : edgeBetween(box(from), box(to), from < to ? canonical : -canonical, labelRoom(boxes, triggerText(t), shownDetail({ detail, crowded: false }, false)));
    const isSelected = selected.has(i);
    const active = o.lastTransition === i;
    return {
      id: `t${i}:${from}`,
      type: 'roleTransition',
      source: from,
      target: to,
      selected: isSelected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: isSelected || active ? 'var(--accent)' : t.event === RESTART_EVENT ? 'var(--restart)' : 'var(--edge)' },
      ariaLabel: `Transition ${i + 1} of ${role.name}: ${from} to ${to} on ${triggerText(t)}`,
      data: {
        role: role.name,
        index: i,
        trigger: triggerText(t),
        detail,
        restart: t.event === RESTART_EVENT,
        receive: t.receive !== undefined,
        active,
        enabled: o.enabledTransitions.has(i),
        dimmed: dimmed.has(i),
        errors: errors.transitions.get(i) ?? 0,
        shape,
        crowded: from === to && n >= CROWDED_LOOPS,
      },
    };
  });
}

/** The role as the version-1 layout (ELK) reads a design: states, and one edge per (from, to). */
export function layoutInput(role: RoleJson): { states: RoleJson['states']; events: []; transitions: TransitionJson[] } {
  return {
    states: role.states,
    events: [],
    transitions: role.transitions.flatMap((t) => fromStates(t).map((from): TransitionJson => ({ from, to: t.to ?? from, event: triggerText(t), ...(t.guard ? { guard: t.guard } : {}), ...(t.updates ? { updates: t.updates } : {}) }))),
  };
}

/**
 * `next` with every element equal in content to the one of the same id in `previous` replaced by
 * that earlier object, and `previous` itself when nothing changed: React Flow then keeps its
 * internal node (no re-measuring) and does not redraw it, so an edit redraws only what it changed.
 */
export function keepUnchanged<T extends { readonly id: string }>(previous: readonly T[], next: T[]): T[] {
  if (previous.length === 0) return next;
  const before = new Map(previous.map((e) => [e.id, e]));
  let same = previous.length === next.length;
  const out = next.map((e, i) => {
    const old = before.get(e.id);
    const kept = old !== undefined && sameValue(old, e, 0) ? old : e;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? (previous as T[]) : out;
}

/** Equal plain data (objects, arrays, primitives), a few levels deep. */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 3) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || a instanceof Map || a instanceof Set || b instanceof Map || b instanceof Set) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    n++;
    if (!(k in y) || !sameValue(x[k], y[k], depth + 1)) return false;
  }
  for (const _ in y) n--;
  return n === 0;
}

/** Half the room a loop's label takes around its centre: a one-line trigger when crowded, a few lines of detail otherwise. */
const LOOP_LABEL = { halfWidth: 90, crowded: 10, full: 38 } as const;

/**
 * The rectangle a role's drawing covers: its states (at their measured sizes) and the self-loops
 * above them with their labels, which reach beyond the states. Fitting the view to it keeps the
 * loops of a busy state in sight (fitting to the states alone cut them off at the lane's top).
 */
export function roleBounds(nodes: readonly RoleStateNode[], edges: readonly RoleTransitionEdge[]): Box | null {
  if (nodes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const cover = (x1: number, y1: number, x2: number, y2: number): void => {
    left = Math.min(left, x1);
    top = Math.min(top, y1);
    right = Math.max(right, x2);
    bottom = Math.max(bottom, y2);
  };
  for (const n of nodes) cover(n.position.x, n.position.y, n.position.x + (n.measured?.width ?? NODE_SIZE.width), n.position.y + (n.measured?.height ?? NODE_SIZE.height));
  for (const e of edges) {
    if (e.source !== e.target || !e.data) continue;
    const { labelX, labelY } = e.data.shape;
    const half = e.data.crowded ? LOOP_LABEL.crowded : LOOP_LABEL.full;
    // A loop's label stands on its point (`labelAbove`): it reaches 2 × half above it.
    cover(labelX - LOOP_LABEL.halfWidth, labelY - 2 * half, labelX + LOOP_LABEL.halfWidth, labelY);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
