import type { Design } from '../../model/schema';
import { buildDesign } from './build';
import { newNode, type Chart, type ChartNode, type ChartTransition, type GuardRef } from './chart';
import { identifierFor } from './identifiers';
import { LiteralError, readLiteral, type Literal } from './objectLiteral';
import { expandSpreads } from './spreads';
import { ImportRefusal, SummaryBuilder, type ImportResult } from './summary';
import { constObject, pickMachine } from './xstateSource';

/**
 * XState machine config (v4 or v5, JSON, JS or TS) → statechart, read as data and never run.
 * States nest as in XState (compound, `type: 'parallel' | 'final' | 'history'`); `on` gives
 * client events, `after` timer events, `always` (and v4's `''`) eventless transitions, `invoke`'s
 * `onDone`/`onError` the internal events `<src>_done`/`<src>_error` of the invoked work, and a
 * state's `onDone` its completion. Targets: sibling names, `.child`, `#id`, dotted paths,
 * arrays (several regions). Guards (`guard`, v4 `cond`, `in`) become placeholders; actions and
 * non-number/bool context are dropped, each listed in the summary.
 */

type Entry = { key: string; line: number; value: Literal };

function entries(l: Literal | undefined): readonly Entry[] {
  return l?.kind === 'object' ? l.entries : [];
}

function field(l: Literal | undefined, key: string): Literal | undefined {
  return entries(l).find((e) => e.key === key)?.value;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

function guardOf(l: Literal): GuardRef {
  switch (l.kind) {
    case 'string':
      return { name: l.value, text: l.value };
    case 'object': {
      const type = field(l, 'type');
      const params = field(l, 'params');
      const name = type?.kind === 'string' ? type.value : 'guard';
      return {
        name,
        text: params
          ? `${name}(${params.kind === 'code' ? short(params.text) : 'params'}) at line ${l.line}`
          : name,
      };
    }
    case 'code': {
      const call = /^([A-Za-z_$][\w$]*)\s*\(/.exec(l.text);
      return {
        name: call && !/^(function|async)$/.test(call[1]!) ? `${call[1]}_${l.line}` : `cond_${l.line}`,
        text: short(l.text),
      };
    }
    default:
      return { name: `cond_${l.line}`, text: String('value' in l ? l.value : l.kind) };
  }
}

/** State keys this reader turns into the design, or lists as dropped code on its own. */
const HANDLED = new Set([
  'type',
  'states',
  'initial',
  'id',
  'on',
  'after',
  'always',
  'invoke',
  'onDone',
  'entry',
  'exit',
  'onEntry',
  'onExit',
  'activities',
  'description',
  'target',
  'history',
  'key',
  'parallel',
]);
/** Machine keys that are typing or options only (no behaviour), or read separately (`context`). */
const MACHINE_ONLY = new Set([
  'context',
  'types',
  'schema',
  'tsTypes',
  'predictableActionArguments',
  'preserveActionOrder',
  'version',
  'strict',
  'delimiter',
]);

interface Pending {
  readonly node: ChartNode;
  readonly list: ChartTransition[];
  readonly event: string | null;
  readonly source: ChartTransition['source'];
  readonly afterMs?: number;
  readonly targets: readonly { text: string; line: number }[];
  readonly guard: GuardRef | null;
  readonly line: number;
}

export function importXState(text: string, options: { machine?: string } = {}): ImportResult {
  const summary = new SummaryBuilder();
  try {
    const found = pickMachine(text, options.machine);
    const resolve = (name: string): Literal | undefined => {
      const at = constObject(text, name);
      if (at < 0) return undefined;
      try {
        return readLiteral(text, at).value;
      } catch (e) {
        if (e instanceof LiteralError)
          throw new ImportRefusal(
            e.line,
            `${e.message.replace(/\.$/, '')} (line ${e.line}), in the state config ${name}; write that part as a plain value.`,
          );
        throw e;
      }
    };
    const { chart, vars } = readMachine(found.config, found.name, summary, resolve);
    return buildDesign(chart, summary, {
      stateName: (leaf) => (leaf.id === '' ? 'machine' : leaf.id.replace(/\./g, '_')),
      vars,
    });
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
}

function readMachine(
  config: Literal,
  fallbackName: string,
  summary: SummaryBuilder,
  resolveName: (name: string) => Literal | undefined,
): { chart: Chart; vars: Design['vars'] } {
  if (config.kind !== 'object')
    throw new ImportRefusal(
      config.line,
      `The machine config at line ${config.line} is not an object literal; pass { initial, states } to createMachine.`,
    );
  const known = config.entries.filter(
    (e) => HANDLED.has(e.key) || MACHINE_ONLY.has(e.key) || e.key === 'output',
  );
  if (config.entries.length > 0 && known.length === 0)
    throw new ImportRefusal(
      config.line,
      `The object at line ${config.line} has none of a machine config's keys (${config.entries
        .slice(0, 4)
        .map((e) => e.key)
        .join(', ')}): it is not an XState machine; pass { initial, states } to createMachine.`,
    );
  const nodes = new Map<string, ChartNode>();
  const ids = new Map<string, ChartNode>();
  const pending: Pending[] = [];
  const refuse = (line: number, message: string): never => {
    throw new ImportRefusal(line, message);
  };
  // Spreads of objects bound in this file are merged in; any other spread stays `...N` and is refused.
  const expand = <T extends Literal | undefined>(l: T): T =>
    (l === undefined ? l : expandSpreads(l, resolveName)) as T;

  /**
   * `states`, `on` or `after` of a state: an object (or array) literal, or a name bound in this
   * file to one. Anything else is code whose states or transitions cannot be known: refused,
   * never read as empty.
   */
  const objectField = (lit: Literal, name: string, key: string): Literal | undefined => {
    let value = field(lit, name);
    if (value?.kind === 'code' && /^[A-Za-z_$][\w$]*$/.test(value.text))
      value = resolveName(value.text) ?? value;
    if (value === undefined || value.kind === 'object' || value.kind === 'array') return expand(value);
    if (value.kind === 'null' || (value.kind === 'code' && value.text === 'undefined')) return undefined;
    return refuse(
      value.line,
      `${name} of ${key || 'the machine'} at line ${value.line} is ${value.kind === 'code' ? `code (${short(value.text)})` : `a ${value.kind}`}, not an object literal in this file; write it inline.`,
    );
  };

  const transitionsOf = (
    node: ChartNode,
    value: Literal,
    event: string | null,
    source: ChartTransition['source'],
    list: ChartTransition[],
    afterMs?: number,
  ): void => {
    const items = value.kind === 'array' ? value.items : [value];
    for (const given of items) {
      const item = expand(given);
      const what = event ?? 'always';
      let targetLit: Literal | undefined;
      let guard: GuardRef | null = null;
      if (item.kind === 'string') targetLit = item;
      else if (item.kind === 'object') {
        for (const e of entries(item))
          if (e.key.startsWith('...'))
            refuse(
              e.line,
              `A spread in the transition for ${what} at line ${e.line} is code; write the transition's fields out.`,
            );
        targetLit = field(item, 'target');
        const g = field(item, 'guard') ?? field(item, 'cond');
        const inState = field(item, 'in');
        if (g) guard = guardOf(g);
        else if (inState)
          guard = {
            name: `in_${inState.kind === 'string' ? inState.value : 'state'}`,
            text: `in: ${inState.kind === 'string' ? inState.value : 'state'}`,
          };
        const actions = field(item, 'actions');
        if (actions)
          summary.drop(
            actions.line,
            `Actions of ${what} (${short(actions.kind === 'code' ? actions.text : actions.kind === 'string' ? actions.value : actions.kind === 'array' ? `${actions.items.length} actions` : 'object')}): code the design does not hold.`,
          );
        if (field(item, 'reenter')?.kind === 'boolean' || field(item, 'internal'))
          summary.drop(
            item.line,
            `reenter/internal of ${what}: the design has no entry or exit actions to repeat.`,
          );
      } else if (item.kind === 'null' || (item.kind === 'code' && item.text === 'undefined')) {
        // A forbidden transition: handled here with no effect, so ancestors do not take the event.
        list.push({ event, source, targets: [], guard: null, line: item.line });
        continue;
      } else if (item.kind === 'code' && value.kind === 'array' && /^[\w$.]+\s*\(/.test(item.text)) {
        // v4: an action creator in a transition list is a config without target: targetless.
        summary.drop(item.line, `Action ${short(item.text)} of ${what}: code the design does not hold.`);
        targetLit = undefined;
      } else
        refuse(
          item.line,
          `The transition for ${what} at line ${item.line} is code (${short(item.kind === 'code' ? item.text : item.kind)}); write it as a target string or { target, guard } object.`,
        );
      const targets: { text: string; line: number }[] = [];
      const targetItems =
        targetLit === undefined ? [] : targetLit.kind === 'array' ? targetLit.items : [targetLit];
      for (const t of targetItems) {
        if (t.kind === 'string') targets.push({ text: t.value, line: t.line });
        else if (t.kind === 'code' && t.text === 'undefined') continue;
        else
          refuse(
            t.line,
            `The target of ${what} at line ${t.line} is ${t.kind === 'code' ? short(t.text) : t.kind}, not a state name; write the state's name as a string.`,
          );
      }
      pending.push({
        node,
        list,
        event,
        source,
        ...(afterMs !== undefined ? { afterMs } : {}),
        targets,
        guard,
        line: item.line,
      });
    }
  };

  const resolving = new Set<string>();
  const walk = (given: Literal, parent: ChartNode | null, key: string, line: number): ChartNode => {
    // A state written as a name (`idle: idleState`) is read from `const idleState = { … }` in the same file.
    const lit = expand(given);
    if (lit.kind === 'code' && /^[A-Za-z_$][\w$]*$/.test(lit.text) && !resolving.has(lit.text)) {
      const found = resolveName(lit.text);
      if (found) {
        resolving.add(lit.text);
        const node = walk(found, parent, key, line);
        resolving.delete(lit.text);
        return node;
      }
    }
    if (lit.kind !== 'object')
      refuse(
        lit.line,
        `State ${key} at line ${lit.line} is ${lit.kind === 'code' ? short(lit.text) : lit.kind}, not an object literal; write its config inline.`,
      );
    const type = field(lit, 'type');
    const children = objectField(lit, 'states', key);
    const typeName = type?.kind === 'string' ? type.value : undefined;
    const hasChildren = entries(children).length > 0;
    const parallelFlag = field(lit, 'parallel');
    const kind =
      typeName === 'parallel' || (parallelFlag?.kind === 'boolean' && parallelFlag.value)
        ? 'parallel'
        : typeName === 'final'
          ? 'final'
          : typeName === 'history'
            ? 'history'
            : hasChildren
              ? 'compound'
              : 'atomic';
    if (kind === 'parallel' && !hasChildren)
      refuse(line, `Parallel state ${key} has no regions; give it states or remove type: 'parallel'.`);
    const node = newNode(parent, key, line, kind);
    nodes.set(node.id, node);
    if (kind === 'parallel')
      summary.imported.push(
        `${entries(children).length} parallel regions of ${key || 'the machine'} as their product`,
      );
    for (const e of entries(lit)) {
      if (e.key.startsWith('...'))
        refuse(
          e.line,
          `A spread (...) in state ${key || 'the machine'} at line ${e.line} is code; write its fields out.`,
        );
      if (e.key.startsWith('['))
        refuse(
          e.line,
          `The computed key ${short(e.key)} in state ${key || 'the machine'} at line ${e.line} is code; write the name as a string.`,
        );
    }
    const id = field(lit, 'id');
    if (id?.kind === 'string') ids.set(id.value, node);
    const description = field(lit, 'description');
    if (description?.kind === 'string') node.description = description.value;
    if (kind === 'history') {
      const target = field(lit, 'target');
      pending.push({
        node,
        list: [],
        event: null,
        source: 'internal',
        targets: target?.kind === 'string' ? [{ text: target.value, line: target.line }] : [],
        guard: null,
        line,
      });
    }
    for (const e of entries(children)) {
      if (e.key.startsWith('...') || e.key.startsWith('['))
        refuse(
          e.line,
          `The state key ${short(e.key)} at line ${e.line} is code; write each state's name as a string.`,
        );
      walk(e.value, node, e.key, e.line);
    }
    if (kind === 'compound') {
      const initial = field(lit, 'initial');
      const name =
        initial?.kind === 'string'
          ? initial.value
          : initial?.kind === 'object' && field(initial, 'target')?.kind === 'string'
            ? (field(initial, 'target') as { value: string }).value
            : undefined;
      const child = name !== undefined ? node.children.find((c) => c.key === name) : undefined;
      if (name !== undefined && !child)
        refuse(
          initial!.line,
          `The initial state ${JSON.stringify(name)} of ${key || 'the machine'} at line ${initial!.line} is not one of its states; name one of ${node.children.map((c) => c.key).join(', ')}.`,
        );
      if (!child)
        summary.approximate(
          initial?.line ?? line,
          initial?.kind === 'code'
            ? `The initial state of ${key || 'the machine'} is code (${short(initial.text)}): entering it enters its first state ${node.children[0]!.key}; set the initial state.`
            : `${key ? `State ${key}` : 'The machine'} has no initial state: entering it enters its first state ${node.children[0]!.key} (XState v4's rule).`,
        );
      node.initial = (child ?? node.children[0]!).id;
    }
    const on = objectField(lit, 'on', key);
    if (on?.kind === 'array')
      refuse(
        on.line,
        `on at line ${on.line} is an array (XState v3 style); write it as an object { EVENT: target }.`,
      );
    for (const e of entries(on)) {
      if (e.key.startsWith('...') || e.key.startsWith('['))
        refuse(
          e.line,
          `The event key ${short(e.key)} at line ${e.line} is code; write the event's name as a string.`,
        );
      if (e.key.includes('*'))
        refuse(
          e.line,
          `The wildcard event ${JSON.stringify(e.key)} at line ${e.line} matches events the design cannot list; write one transition per event instead.`,
        );
      transitionsOf(
        node,
        e.value,
        e.key === '' ? null : e.key,
        e.key === '' ? 'internal' : 'client',
        node.transitions,
      );
    }
    const after = objectField(lit, 'after', key);
    // v4's array form: `after: [{ delay: 50, target: 'x' }]`.
    for (const item of after?.kind === 'array' ? after.items : []) {
      const delay = field(item, 'delay');
      const ms = delay?.kind === 'number' ? delay.value : undefined;
      const name =
        delay?.kind === 'number'
          ? String(delay.value)
          : delay?.kind === 'string'
            ? delay.value
            : `line_${item.line}`;
      if (ms === undefined)
        summary.drop(item.line, `The delay ${name} is a name or code: the timer keeps no afterMs.`);
      transitionsOf(node, item, `after_${name}`, 'timer', node.transitions, ms);
    }
    for (const e of entries(after)) {
      const ms = Number(e.key);
      const delay = Number.isFinite(ms) && /^\d+$/.test(e.key) ? ms : undefined;
      if (delay === undefined)
        summary.drop(e.line, `The delay ${e.key} is a name or code: the timer keeps no afterMs.`);
      transitionsOf(
        node,
        e.value,
        `after_${e.key.replace(/^\[|\]$/g, '')}`,
        'timer',
        node.transitions,
        delay,
      );
    }
    const always = field(lit, 'always');
    if (always) transitionsOf(node, always, null, 'internal', node.transitions);
    const invokes = field(lit, 'invoke');
    for (const given of invokes?.kind === 'array' ? invokes.items : invokes ? [invokes] : []) {
      const inv = expand(given);
      for (const e of entries(inv))
        if (e.key.startsWith('...'))
          refuse(
            e.line,
            `A spread (...) in the invoke of ${key || 'the machine'} at line ${e.line} is code that may hold onDone or onError; write its fields out.`,
          );
      const src = field(inv, 'src');
      const invId = field(inv, 'id');
      const srcName =
        src?.kind === 'string'
          ? src.value
          : invId?.kind === 'string'
            ? invId.value
            : `${key || 'machine'}_invoke`;
      let handled = false;
      for (const [k, suffix] of [
        ['onDone', 'done'],
        ['onError', 'error'],
      ] as const) {
        const t = field(inv, k);
        if (t) {
          handled = true;
          transitionsOf(
            node,
            t,
            `${identifierFor(srcName, new Set())}_${suffix}`,
            'internal',
            node.transitions,
          );
        }
      }
      if (field(inv, 'onSnapshot'))
        summary.drop(
          inv.line,
          `onSnapshot of the invoked ${srcName}: snapshots are not events of the design.`,
        );
      if (!handled)
        summary.drop(
          inv.line,
          `The invoked ${srcName} has no onDone or onError: nothing in the design waits for it.`,
        );
    }
    const onDone = field(lit, 'onDone');
    if (onDone) {
      if (kind === 'atomic' || kind === 'final')
        summary.drop(onDone.line, `onDone on the simple state ${key}: it never completes.`);
      else transitionsOf(node, onDone, null, 'internal', node.done);
    }
    for (const e of entries(lit)) {
      if (HANDLED.has(e.key) || e.key.startsWith('...') || (parent === null && MACHINE_ONLY.has(e.key)))
        continue;
      summary.drop(e.line, `${e.key} of ${key || 'the machine'} (not part of a design).`);
    }
    for (const k of ['entry', 'exit', 'onEntry', 'onExit', 'activities']) {
      const a = field(lit, k);
      if (a)
        summary.drop(
          a.line,
          `${k} of ${key || 'the machine'} (${short(a.kind === 'code' ? a.text : a.kind === 'string' ? a.value : a.kind === 'array' ? a.items.map((i) => (i.kind === 'string' ? i.value : i.kind === 'code' ? short(i.text) : i.kind)).join(', ') : 'object')}): code the design does not hold.`,
        );
    }
    return node;
  };
  const root = walk(config, null, '', config.line);
  if (root.kind === 'atomic' || root.kind === 'final')
    summary.imported.push('a machine without states as one state');

  /** XState's target resolution: `#id`, `.child` of the source, else a sibling (or a sibling's path). */
  const resolve = (source: ChartNode, text: string): ChartNode | undefined => {
    const walkPath = (from: ChartNode | undefined, path: string[]): ChartNode | undefined => {
      let n = from;
      for (const p of path) n = n?.children.find((c) => c.key === p);
      return n;
    };
    if (text.startsWith('#')) {
      const [id, ...rest] = text.slice(1).split('.');
      return walkPath(ids.get(id!) ?? nodes.get(id!), rest);
    }
    if (text.startsWith('.')) return walkPath(source, text.slice(1).split('.'));
    const path = text.split('.');
    return walkPath(source.parent ?? source, path) ?? walkPath(root, path);
  };
  for (const p of pending) {
    const targets = p.targets.map((t) => {
      const node = resolve(p.node, t.text);
      if (!node)
        refuse(
          t.line,
          `Unknown target state ${JSON.stringify(t.text)} at line ${t.line}; name a sibling state, .child or #id.`,
        );
      return node!.id;
    });
    if (p.node.kind === 'history') {
      p.node.historyTarget = targets[0] ?? null;
      continue;
    }
    p.list.push({
      event: p.event,
      source: p.source,
      ...(p.afterMs !== undefined ? { afterMs: p.afterMs } : {}),
      targets,
      guard: p.guard,
      line: p.line,
    });
  }

  const vars: Design['vars'] = [];
  const taken = new Set<string>();
  const context = field(config, 'context');
  if (context && context.kind !== 'object')
    summary.drop(
      context.line,
      `The context is code (${short(context.kind === 'code' ? context.text : context.kind)}): no vars imported.`,
    );
  for (const e of entries(context)) {
    const v = e.value;
    if (v.kind === 'boolean')
      vars.push({
        name: identifierFor(e.key, taken),
        type: 'bool',
        initial: v.value,
        description: 'From the XState context.',
      });
    else if (v.kind === 'number' && Number.isInteger(v.value) && Math.abs(v.value) <= 2 ** 53) {
      vars.push({
        name: identifierFor(e.key, taken),
        type: { int: [Math.min(0, v.value), Math.max(3, v.value)] },
        initial: v.value,
        description: 'From the XState context; set its range.',
      });
    } else summary.drop(e.line, `Context entry ${e.key} is not an integer or a boolean: not imported.`);
  }
  if (vars.length > 0)
    summary.imported.push(`${vars.length} context entr${vars.length === 1 ? 'y' : 'ies'} as vars`);
  const id = field(config, 'id');
  return {
    chart: { name: id?.kind === 'string' ? id.value : fallbackName || 'Imported machine', root, nodes },
    vars,
  };
}
