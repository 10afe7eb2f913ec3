import type {
  Design,
  EnvironmentJson,
  EventJson,
  InvariantJson,
  StateJson,
  TransitionJson,
  ValueTypeJson,
  VarJson,
} from '../model/schema';
import { renameReferences } from '../model/rename';

/**
 * Every change a person can make to a design, as data (xyflow-style changes). `applyEdit` is the
 * only writer: pure, structural sharing, never mutates its input. Patches drop keys whose value is
 * `undefined`, so an optional field cleared in the editor leaves the saved file clean.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A piece of a design copied to the clipboard: states with the transitions among them. */
export interface Fragment {
  readonly states: readonly StateJson[];
  readonly transitions: readonly TransitionJson[];
  readonly positions: Readonly<Record<string, Point>>;
}

type Patch<T> = { readonly [K in keyof T]?: T[K] | undefined };

export type DesignEdit =
  | { readonly type: 'setMeta'; readonly name?: string; readonly description?: string | undefined }
  | { readonly type: 'addState'; readonly state: StateJson; readonly position?: Point }
  | { readonly type: 'updateState'; readonly index: number; readonly patch: Patch<StateJson> }
  | { readonly type: 'moveStates'; readonly positions: Readonly<Record<string, Point>> }
  | { readonly type: 'setLayout'; readonly layout: Readonly<Record<string, Point>> }
  | { readonly type: 'addTransition'; readonly transition: TransitionJson }
  | { readonly type: 'updateTransition'; readonly index: number; readonly patch: Patch<TransitionJson> }
  | { readonly type: 'removeSelection'; readonly states: readonly string[]; readonly transitions: readonly number[] }
  | { readonly type: 'paste'; readonly fragment: Fragment; readonly offset: Point }
  | { readonly type: 'addVar'; readonly item: VarJson }
  | { readonly type: 'updateVar'; readonly index: number; readonly patch: Patch<VarJson> }
  | { readonly type: 'removeVar'; readonly index: number }
  | { readonly type: 'addEvent'; readonly item: EventJson }
  | { readonly type: 'updateEvent'; readonly index: number; readonly patch: Patch<EventJson> }
  | { readonly type: 'removeEvent'; readonly index: number }
  | { readonly type: 'addInvariant'; readonly item: InvariantJson }
  | { readonly type: 'updateInvariant'; readonly index: number; readonly patch: Patch<InvariantJson> }
  | { readonly type: 'removeInvariant'; readonly index: number }
  | { readonly type: 'setEnvironment'; readonly environment: EnvironmentJson | undefined }
  | { readonly type: 'replace'; readonly design: Design }
  /** Several edits as one undo step (a new event and the transition that uses it). */
  | { readonly type: 'batch'; readonly edits: readonly DesignEdit[] };

/** Applies one edit; returns the same object when the edit changes nothing. */
export function applyEdit(design: Design, edit: DesignEdit): Design {
  switch (edit.type) {
    case 'setMeta':
      return withPatch(design, { ...('name' in edit ? { name: edit.name } : {}), ...('description' in edit ? { description: edit.description } : {}) });
    case 'addState': {
      const states = [...design.states, edit.state];
      const layout = edit.position ? { ...layoutOf(design), [edit.state.name]: edit.position } : design.layout;
      return { ...design, states, ...(layout ? { layout } : {}) };
    }
    case 'updateState':
      return updateState(design, edit.index, edit.patch);
    case 'moveStates':
      return { ...design, layout: { ...layoutOf(design), ...edit.positions } };
    case 'setLayout':
      return { ...design, layout: { ...edit.layout } };
    case 'addTransition':
      return { ...design, transitions: [...design.transitions, edit.transition] };
    case 'updateTransition':
      return { ...design, transitions: replaceAt(design.transitions, edit.index, (t) => withPatch(t, edit.patch)) };
    case 'removeSelection':
      return removeSelection(design, edit.states, edit.transitions);
    case 'paste':
      return paste(design, edit.fragment, edit.offset).design;
    case 'addVar':
      return { ...design, vars: [...design.vars, edit.item] };
    case 'updateVar':
      return updateVar(design, edit.index, edit.patch);
    case 'removeVar':
      return { ...design, vars: design.vars.filter((_, i) => i !== edit.index) };
    case 'addEvent':
      return { ...design, events: [...design.events, edit.item] };
    case 'updateEvent':
      return updateEvent(design, edit.index, edit.patch);
    case 'removeEvent': {
      const name = design.events[edit.index]?.name;
      // Transitions on a removed event go with it, as a state's transitions go with the state.
      return {
        ...design,
        events: design.events.filter((_, i) => i !== edit.index),
        transitions: design.transitions.filter((t) => t.event !== name),
      };
    }
    case 'addInvariant':
      return { ...design, invariants: [...design.invariants, edit.item] };
    case 'updateInvariant':
      return { ...design, invariants: replaceAt(design.invariants, edit.index, (v) => withPatch(v, edit.patch)) };
    case 'removeInvariant':
      return { ...design, invariants: design.invariants.filter((_, i) => i !== edit.index) };
    case 'setEnvironment': {
      const next = { ...design };
      if (edit.environment === undefined) delete next.environment;
      else next.environment = edit.environment;
      return next;
    }
    case 'replace':
      return edit.design;
    case 'batch':
      return edit.edits.reduce(applyEdit, design);
  }
}

/** Copies `patch` onto `value`, deleting keys whose patched value is `undefined`. */
export function withPatch<T extends object>(value: T, patch: Patch<T>): T {
  const next = { ...value } as Record<string, unknown>;
  for (const [key, v] of Object.entries(patch)) {
    if (v === undefined) delete next[key];
    else next[key] = v;
  }
  return next as T;
}

function replaceAt<T>(items: readonly T[], index: number, f: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? f(item) : item));
}

export function layoutOf(design: Design): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const [name, p] of Object.entries(design.layout ?? {})) {
    if (p && typeof p === 'object' && typeof (p as Point).x === 'number' && typeof (p as Point).y === 'number') {
      out[name] = { x: (p as Point).x, y: (p as Point).y };
    }
  }
  return out;
}

/**
 * Renames follow their references (transitions, layout, update keys and every expression, through
 * the syntax tree: `renameReferences`) only when the new name is free: renaming onto an existing
 * name must not merge two states' transitions irreversibly; the loader then reports the duplicate
 * and the person fixes it. The rename and everything it rewrites are one edit, so one undo step.
 */
function updateState(design: Design, index: number, patch: Patch<StateJson>): Design {
  const old = design.states[index];
  if (!old) return design;
  const renamed = renameOf(old.name, patch.name, design.states, index);
  const base = renamed === null ? design : renameReferences(design, { kind: 'state', from: old.name, to: renamed });
  let states = replaceAt(base.states, index, (s) => withPatch(s, patch));
  // Exactly one initial state: marking one initial clears the others.
  if (patch.initial === true) states = states.map((s, i) => (i !== index && s.initial ? withPatch(s, { initial: undefined }) : s));
  return { ...base, states };
}

function updateVar(design: Design, index: number, patch: Patch<VarJson>): Design {
  const old = design.vars[index];
  if (!old) return design;
  let base = design;
  const value = patch.type === undefined ? null : renamedValue(old.type, patch.type);
  if (value) base = renameReferences(base, { kind: 'enumValue', owner: old.name, ...value });
  const renamed = renameOf(old.name, patch.name, design.vars, index);
  if (renamed !== null) base = renameReferences(base, { kind: 'var', from: old.name, to: renamed });
  return { ...base, vars: replaceAt(base.vars, index, (v) => withPatch(v, patch)) };
}

function updateEvent(design: Design, index: number, patch: Patch<EventJson>): Design {
  const old = design.events[index];
  if (!old) return design;
  let base = design;
  // Payload edits come as the whole list; a field renamed in place, or one enum value renamed in
  // a field's type, is followed (values first: they are typed by the field's old name).
  if (patch.payload !== undefined && old.payload && patch.payload.length === old.payload.length) {
    const fields = old.payload;
    patch.payload.forEach((f, k) => {
      const before = fields[k]!;
      const value = renamedValue(before.type, f.type);
      if (value) base = renameReferences(base, { kind: 'enumValue', owner: `${old.name}.${before.name}`, ...value });
    });
    patch.payload.forEach((f, k) => {
      const renamed = renameOf(fields[k]!.name, f.name, fields, k);
      if (renamed !== null) base = renameReferences(base, { kind: 'field', event: old.name, from: fields[k]!.name, to: renamed });
    });
  }
  const renamed = renameOf(old.name, patch.name, design.events, index);
  if (renamed !== null) base = renameReferences(base, { kind: 'event', from: old.name, to: renamed });
  return { ...base, events: replaceAt(base.events, index, (e) => withPatch(e, patch)) };
}

/** The new name when `index`'s item is renamed onto a name no other item has, else null. */
function renameOf(old: string, next: string | undefined, items: readonly { readonly name: string }[], index: number): string | null {
  if (next === undefined || next === old) return null;
  return items.some((item, i) => i !== index && item.name === next) ? null : next;
}

/** One enum value renamed in place (same length, one position differs, the new value is new). */
function renamedValue(before: ValueTypeJson, after: ValueTypeJson): { from: string; to: string } | null {
  if (typeof before !== 'object' || typeof after !== 'object' || !('enum' in before) || !('enum' in after)) return null;
  if (before.enum.length !== after.enum.length) return null;
  const changed = before.enum.flatMap((v, i) => (after.enum[i] === v ? [] : [i]));
  if (changed.length !== 1) return null;
  const from = before.enum[changed[0]!]!;
  const to = after.enum[changed[0]!]!;
  return before.enum.includes(to) ? null : { from, to };
}

/** Removes states with every transition touching them, and the listed transitions: one step. */
function removeSelection(design: Design, stateNames: readonly string[], transitionIndices: readonly number[]): Design {
  const gone = new Set(stateNames);
  const goneT = new Set(transitionIndices);
  const states = design.states.filter((s) => !gone.has(s.name));
  const transitions = design.transitions.filter((t, i) => !goneT.has(i) && !gone.has(t.from) && !gone.has(t.to));
  const next: Design = { ...design, states, transitions };
  if (design.layout) {
    const layout: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(design.layout)) if (!gone.has(k)) layout[k] = p;
    next.layout = layout;
  }
  return next;
}

/** The states named, with the transitions whose both ends are among them. */
export function copyFragment(design: Design, stateNames: readonly string[]): Fragment {
  const names = new Set(stateNames);
  const layout = layoutOf(design);
  const positions: Record<string, Point> = {};
  for (const n of names) if (layout[n]) positions[n] = layout[n];
  return {
    states: design.states.filter((s) => names.has(s.name)),
    transitions: design.transitions.filter((t) => names.has(t.from) && names.has(t.to)),
    positions,
  };
}

/**
 * Adds a fragment, renaming states that clash (`Idle` → `Idle_2`) and dropping `initial` (a design
 * has one initial state) and transition ids (unique when present). Returns the new names too.
 */
export function paste(design: Design, fragment: Fragment, offset: Point): { design: Design; names: string[] } {
  const taken = new Set(design.states.map((s) => s.name));
  const renames = new Map<string, string>();
  for (const s of fragment.states) {
    const name = freeName(s.name, taken);
    taken.add(name);
    renames.set(s.name, name);
  }
  const states = fragment.states.map((s) => withPatch(s, { name: renames.get(s.name) ?? s.name, initial: undefined }));
  const transitions = fragment.transitions.map((t) =>
    withPatch(t, { from: renames.get(t.from) ?? t.from, to: renames.get(t.to) ?? t.to, id: undefined }),
  );
  const layout = layoutOf(design);
  fragment.states.forEach((s, i) => {
    const p = fragment.positions[s.name] ?? { x: 0, y: i * 80 };
    layout[renames.get(s.name) ?? s.name] = { x: p.x + offset.x, y: p.y + offset.y };
  });
  return {
    design: { ...design, states: [...design.states, ...states], transitions: [...design.transitions, ...transitions], layout },
    names: states.map((s) => s.name),
  };
}

/** `base` when free, else `base_2`, `base_3`, … */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base}_${k}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A fresh name `PrefixN` not yet used. */
export function nextName(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let k = 1; ; k++) if (!set.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

/** The empty design a new document starts from. */
export function emptyDesign(name = 'Untitled protocol'): Design {
  return { format: 'protocol-studio', version: 1, name, vars: [], states: [], events: [], transitions: [], invariants: [] };
}
