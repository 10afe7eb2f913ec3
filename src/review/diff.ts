import type { CheckResult } from '../engine/result';
import type { Model } from '../model/model';
import type { Design } from '../model/schema';
import {
  designDiagram,
  edgeLabel,
  positions,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type Mark,
} from './diagramSvg';

/**
 * What changed between two versions of a design, element by element: states, vars and events
 * and invariants matched by name, transitions by `id` (else by from, event, to and their order),
 * and the environment with its defaults filled in. Pure; works on the loaded designs (`x-` keys
 * set aside, so silences and editor metadata are not changes).
 */

export type ElementKind =
  | 'design'
  | 'state'
  | 'var'
  | 'event'
  | 'transition'
  | 'invariant'
  | 'environment'
  // Version 2 (`./v2/diffV2.ts`).
  | 'role'
  | 'message';

export interface Change {
  readonly kind: Mark;
  readonly element: ElementKind;
  /** The element's name (a transition: its id or `from → to on event`). */
  readonly name: string;
  /** For `changed`: one line per field, `guard: "a" → "b"`. */
  readonly details: readonly string[];
}

export interface DesignDiff {
  readonly changes: readonly Change[];
  /** Both versions drawn as one: added and changed from the new one, removed from the old. */
  readonly diagram: Diagram;
}

export type Obj = Record<string, unknown>;

const show = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));

export function fieldChanges(a: Obj, b: Obj, skip: readonly string[] = []): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !skip.includes(k) && !k.startsWith('x-'),
  );
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${show(a[k])} → ${show(b[k])}`);
}

export function byName<T extends { name: string }>(
  element: ElementKind,
  before: readonly T[],
  after: readonly T[],
): Change[] {
  const out: Change[] = [];
  const old = new Map(before.map((x) => [x.name, x]));
  const now = new Map(after.map((x) => [x.name, x]));
  for (const x of after) {
    const o = old.get(x.name);
    if (!o) out.push({ kind: 'added', element, name: x.name, details: [] });
    else {
      const details = fieldChanges(o as unknown as Obj, x as unknown as Obj, ['name']);
      if (details.length) out.push({ kind: 'changed', element, name: x.name, details });
    }
  }
  for (const x of before)
    if (!now.has(x.name)) out.push({ kind: 'removed', element, name: x.name, details: [] });
  return out;
}

type Transition = Design['transitions'][number];

/** A transition's matching key: its id, else from/event/to with its rank among equal triples. */
function transitionKeys(ts: readonly Transition[]): string[] {
  const seen = new Map<string, number>();
  return ts.map((t) => {
    if (t.id !== undefined) return `id:${t.id}`;
    const triple = `${t.from}\u0000${t.event}\u0000${t.to}`;
    const k = seen.get(triple) ?? 0;
    seen.set(triple, k + 1);
    return `${triple}\u0000${k}`;
  });
}

export function transitionName(t: Transition): string {
  return t.id ?? `${t.from} → ${t.to} on ${t.event}`;
}

function environmentFigures(m: Model): Obj {
  const e = m.environment;
  return {
    requests: e.requests,
    drop: e.drop,
    duplicate: e.duplicate,
    reorder: e.reorder,
    crashes: e.crashes,
    deadlock: e.deadlock,
    replay: e.replay,
  };
}

export function diffDesigns(before: Model, after: Model): DesignDiff {
  const a = before.design;
  const b = after.design;
  const changes: Change[] = [];
  const meta = fieldChanges(
    { name: a.name, description: a.description },
    { name: b.name, description: b.description },
  );
  if (meta.length) changes.push({ kind: 'changed', element: 'design', name: b.name, details: meta });
  changes.push(
    ...byName('state', a.states, b.states),
    ...byName('var', a.vars, b.vars),
    ...byName('event', a.events, b.events),
  );

  const oldKeys = transitionKeys(a.transitions);
  const newKeys = transitionKeys(b.transitions);
  const oldByKey = new Map(oldKeys.map((k, i) => [k, a.transitions[i]!]));
  const newKeySet = new Set(newKeys);
  const edgeMarks: (Mark | undefined)[] = [];
  b.transitions.forEach((t, i) => {
    const o = oldByKey.get(newKeys[i]!);
    if (!o) {
      changes.push({ kind: 'added', element: 'transition', name: transitionName(t), details: [] });
      edgeMarks.push('added');
      return;
    }
    const details = fieldChanges(o as unknown as Obj, t as unknown as Obj, ['id']);
    if (details.length)
      changes.push({ kind: 'changed', element: 'transition', name: transitionName(t), details });
    edgeMarks.push(details.length ? 'changed' : undefined);
  });
  const removedTransitions = a.transitions.filter((_, i) => !newKeySet.has(oldKeys[i]!));
  for (const t of removedTransitions)
    changes.push({ kind: 'removed', element: 'transition', name: transitionName(t), details: [] });

  changes.push(...byName('invariant', a.invariants, b.invariants));
  const env = fieldChanges(environmentFigures(before), environmentFigures(after));
  if (env.length)
    changes.push({ kind: 'changed', element: 'environment', name: 'environment', details: env });

  return { changes, diagram: mergedDiagram(a, b, changes, edgeMarks, removedTransitions) };
}

function mergedDiagram(
  a: Design,
  b: Design,
  changes: readonly Change[],
  edgeMarks: readonly (Mark | undefined)[],
  removed: readonly Transition[],
): Diagram {
  const stateMark = new Map(changes.filter((c) => c.element === 'state').map((c) => [c.name, c.kind]));
  const now = designDiagram(b);
  const oldAt = positions(a);
  const nodes: DiagramNode[] = now.nodes.map((n) => {
    const mark = stateMark.get(n.name);
    return mark ? { ...n, mark } : n;
  });
  for (const s of a.states) {
    if (stateMark.get(s.name) === 'removed')
      nodes.push({
        name: s.name,
        ...oldAt.get(s.name)!,
        initial: s.initial === true,
        final: s.final === true,
        mark: 'removed',
      });
  }
  // A transition on a changed event behaves differently even when its own fields did not change.
  const changedEvents = new Set(
    changes.filter((c) => c.element === 'event' && c.kind === 'changed').map((c) => c.name),
  );
  const edges: DiagramEdge[] = now.edges.map((e, i) => {
    const mark = edgeMarks[i] ?? (changedEvents.has(b.transitions[i]!.event) ? 'changed' : undefined);
    return mark ? { ...e, mark } : e;
  });
  for (const t of removed) edges.push({ from: t.from, to: t.to, label: edgeLabel(t), mark: 'removed' });
  return { nodes, edges };
}

/** One row of the results compared side by side. */
export interface ResultRow {
  readonly figure: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

export function compareResults(before: CheckResult, after: CheckResult): ResultRow[] {
  return resultRows(before, after, [
    ['outcome ok', String(before.outcomes.ok), String(after.outcomes.ok)],
    ['outcome error', String(before.outcomes.error), String(after.outcomes.error)],
    ['outcome ambiguous', String(before.outcomes.ambiguous), String(after.outcomes.ambiguous)],
  ]);
}

/** What both formats' results have, as `compareResults` reads it. */
type ResultFigures = Pick<CheckResult, 'verdict' | 'states' | 'transitions' | 'depth'> & {
  readonly violations: readonly { readonly kind: string; readonly name: string; readonly depth: number }[];
  readonly coverage: { readonly states: { readonly unreached: readonly string[] }; readonly transitions: { readonly unreached: readonly string[] } };
};

/**
 * What a check did not reach. Only an exhaustive search (`ok`) shows what cannot be reached; one
 * that stopped at a violation or a limit says so, as the review checklist does.
 */
function unreached(r: ResultFigures, names: readonly string[]): string {
  if (names.length === 0) return 'none';
  return r.verdict === 'ok' ? names.join(', ') : `not reached before the search stopped: ${names.join(', ')}`;
}

/** Both checks' figures side by side (both formats): `middle` rows after the violations, `tail` rows after what stayed unreached. */
export function resultRows(
  before: ResultFigures,
  after: ResultFigures,
  middle: readonly [string, string, string][],
  tail: readonly [string, string, string][] = [],
): ResultRow[] {
  const violations = (r: ResultFigures) =>
    r.violations.length ? r.violations.map((v) => `${v.kind} ${v.name} (depth ${v.depth})`).join('; ') : 'none';
  const rows: [string, string, string][] = [
    ['verdict', before.verdict, after.verdict],
    ['configurations', String(before.states), String(after.states)],
    ['transitions tried', String(before.transitions), String(after.transitions)],
    ['depth', String(before.depth), String(after.depth)],
    ['violations', violations(before), violations(after)],
    ...middle,
    ['unreached states', unreached(before, before.coverage.states.unreached), unreached(after, after.coverage.states.unreached)],
    ['unreached transitions', unreached(before, before.coverage.transitions.unreached), unreached(after, after.coverage.transitions.unreached)],
    ...tail,
  ];
  return rows.map(([figure, b, a]) => ({ figure, before: b, after: a, changed: a !== b }));
}

/** The diff and the results as text for a terminal (the CLI's `diff`). Names are identifiers or printed with JSON quotes. */
export function diffText(
  diff: Pick<DesignDiff, 'changes'>,
  rows: readonly ResultRow[] | null,
  labels: { before: string; after: string },
): string {
  const out: string[] = [];
  if (diff.changes.length === 0) out.push('No changes to the design.');
  for (const c of diff.changes) {
    const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~';
    out.push(`${sign} ${c.element} ${c.name}${c.kind === 'changed' ? '' : ` (${c.kind})`}`);
    for (const d of c.details) out.push(`    ${d}`);
  }
  if (rows) {
    out.push('');
    const w0 = Math.max(...rows.map((r) => r.figure.length), 6);
    // Values wider than 40 characters may stick out; the header (often a file path) never does.
    const w1 = Math.max(labels.before.length, Math.min(40, Math.max(...rows.map((r) => r.before.length))));
    out.push(`${'check'.padEnd(w0)}  ${labels.before.padEnd(w1)}  ${labels.after}`);
    for (const r of rows)
      out.push(`${r.figure.padEnd(w0)}  ${r.before.padEnd(w1)}  ${r.after}${r.changed ? '   *' : ''}`);
  }
  return `${out.join('\n')}\n`;
}
