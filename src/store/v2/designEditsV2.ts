import { highlightExpression } from '../../model/expr/tokens';
import { parsePointer } from '../../model/pointer';
import { mapLevels, type DesignV2, type RoleJson, type TransitionJsonV2, type VarJsonV2 } from '../../model/v2/schema';
import type { Point } from '../designEdits';
import { renameQuantifiedFieldIn, renameQuantifiedKindIn, renameStateIn, renameVarIn, type ExpressionPlace } from './referenceRenames';

/**
 * Every change to a version-2 design, as data. Most are generic and addressed by JSON Pointer
 * (`set`, `insert`, `remove`), so a form binds to a pointer and a new key of the format (calls,
 * per-link networks) needs a form, not a new edit. Renames and removals that must keep
 * references whole are their own edits. `applyEditV2` is pure, shares structure and returns
 * the same object when nothing changed.
 */
export type DesignEditV2 =
  /** Sets the value at a pointer (`undefined` removes an object key); missing objects on the way are made. */
  | { readonly type: 'set'; readonly path: string; readonly value: unknown }
  /** Appends to the array at `path` (made when missing), or inserts before index `at`. */
  | { readonly type: 'insert'; readonly path: string; readonly value: unknown; readonly at?: number }
  /** Removes an array element or object key; an array left empty at an optional key is removed too. */
  | { readonly type: 'remove'; readonly path: string }
  | { readonly type: 'renameRole'; readonly role: number; readonly name: string }
  | { readonly type: 'renameState'; readonly role: number; readonly state: number; readonly name: string }
  | { readonly type: 'renameVar'; readonly role: number; readonly var: number; readonly name: string }
  | { readonly type: 'renameMessage'; readonly message: number; readonly name: string }
  | { readonly type: 'renameEvent'; readonly role: number; readonly event: number; readonly name: string }
  /** A payload field of a message kind or of a role's event, with the sends that fill it and the `event.F` that read it. */
  | { readonly type: 'renameField'; readonly owner: FieldOwner; readonly field: number; readonly name: string }
  /** A role with the message kinds from or to it and its layout. */
  | { readonly type: 'removeRole'; readonly role: number }
  /** States of one role with every transition from or to them, and transitions by index. */
  | { readonly type: 'removeElements'; readonly role: number; readonly states: readonly string[]; readonly transitions: readonly number[] }
  | { readonly type: 'moveStates'; readonly role: string; readonly positions: Readonly<Record<string, Point>> }
  /** Several edits as one undo step. */
  | { readonly type: 'batch'; readonly edits: readonly DesignEditV2[] };

/**
 * Whose payload field: a message kind's (by index), or an event's of a role (by indexes); with
 * `returns`, a field of a call event's reply data (`returns`) rather than of its payload.
 */
export type FieldOwner = { readonly message: number } | { readonly role: number; readonly event: number; readonly returns?: boolean };

/** Keys that may be left out when their array is empty (keeps saved files clean). */
const OPTIONAL_ARRAYS = new Set(['messages', 'invariants', 'vars', 'events', 'payload', 'send']);

export function applyEditV2(design: DesignV2, edit: DesignEditV2): DesignV2 {
  switch (edit.type) {
    case 'set':
      return setIn(design, parsePointer(edit.path), edit.value) as DesignV2;
    case 'insert': {
      const tokens = parsePointer(edit.path);
      const current = getIn(design, tokens);
      const list = Array.isArray(current) ? [...current] : [];
      list.splice(edit.at ?? list.length, 0, edit.value);
      return setIn(design, tokens, list) as DesignV2;
    }
    case 'remove':
      return removeIn(design, parsePointer(edit.path));
    case 'renameRole':
      return renameRole(design, edit.role, edit.name);
    case 'renameState':
      return renameState(design, edit.role, edit.state, edit.name);
    case 'renameVar':
      return renameVar(design, edit.role, edit.var, edit.name);
    case 'renameMessage':
      return renameMessage(design, edit.message, edit.name);
    case 'renameEvent':
      return renameEvent(design, edit.role, edit.event, edit.name);
    case 'renameField':
      return renameField(design, edit.owner, edit.field, edit.name);
    case 'removeRole':
      return removeRole(design, edit.role);
    case 'removeElements':
      return removeElements(design, edit.role, edit.states, edit.transitions);
    case 'moveStates': {
      const layout = { ...(design.layout ?? {}) };
      layout[edit.role] = { ...roleLayout(design, edit.role), ...edit.positions };
      return { ...design, layout };
    }
    case 'batch':
      return edit.edits.reduce(applyEditV2, design);
  }
}

/** The value at a pointer, or undefined. */
export function valueAt(design: unknown, path: string): unknown {
  return getIn(design, parsePointer(path));
}

function getIn(value: unknown, tokens: readonly string[]): unknown {
  let at = value;
  for (const t of tokens) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[t];
  }
  return at;
}

function setIn(value: unknown, tokens: readonly string[], next: unknown): unknown {
  if (tokens.length === 0) return next;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (head === '__proto__') return value;
  if (Array.isArray(value)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i > value.length) return value;
    const child = setIn(value[i], rest, next);
    if (child === value[i]) return value;
    const copy = [...value];
    if (child === undefined && rest.length === 0) copy.splice(i, 1);
    else copy[i] = child;
    return copy;
  }
  const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const child = setIn(object[head], rest, next);
  if (child === object[head] && (child !== undefined || !(head in object))) return value;
  const copy = { ...object };
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy;
}

function removeIn(design: DesignV2, tokens: readonly string[]): DesignV2 {
  if (tokens.length === 0) return design;
  const parentTokens = tokens.slice(0, -1);
  const parent = getIn(design, parentTokens);
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) return design;
    const list = parent.filter((_, k) => k !== i);
    const key = parentTokens[parentTokens.length - 1];
    const drop = list.length === 0 && key !== undefined && OPTIONAL_ARRAYS.has(key);
    return setIn(design, parentTokens, drop ? undefined : list) as DesignV2;
  }
  return setIn(design, tokens, undefined) as DesignV2;
}

/** Saved positions of one role's states (`layout[role][state]`). */
export function roleLayout(design: Pick<DesignV2, 'layout'>, role: string): Record<string, Point> {
  const raw = (design.layout ?? {})[role];
  const out: Record<string, Point> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [name, p] of Object.entries(raw as Record<string, unknown>)) {
    if (p && typeof p === 'object' && typeof (p as Point).x === 'number' && typeof (p as Point).y === 'number') out[name] = { x: (p as Point).x, y: (p as Point).y };
  }
  return out;
}

/** The states a transition leaves from (`from` is one name or a list). */
export function fromStates(t: TransitionJsonV2): readonly string[] {
  return typeof t.from === 'string' ? [t.from] : t.from;
}

const mapRoles = (design: DesignV2, f: (role: RoleJson, index: number) => RoleJson): DesignV2 => {
  let changed = false;
  const roles = design.roles.map((r, i) => {
    const next = f(r, i);
    if (next !== r) changed = true;
    return next;
  });
  return changed ? { ...design, roles } : design;
};

const mapTransitions = (role: RoleJson, f: (t: TransitionJsonV2) => TransitionJsonV2): RoleJson => {
  let changed = false;
  const transitions = role.transitions.map((t) => {
    const next = f(t);
    if (next !== t) changed = true;
    return next;
  });
  return changed ? { ...role, transitions } : role;
};

/** Replaces the name token `from` by `to` in an expression (not inside quotes). */
export function renameInExpression(text: string, from: string, to: string): string {
  const tokens = highlightExpression(text).filter((t) => t.kind === 'name' && t.text === from);
  if (tokens.length === 0) return text;
  let out = '';
  let at = 0;
  for (const t of tokens) {
    out += text.slice(at, t.start - 1) + to;
    at = t.end - 1;
  }
  return out + text.slice(at);
}

/** Every expression of a transition (guard, update keys and values, sends, invariants, a call's target and payload, returns) through `f`. */
function mapTransitionExpressions(t: TransitionJsonV2, f: (e: string) => string): TransitionJsonV2 {
  const next: TransitionJsonV2 = { ...t };
  if (t.guard !== undefined) next.guard = f(t.guard);
  if (t.updates) next.updates = Object.fromEntries(Object.entries(t.updates).map(([k, v]) => [f(k), f(v)]));
  if (t.send)
    next.send = t.send.map((s) => ({
      ...s,
      ...(s.to !== undefined ? { to: f(s.to) } : {}),
      ...(s.except ? { except: s.except.map(f) } : {}),
      ...(s.payload ? { payload: Object.fromEntries(Object.entries(s.payload).map(([k, v]) => [k, f(v)])) } : {}),
    }));
  if (t.invariants) next.invariants = t.invariants.map((v) => ({ ...v, expr: f(v.expr) }));
  if (t.returns) next.returns = Object.fromEntries(Object.entries(t.returns).map(([k, v]) => [k, f(v)]));
  if (t.call) next.call = { ...t.call, ...(t.call.to !== undefined ? { to: f(t.call.to) } : {}), ...(t.call.payload ? { payload: Object.fromEntries(Object.entries(t.call.payload).map(([k, v]) => [k, f(v)])) } : {}) };
  return JSON.stringify(next) === JSON.stringify(t) ? t : next;
}

/** Every expression of the design through `f`, told where it stands: transitions, role and design invariants, `initially`. */
export function mapDesignExpressions(design: DesignV2, f: (text: string, place: ExpressionPlace) => string): DesignV2 {
  const out = mapRoles(design, (r) => {
    const withTransitions = mapTransitions(r, (t) => mapTransitionExpressions(t, (e) => f(e, { role: r, transition: t })));
    if (!r.invariants) return withTransitions;
    const invariants = r.invariants.map((v) => {
      const expr = f(v.expr, { role: r });
      return expr === v.expr ? v : { ...v, expr };
    });
    return invariants.every((v, i) => v === r.invariants![i]) ? withTransitions : { ...withTransitions, invariants };
  });
  const invariants = design.invariants?.map((v) => {
    const expr = f(v.expr, { role: null });
    return expr === v.expr ? v : { ...v, expr };
  });
  const initially = design.initially === undefined ? undefined : f(design.initially, { role: null });
  if (invariants?.every((v, i) => v === design.invariants![i]) !== false && initially === design.initially) return out;
  return { ...out, ...(invariants ? { invariants } : {}), ...(initially !== undefined ? { initially } : {}) };
}

function free(names: readonly string[], name: string, own: number): boolean {
  return name !== '' && names.every((n, i) => i === own || n !== name);
}

/**
 * A role renamed with its references: message and link ends, id and map types, id vars' initial
 * instances, symmetry, layout, names in expressions (`initially` too).
 */
function renameRole(design: DesignV2, index: number, name: string): DesignV2 {
  const role = design.roles[index];
  if (!role || role.name === name) return design;
  const old = role.name;
  const renamed = mapRoles(design, (r, i) => (i === index ? { ...r, name } : r));
  // Onto a taken name only the name changes (the loader reports the clash); references stay.
  if (!free(design.roles.map((r) => r.name), name, index)) return renamed;
  const type = (t: unknown): unknown => {
    if (!t || typeof t !== 'object') return t;
    if ('id' in t && (t as { id: string }).id === old) return { id: name };
    if ('map' in t) {
      const m = (t as { map: { from: string; to: unknown } }).map;
      return { map: { from: m.from === old ? name : m.from, to: type(m.to) } };
    }
    if ('set' in t) return { ...t, set: type((t as { set: unknown }).set) };
    return t;
  };
  const fields = <F extends { type: unknown }>(list: readonly F[] | undefined): F[] | undefined => list?.map((f) => ({ ...f, type: type(f.type) }) as F);
  const expr = (e: string) => renameInExpression(e, old, name);
  // An id var's initial value names an instance: `RM[2]`, or `TM` for a role of one instance.
  // A set's value is a list of them, and a var's several initial values a list of those.
  const instance = (v: unknown): unknown => (Array.isArray(v) ? v.map(instance) : typeof v === 'string' && (v === old || v.startsWith(`${old}[`)) ? name + v.slice(old.length) : v);
  const namesInstance = (t: unknown): boolean =>
    !!t &&
    typeof t === 'object' &&
    (('id' in t && (t as { id: string }).id === name) || ('map' in t && namesInstance((t as { map: { to: unknown } }).map.to)) || ('set' in t && namesInstance((t as { set: unknown }).set)));
  const initial = (v: VarJsonV2): VarJsonV2 => {
    const t = type(v.type) as VarJsonV2['type'];
    if (!namesInstance(t)) return { ...v, type: t };
    return { ...v, type: t, initial: instance(v.initial) as VarJsonV2['initial'] };
  };
  const end = (r: string | undefined) => (r === old ? name : r);
  const out: DesignV2 = {
    ...renamed,
    roles: renamed.roles.map((r) => ({
      ...r,
      ...(r.vars ? { vars: r.vars.map(initial) } : {}),
      ...(r.events ? { events: r.events.map((e) => ({ ...e, ...(e.payload ? { payload: fields(e.payload)! } : {}) })) } : {}),
    })),
  };
  if (design.messages) out.messages = design.messages.map((m) => ({ ...m, from: m.from === old ? name : m.from, to: m.to === old ? name : m.to, ...(m.payload ? { payload: fields(m.payload)! } : {}) }));
  if (design.symmetry?.roles) out.symmetry = { ...design.symmetry, roles: design.symmetry.roles.map((r) => end(r)!) };
  const links = design.environment?.network?.links;
  if (links) {
    const network = { ...design.environment!.network!, links: links.map((l) => ({ ...l, ...(l.from !== undefined ? { from: end(l.from) } : {}), ...(l.to !== undefined ? { to: end(l.to) } : {}) })) };
    out.environment = { ...design.environment, network };
  }
  if (design.layout && old in design.layout) {
    const { [old]: positions, ...rest } = design.layout;
    out.layout = { ...rest, [name]: positions };
  }
  return mapDesignExpressions(out, expr);
}

/** A var renamed with every expression that reads or updates it: in its role, and `RM[2].x`, `r.x` anywhere. */
function renameVar(design: DesignV2, roleIndex: number, varIndex: number, name: string): DesignV2 {
  const role = design.roles[roleIndex];
  const v = role?.vars?.[varIndex];
  if (!role || !v || v.name === name) return design;
  const renamed = mapRoles(design, (r, i) => (i === roleIndex ? { ...r, vars: r.vars!.map((x, k) => (k === varIndex ? { ...x, name } : x)) } : r));
  if (!free(role.vars!.map((x) => x.name), name, varIndex)) return renamed;
  return mapDesignExpressions(renamed, (text, place) => renameVarIn(design, place, text, role.name, v.name, name));
}

/** A state renamed with its transitions' ends, the expressions comparing a state of its role with it, and its position. */
function renameState(design: DesignV2, roleIndex: number, stateIndex: number, name: string): DesignV2 {
  const role = design.roles[roleIndex];
  const state = role?.states[stateIndex];
  if (!role || !state || state.name === name) return design;
  const old = state.name;
  const isFree = free(role.states.map((s) => s.name), name, stateIndex);
  const next = mapRoles(design, (r, i) => {
    if (i !== roleIndex) return r;
    const states = r.states.map((s, k) => (k === stateIndex ? { ...s, name } : s));
    if (!isFree) return { ...r, states };
    const end = (s: string) => (s === old ? name : s);
    return {
      ...mapTransitions({ ...r, states }, (t) => {
        const from = typeof t.from === 'string' ? end(t.from) : t.from.map(end);
        const to = t.to === undefined ? undefined : end(t.to);
        return from === t.from && to === t.to && (typeof t.from === 'string' || t.from.every((f) => f !== old)) ? t : { ...t, from, ...(to !== undefined ? { to } : {}) };
      }),
    };
  });
  if (!isFree) return next;
  const compared = mapDesignExpressions(next, (text, place) => renameStateIn(design, place, text, role.name, old, name));
  const positions = roleLayout(design, role.name);
  if (!(old in positions)) return compared;
  const { [old]: p, ...rest } = positions;
  return { ...compared, layout: { ...(design.layout ?? {}), [role.name]: { ...rest, [name]: p } } };
}

function renameMessage(design: DesignV2, index: number, name: string): DesignV2 {
  const message = design.messages?.[index];
  if (!message || message.name === name) return design;
  const old = message.name;
  const messages = design.messages!.map((m, i) => (i === index ? { ...m, name } : m));
  if (!free(design.messages!.map((m) => m.name), name, index)) return { ...design, messages };
  const quantified = mapDesignExpressions({ ...design, messages }, (text) => renameQuantifiedKindIn(text, old, name));
  return mapRoles(quantified, (r) =>
    mapTransitions(r, (t) => {
      const receive = t.receive === old ? name : t.receive;
      const sends = t.send?.some((s) => s.message === old);
      if (receive === t.receive && !sends) return t;
      return { ...t, ...(receive !== undefined ? { receive } : {}), ...(t.send ? { send: t.send.map((s) => (s.message === old ? { ...s, message: name } : s)) } : {}) };
    }),
  );
}

/**
 * An event renamed with the transitions on it; a call event also with the calls of it in other
 * roles (`call.event`) and their outcome transitions (`E.ok`, `E.error`, `E.timeout`).
 */
function renameEvent(design: DesignV2, roleIndex: number, eventIndex: number, name: string): DesignV2 {
  const event = design.roles[roleIndex]?.events?.[eventIndex];
  if (!event || event.name === name) return design;
  const old = event.name;
  const isFree = free(design.roles[roleIndex]!.events!.map((e) => e.name), name, eventIndex);
  const call = event.source === 'call';
  const callers = new Set(call ? design.roles.flatMap((r, i) => (i !== roleIndex && r.transitions.some((t) => t.call?.event === old) ? [i] : [])) : []);
  const outcome = /^(.*)\.(ok|error|timeout)$/;
  return mapRoles(design, (r, i) => {
    if (i === roleIndex) {
      const withName = { ...r, events: r.events!.map((e, k) => (k === eventIndex ? { ...e, name } : e)) };
      return isFree ? mapTransitions(withName, (t) => (t.event === old ? { ...t, event: name } : t)) : withName;
    }
    if (!isFree || !callers.has(i)) return r;
    return mapTransitions(r, (t) => {
      const m = t.event === undefined ? null : outcome.exec(t.event);
      const renamedEvent = m && m[1] === old ? `${name}.${m[2]}` : t.event;
      if (t.call?.event !== old && renamedEvent === t.event) return t;
      return { ...t, ...(renamedEvent !== undefined ? { event: renamedEvent } : {}), ...(t.call?.event === old ? { call: { ...t.call, event: name } } : {}) };
    });
  });
}

/** Replaces `event.from` by `event.to` in an expression (the payload field read through `event`). */
export function renameEventField(text: string, from: string, to: string): string {
  const tokens = highlightExpression(text);
  let out = '';
  let at = 0;
  for (let i = 2; i < tokens.length; i++) {
    const [e, dot, f] = [tokens[i - 2]!, tokens[i - 1]!, tokens[i]!];
    if (e.text !== 'event' || dot.text !== '.' || f.kind !== 'name' || f.text !== from) continue;
    out += text.slice(at, f.start - 1) + to;
    at = f.end - 1;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * A payload field renamed. Onto a free name, what refers to it follows: a message kind's field in
 * every send of that kind (its payload key) and every `event.F` of the transitions that receive
 * it; an event's field in every `event.F` of its role's transitions on that event.
 */
function renameField(design: DesignV2, owner: FieldOwner, index: number, name: string): DesignV2 {
  const list = 'message' in owner || !owner.returns ? 'payload' : 'returns';
  const fields = 'message' in owner ? design.messages?.[owner.message]?.payload : design.roles[owner.role]?.events?.[owner.event]?.[list];
  const field = fields?.[index];
  if (!fields || !field || field.name === name) return design;
  const old = field.name;
  const renamedFields = fields.map((f, i) => (i === index ? { ...f, name } : f));
  let next: DesignV2 =
    'message' in owner
      ? { ...design, messages: design.messages!.map((m, i) => (i === owner.message ? { ...m, payload: renamedFields } : m)) }
      : mapRoles(design, (r, i) => (i === owner.role ? { ...r, events: r.events!.map((e, k) => (k === owner.event ? { ...e, [list]: renamedFields } : e)) } : r));
  if (!free(fields.map((f) => f.name), name, index)) return next;
  const expr = (e: string) => renameEventField(e, old, name);
  const key = (record: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k === old ? name : k, v]));
  if (!('message' in owner) && design.roles[owner.role]!.events![owner.event]!.source === 'call') {
    // A call event's field: its payload is filled by the calls (`call.payload`) and read by the
    // transitions serving it; its reply data is written by those (`returns`) and read by the
    // callers' `E.ok` and `E.error` transitions.
    const event = design.roles[owner.role]!.events![owner.event]!.name;
    return mapRoles(next, (r, i) =>
      mapTransitions(r, (t) => {
        let out = t;
        if (i === owner.role && t.event === event) out = list === 'payload' ? mapTransitionExpressions(t, expr) : t.returns && old in t.returns ? { ...t, returns: key(t.returns) } : t;
        if (i === owner.role) return out;
        if (list === 'payload' && out.call?.event === event && out.call.payload && old in out.call.payload) out = { ...out, call: { ...out.call, payload: key(out.call.payload) } };
        if (list === 'returns' && (out.event === `${event}.ok` || out.event === `${event}.error`)) out = mapTransitionExpressions(out, expr);
        return out;
      }),
    );
  }
  if ('message' in owner) {
    const kind = design.messages![owner.message]!.name;
    // A pool's messages read in quantifiers anywhere (`exists m in Vote: m.value == …`).
    next = mapDesignExpressions(next, (text) => renameQuantifiedFieldIn(text, kind, old, name));
    next = mapRoles(next, (r) =>
      mapTransitions(r, (t) => {
        const read = t.receive === kind ? mapTransitionExpressions(t, expr) : t;
        if (!read.send?.some((s) => s.message === kind && s.payload && old in s.payload)) return read;
        return { ...read, send: read.send.map((s) => (s.message === kind && s.payload ? { ...s, payload: key(s.payload) } : s)) };
      }),
    );
  } else {
    const event = design.roles[owner.role]!.events![owner.event]!.name;
    next = mapRoles(next, (r, i) => (i === owner.role ? mapTransitions(r, (t) => (t.event === event ? mapTransitionExpressions(t, expr) : t)) : r));
  }
  return next;
}

function removeRole(design: DesignV2, index: number): DesignV2 {
  const role = design.roles[index];
  if (!role) return design;
  const out: DesignV2 = { ...design, roles: design.roles.filter((_, i) => i !== index) };
  if (design.messages) {
    const messages = design.messages.filter((m) => m.from !== role.name && m.to !== role.name);
    if (messages.length) out.messages = messages;
    else delete out.messages;
  }
  if (design.layout && role.name in design.layout) {
    const { [role.name]: _gone, ...rest } = design.layout;
    out.layout = rest;
  }
  return out;
}

function removeElements(design: DesignV2, roleIndex: number, states: readonly string[], transitions: readonly number[]): DesignV2 {
  const role = design.roles[roleIndex];
  if (!role || (states.length === 0 && transitions.length === 0)) return design;
  const gone = new Set(states);
  const dropped = new Set(transitions);
  const next: RoleJson = {
    ...role,
    states: role.states.filter((s) => !gone.has(s.name)),
    transitions: role.transitions.filter((t, i) => !dropped.has(i) && !fromStates(t).some((f) => gone.has(f)) && !(t.to !== undefined && gone.has(t.to))),
  };
  const out = mapRoles(design, (r, i) => (i === roleIndex ? next : r));
  const positions = roleLayout(design, role.name);
  if (!states.some((s) => s in positions)) return out;
  for (const s of states) delete positions[s];
  return { ...out, layout: { ...(design.layout ?? {}), [role.name]: positions } };
}

/** A name like `prefix1` not in `taken`. */
export { nextName } from '../designEdits';

/**
 * The edit of a state's initial mark (docs/format-v2.md §2), one undo step: `only` makes it the
 * role's one initial state (the others lose the mark) or takes the mark off; `also` marks it
 * beside the others (a role whose instances may start in several states). In a role that already
 * has several, every change is to this state alone, so the others are kept.
 */
export function initialStateEdit(design: DesignV2, role: number, state: number, initial: boolean, how: 'only' | 'also'): DesignEditV2 {
  const states = design.roles[role]?.states ?? [];
  const own: DesignEditV2 = { type: 'set', path: `/roles/${role}/states/${state}/initial`, value: initial || undefined };
  if (how === 'also' || states.filter((x) => x.initial === true).length > 1) return own;
  return { type: 'batch', edits: states.map((x, k) => ({ type: 'set' as const, path: `/roles/${role}/states/${k}/initial`, value: k === state ? initial || undefined : initial ? undefined : x.initial })) };
}

/** One initial value of a var: a bool, an int, an enum value or an instance id (`"RM[2]"`). */
export type InitialValueV2 = number | boolean | string;

/** A var's initial values (docs/format-v2.md §2): its list, or its one value. */
export function initialAlternatives(v: Pick<VarJsonV2, 'initial'>): readonly InitialValueV2[] {
  // A set var's lists are its values, edited as JSON (InitialValuesField); every other var's list holds scalars.
  return Array.isArray(v.initial) ? v.initial.filter((x): x is InitialValueV2 => !Array.isArray(x)) : [v.initial];
}

/**
 * The edit of a var's initial alternatives (docs/format-v2.md §2), one undo step: \`add\` lists
 * the first value of its type not listed yet (null when every value is), \`remove\` drops the
 * k-th (the last one stays), \`set\` replaces the k-th. One value is written as itself, several
 * as a list; what the list may hold (values of the type, none twice, one for a volatile var) is
 * the loader's to say, at the value's own pointer, as for any other value.
 */
export function initialValuesEdit(design: DesignV2, role: number, index: number, change: { readonly add: true } | { readonly remove: number } | { readonly set: number; readonly value: InitialValueV2 }): DesignEditV2 | null {
  const v = design.roles[role]?.vars?.[index];
  if (!v) return null;
  const listed = initialAlternatives(v);
  let next: InitialValueV2[];
  if ('add' in change) {
    const fresh = firstUnlisted(design, v.type, listed);
    if (fresh === null) return null;
    next = [...listed, fresh];
  } else if ('remove' in change) {
    if (listed.length < 2 || change.remove < 0 || change.remove >= listed.length) return null;
    next = listed.filter((_, k) => k !== change.remove);
  } else {
    if (change.set < 0 || change.set >= listed.length) return null;
    next = listed.map((x, k) => (k === change.set ? change.value : x));
  }
  return { type: 'set', path: `/roles/${role}/vars/${index}/initial`, value: next.length === 1 ? next[0] : next };
}

/** The first value of the var's (entry) type that \`listed\` lacks, in the type's order; null when it has them all. */
function firstUnlisted(design: DesignV2, type: VarJsonV2['type'], listed: readonly InitialValueV2[]): InitialValueV2 | null {
  const scalar = mapLevels(type).leaf;
  const has = (x: InitialValueV2) => listed.some((y) => y === x);
  if (scalar === 'bool') return [false, true].find((x) => !has(x)) ?? null;
  if ('enum' in scalar) return scalar.enum.find((x) => !has(x)) ?? null;
  if ('set' in scalar) return null;
  if ('int' in scalar) {
    // At most listed.length + 1 tries: the range's first values, skipping the listed ones.
    for (let x = scalar.int[0]; x <= scalar.int[1] && x <= scalar.int[0] + listed.length; x++) if (!has(x)) return x;
    return null;
  }
  const target = design.roles.find((r) => r.name === scalar.id);
  const count = target?.instances ?? 1;
  const ids = count === 1 ? [scalar.id] : Array.from({ length: count }, (_, k) => `${scalar.id}[${k + 1}]`);
  return ids.find((x) => !has(x)) ?? null;
}

/** The blank multi-participant design "New multi-participant design" starts from: one role, one state. */
export function emptyDesignV2(name = 'Untitled multi-participant protocol'): DesignV2 {
  return { format: 'protocol-studio', version: 2, name, roles: [{ name: 'Node', states: [{ name: 'idle', initial: true }], transitions: [] }] };
}
