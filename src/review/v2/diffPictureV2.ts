import type { DesignV2, RoleJson, TransitionJsonV2 } from '../../model/v2/schema';
import { fieldChanges, type Obj } from '../diff';
import type { Diagram, DiagramEdge, DiagramNode, Mark } from '../diagramSvg';
import { transitionKeys } from './diffV2';
import { roleDiagram } from './reportV2';

/**
 * The picture of a change between two versions of a design of several participants: one state
 * diagram per role (the report's, `roleDiagram`), drawn as version 1's diff draws its one
 * machine (`src/review/diff.ts`): added states and transitions green, removed ones red and
 * dashed where they were, changed ones amber; a role added is drawn all green, a role removed
 * all red. Matching is `diffDesignsV2`'s (states by name, transitions by `transitionKeys`).
 * Rendered with `diagramSvg`, which escapes every name.
 */
export interface RolePictureV2 {
  readonly role: string;
  /** The role itself: added, removed, changed (anything in it or on it), or unchanged. */
  readonly mark: Mark | 'unchanged';
  readonly diagram: Diagram;
  /** How many states and transitions (edges: one per source state) are added, removed and changed, for the picture's text alternative. */
  readonly counts: Readonly<Record<Mark, { readonly states: number; readonly transitions: number }>>;
}

const fromList = (t: TransitionJsonV2) => (Array.isArray(t.from) ? t.from : [t.from]);

function layoutOf(design: DesignV2, role: string): unknown {
  const layout = design.layout;
  return typeof layout === 'object' && layout !== null && Object.hasOwn(layout, role) ? (layout as Record<string, unknown>)[role] : undefined;
}

function marked(diagram: Diagram, mark: Mark): Diagram {
  return { nodes: diagram.nodes.map((n) => ({ ...n, mark })), edges: diagram.edges.map((e) => ({ ...e, mark })) };
}

function count(diagram: Diagram): RolePictureV2['counts'] {
  const counts = { added: { states: 0, transitions: 0 }, removed: { states: 0, transitions: 0 }, changed: { states: 0, transitions: 0 } };
  for (const n of diagram.nodes) if (n.mark) counts[n.mark].states += 1;
  for (const e of diagram.edges) if (e.mark) counts[e.mark].transitions += 1;
  return counts;
}

const touched = (c: RolePictureV2['counts']) => (['added', 'removed', 'changed'] as const).some((m) => c[m].states + c[m].transitions > 0);

/** One role in both versions: the new diagram with marks, plus what was removed where it stood. */
function rolePicture(a: RoleJson, b: RoleJson, before: DesignV2, after: DesignV2): Diagram {
  const now = roleDiagram(b, layoutOf(after, b.name));
  const old = roleDiagram(a, layoutOf(before, a.name));
  const oldStates = new Map(a.states.map((s) => [s.name, s]));
  const newStates = new Set(b.states.map((s) => s.name));
  const nodes: DiagramNode[] = now.nodes.map((n, k) => {
    const o = oldStates.get(n.name);
    const mark: Mark | undefined = !o ? 'added' : fieldChanges(o as Obj, b.states[k]! as Obj).length ? 'changed' : undefined;
    return mark ? { ...n, mark } : n;
  });
  for (const n of old.nodes) if (!newStates.has(n.name)) nodes.push({ ...n, mark: 'removed' });
  // A transition on a changed event behaves differently even when its own fields did not change (version 1's rule).
  const oldEvents = new Map((a.events ?? []).map((e) => [e.name, e]));
  const changedEvents = new Set((b.events ?? []).filter((e) => oldEvents.has(e.name) && fieldChanges(oldEvents.get(e.name)! as Obj, e as Obj).length).map((e) => e.name));
  const oldKeys = transitionKeys(a);
  const newKeys = transitionKeys(b);
  const oldByKey = new Map(oldKeys.map((key, k) => [key, a.transitions[k]!]));
  const kept = new Set(newKeys);
  const edges: DiagramEdge[] = [];
  b.transitions.forEach((t, k) => {
    const o = oldByKey.get(newKeys[k]!);
    const mark: Mark | undefined = !o ? 'added' : fieldChanges(o as Obj, t as Obj, ['id']).length || (t.event !== undefined && changedEvents.has(t.event)) ? 'changed' : undefined;
    // `roleDiagram` draws one edge per source state, in the transitions' order.
    const first = b.transitions.slice(0, k).reduce((n, x) => n + fromList(x).length, 0);
    for (let j = 0; j < fromList(t).length; j++) {
      const e = now.edges[first + j]!;
      edges.push(mark ? { ...e, mark } : e);
    }
  });
  a.transitions.forEach((t, k) => {
    if (kept.has(oldKeys[k]!)) return;
    const first = a.transitions.slice(0, k).reduce((n, x) => n + fromList(x).length, 0);
    for (let j = 0; j < fromList(t).length; j++) edges.push({ ...old.edges[first + j]!, mark: 'removed' });
  });
  return { nodes, edges };
}

/** Every role of either version, in the new version's order, then the roles removed. */
export function diffPicturesV2(before: DesignV2, after: DesignV2): RolePictureV2[] {
  const out: RolePictureV2[] = [];
  for (const b of after.roles) {
    const a = before.roles.find((r) => r.name === b.name);
    if (!a) {
      const diagram = marked(roleDiagram(b, layoutOf(after, b.name)), 'added');
      out.push({ role: b.name, mark: 'added', diagram, counts: count(diagram) });
      continue;
    }
    const diagram = rolePicture(a, b, before, after);
    const counts = count(diagram);
    const own = fieldChanges({ instances: a.instances ?? 1, crashes: a.crashes, vars: a.vars, events: a.events, invariants: a.invariants, description: a.description }, { instances: b.instances ?? 1, crashes: b.crashes, vars: b.vars, events: b.events, invariants: b.invariants, description: b.description });
    const changed = own.length > 0 || touched(counts);
    out.push({ role: b.name, mark: changed ? 'changed' : 'unchanged', diagram, counts });
  }
  for (const a of before.roles) {
    if (after.roles.some((r) => r.name === a.name)) continue;
    const diagram = marked(roleDiagram(a, layoutOf(before, a.name)), 'removed');
    out.push({ role: a.name, mark: 'removed', diagram, counts: count(diagram) });
  }
  return out;
}

/** The picture's text alternative: `Role Lock (changed): 1 state added, 2 transitions changed`. */
export function pictureSummaryV2(p: RolePictureV2): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = (['added', 'removed', 'changed'] as const).flatMap((m) => [
    ...(p.counts[m].states ? [`${plural(p.counts[m].states, 'state')} ${m}`] : []),
    ...(p.counts[m].transitions ? [`${plural(p.counts[m].transitions, 'transition')} ${m}`] : []),
  ]);
  if (p.mark !== 'changed') return `Role ${p.role} (${p.mark})`;
  return `Role ${p.role} (changed): ${parts.length ? parts.join(', ') : 'its vars, events, invariants or settings'}`;
}
