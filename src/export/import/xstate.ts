import type { Design } from '../../model/schema';
import { buildDesign, type ForeignState, type ForeignTransition, type ImportProblem, type ImportResult } from './build';
import { identifierFor } from './identifiers';
import { LiteralError, readLiteral, type Literal } from './objectLiteral';

/**
 * XState machine config → design: from JSON, or from source text holding
 * `createMachine({ … })` (also after `setup(…)`), read as data by `objectLiteral.ts`, never run.
 * States (nested ones flattened as `Parent_child`), `initial`, `type: 'final'`, `on` (client
 * events), `after` (timer events with `afterMs`), `always` (an internal event); targets by
 * name, `.child`, `#id` or dotted path. Guards and actions become stubs; numeric and boolean
 * `context` entries become vars.
 */

type Entry = { key: string; line: number; value: Literal };

function entries(l: Literal | undefined): readonly Entry[] {
  return l?.kind === 'object' ? l.entries : [];
}

function field(l: Literal | undefined, key: string): Literal | undefined {
  return entries(l).find((e) => e.key === key)?.value;
}

function describe(l: Literal | undefined): string {
  if (!l) return '';
  switch (l.kind) {
    case 'string':
      return l.value;
    case 'code':
      return l.text.length > 60 ? `${l.text.slice(0, 57)}…` : l.text;
    case 'object':
      return describe(field(l, 'type')) || 'object';
    case 'array':
      return l.items.map(describe).join(', ');
    default:
      return String('value' in l ? l.value : l.kind);
  }
}

function findConfig(text: string): { literal: Literal } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return { literal: readLiteral(text, text.indexOf('{')).value };
  const call = /createMachine\s*\(/.exec(text);
  if (!call) throw new LiteralError('Expected a machine config: a JSON object or createMachine({ … }).', 1);
  let start = call.index + call[0].length;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (text[start] !== '{') throw new LiteralError('createMachine( must be followed by an object literal.', text.slice(0, start).split('\n').length);
  return { literal: readLiteral(text, start).value };
}

export function importXState(text: string): ImportResult {
  let config: Literal;
  try {
    config = findConfig(text).literal;
  } catch (e) {
    if (e instanceof LiteralError) return { ok: false, errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
  if (config.kind !== 'object') return { ok: false, errors: [{ line: config.line, message: 'The machine config must be an object.' }] };
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const states: ForeignState[] = [];
  const transitions: ForeignTransition[] = [];
  /** Ids (`#id`) → dotted path. */
  const ids = new Map<string, string>();
  const initialOf = new Map<string, string>();
  const pending: { from: string; path: string[]; target: Literal | undefined; event: string | null; source: ForeignTransition['source']; afterMs?: number; notes: string[]; line: number }[] = [];

  const walk = (node: Literal, path: string[], line: number): void => {
    const flat = path.join('_');
    const children = field(node, 'states');
    const initial = field(node, 'initial');
    if (path.length > 0) {
      const type = field(node, 'type');
      if (children && entries(children).length > 0) warnings.push({ line, message: `Compound state ${path.join('.')} is flattened.` });
      else states.push({ name: flat, line, ...(type?.kind === 'string' && type.value === 'final' ? { final: true } : {}) });
    }
    const id = field(node, 'id');
    if (id?.kind === 'string') ids.set(id.value, path.join('.'));
    if (initial?.kind === 'string') initialOf.set(path.join('.'), [...path, initial.value].join('.'));
    const add = (target: Literal | undefined, event: string | null, source: ForeignTransition['source'], at: number, afterMs?: number): void => {
      const list = target?.kind === 'array' ? target.items : [target];
      for (const t of list) {
        const notes: string[] = [];
        const guard = t?.kind === 'object' ? (field(t, 'guard') ?? field(t, 'cond')) : undefined;
        if (guard) notes.push(`guard ${describe(guard)}`);
        const actions = t?.kind === 'object' ? field(t, 'actions') : undefined;
        if (actions) notes.push(`actions ${describe(actions)}`);
        const to = t?.kind === 'object' ? field(t, 'target') : t;
        pending.push({ from: path.join('.'), path, target: to, event, source, ...(afterMs !== undefined ? { afterMs } : {}), notes, line: t?.line ?? at });
      }
    };
    if (path.length > 0) {
      for (const e of entries(field(node, 'on'))) add(e.value, e.key, 'client', e.line);
      for (const e of entries(field(node, 'after'))) {
        const ms = Number(e.key);
        add(e.value, `after_${e.key}`, 'timer', e.line, Number.isFinite(ms) ? ms : undefined);
      }
      const always = field(node, 'always');
      if (always) add(always, 'always', 'internal', always.line);
    }
    for (const e of entries(children)) walk(e.value, [...path, e.key], e.line);
  };
  walk(config, [], config.line);

  /** The leaf a path enters: a compound state enters its initial child. */
  const enter = (path: string): string | undefined => {
    let p = path;
    for (let i = 0; i < 64 && initialOf.has(p) && !states.some((s) => s.name === p.replace(/\./g, '_')); i++) p = initialOf.get(p)!;
    return states.some((s) => s.name === p.replace(/\./g, '_')) ? p.replace(/\./g, '_') : undefined;
  };
  const resolve = (target: string, fromPath: string[]): string | undefined => {
    if (target.startsWith('#')) {
      const [id, ...rest] = target.slice(1).split('.');
      const base = ids.get(id!);
      if (base === undefined) return undefined;
      return enter([base, ...rest].filter((p) => p !== '').join('.'));
    }
    if (target.startsWith('.')) return enter([...fromPath, ...target.slice(1).split('.')].join('.'));
    // A sibling of the source (or of one of its ancestors), as XState resolves plain targets.
    for (let up = fromPath.length - 1; up >= 0; up--) {
      const found = enter([...fromPath.slice(0, up), ...target.split('.')].join('.'));
      if (found) return found;
    }
    return undefined;
  };
  for (const p of pending) {
    const from = enter(p.from);
    if (!from) continue; // a compound source: its transitions are reported on its children below
    const targets = p.target === undefined ? [undefined] : [p.target];
    for (const t of targets) {
      let to: string | undefined = from;
      if (t !== undefined) {
        if (t.kind !== 'string') {
          errors.push({ line: p.line, message: `The target of ${p.event ?? 'always'} must be a state name, found ${t.kind}.` });
          continue;
        }
        to = resolve(t.value, p.path);
        if (!to) {
          errors.push({ line: p.line, message: `Unknown target state ${JSON.stringify(t.value)}.` });
          continue;
        }
      }
      transitions.push({ from, to, event: p.event, source: p.source, ...(p.afterMs !== undefined ? { afterMs: p.afterMs } : {}), notes: p.notes, line: p.line });
    }
  }
  // Transitions declared on a compound state apply to each of its leaves.
  for (const p of pending) {
    if (enter(p.from) === p.from.replace(/\./g, '_') || p.path.length === 0) continue;
    const prefix = `${p.from.replace(/\./g, '_')}_`;
    for (const leaf of states.filter((s) => s.name.startsWith(prefix))) {
      const t = p.target;
      const to = t?.kind === 'string' ? resolve(t.value, p.path) : leaf.name;
      if (to) transitions.push({ from: leaf.name, to, event: p.event, source: p.source, notes: p.notes, line: p.line });
      else errors.push({ line: p.line, message: `Unknown target state ${JSON.stringify(t?.kind === 'string' ? t.value : '?')}.` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const vars: Design['vars'] = [];
  const taken = new Set<string>();
  for (const e of entries(field(config, 'context'))) {
    const v = e.value;
    if (v.kind === 'boolean') vars.push({ name: identifierFor(e.key, taken), type: 'bool', initial: v.value, description: 'From the XState context.' });
    else if (v.kind === 'number' && Number.isInteger(v.value) && Math.abs(v.value) <= 2 ** 53) {
      vars.push({ name: identifierFor(e.key, taken), type: { int: [Math.min(0, v.value), Math.max(3, v.value)] }, initial: v.value, description: 'From the XState context; set its range.' });
    } else warnings.push({ line: e.line, message: `Context entry ${e.key} is not an int or bool: not imported.` });
  }
  const name = field(config, 'id');
  const initial = initialOf.get('');
  return buildDesign(
    { name: name?.kind === 'string' ? name.value : 'Imported machine', initial: initial ? (enter(initial) ?? null) : null, states, transitions, vars },
    warnings,
  );
}
