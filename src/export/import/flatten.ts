import { LIMITS } from '../../model/limits';
import { allNodes, isAncestor, type Chart, type ChartNode, type ChartTransition } from './chart';
import { ImportRefusal, type SummaryBuilder } from './summary';

/**
 * A statechart → flat states and transitions, with the statechart's meaning (SCXML/XState):
 * a state of the design is a configuration (one active leaf per region); entering a composite
 * enters its initial child; a transition declared on a composite leaves from any descendant;
 * the deepest state's transitions win (child first), ancestors are tried only when none of
 * the child's is enabled; parallel regions are taken as their product, each region moving on
 * the same event; eventless transitions (`always`, choices, `onDone`) are followed at once,
 * so transient states never rest. Guards stay symbolic: a condition is a list of guard
 * literals, each kept as a placeholder by the builder.
 */

export interface GuardLiteral {
  /** Index into `FlatMachine.guards`. */
  readonly guard: number;
  readonly positive: boolean;
}

export interface FlatState {
  readonly leaves: readonly ChartNode[];
  readonly final: boolean;
}

export interface FlatTransition {
  readonly from: number;
  readonly to: number;
  readonly event: string;
  readonly source: ChartTransition['source'];
  readonly afterMs?: number;
  readonly conditions: readonly GuardLiteral[];
  readonly line: number;
}

export interface FlatMachine {
  readonly states: readonly FlatState[];
  readonly transitions: readonly FlatTransition[];
  /** Distinct guards, by their original text. */
  readonly guards: readonly { readonly name: string; readonly text: string; readonly line: number }[];
}

type Config = readonly ChartNode[];
type Conditions = readonly GuardLiteral[];
type Selected = { readonly t: ChartTransition; readonly node: ChartNode };
const MAX_COMBINATIONS = 256;
const MAX_EVENTLESS_STEPS = 32;

export function flatten(chart: Chart, summary: SummaryBuilder): FlatMachine {
  const nodes = allNodes(chart.root);
  const order = new Map(nodes.map((n, i) => [n, i]));
  const declaredOn = new Map<ChartTransition, ChartNode>();
  for (const n of nodes) for (const t of [...n.transitions, ...n.done]) declaredOn.set(t, n);
  const guards: { name: string; text: string; line: number }[] = [];
  const guardIndex = new Map<string, number>();
  const guardOf = (t: ChartTransition): number => {
    const g = t.guard!;
    let i = guardIndex.get(g.text);
    if (i === undefined) {
      i = guards.length;
      guards.push({ name: g.name, text: g.text, line: t.line });
      guardIndex.set(g.text, i);
    }
    return i;
  };
  const sort = (c: ChartNode[]): Config => [...new Set(c)].sort((a, b) => order.get(a)! - order.get(b)!);
  const topOf = (n: ChartNode): ChartNode =>
    n.parent === null || n.parent === chart.root ? n : topOf(n.parent);
  const keyOf = (c: Config): string => c.map((n) => n.id).join('|');

  /** The leaves entered when `node` is entered, through `explicit` children where given. */
  const enter = (node: ChartNode, explicit: ReadonlySet<ChartNode>): ChartNode[] => {
    switch (node.kind) {
      case 'atomic':
      case 'final':
      case 'choice':
        return [node];
      case 'history': {
        const parent = node.parent!;
        const fallback = node.historyTarget
          ? chart.nodes.get(node.historyTarget)
          : parent.initial
            ? chart.nodes.get(parent.initial)
            : parent.children.find((c) => c.kind !== 'history');
        summary.approximate(
          node.line,
          `History state ${node.key} is entered as ${fallback?.key ?? parent.key}'s default: the design keeps no history.`,
        );
        if (!fallback || fallback === node)
          throw new ImportRefusal(
            node.line,
            `History state ${node.key} has no state to enter; give its parent an initial state.`,
          );
        return enter(fallback, explicit);
      }
      case 'compound': {
        const child =
          [...explicit].find((c) => c.parent === node) ??
          (node.initial ? chart.nodes.get(node.initial) : undefined);
        if (!child)
          throw new ImportRefusal(
            node.line,
            `Composite state ${node.key || chart.name} has no initial state; mark one with [*] --> or initial:.`,
          );
        return enter(child, explicit);
      }
      case 'parallel':
        return node.children.filter((c) => c.kind !== 'history').flatMap((c) => enter(c, explicit));
    }
  };

  /** The child of `node` that holds an active leaf (found from the leaves: linear in depth, not in children). */
  const activeChild = (node: ChartNode, config: Config): ChartNode | undefined => {
    for (const leaf of config) {
      let c: ChartNode = leaf;
      while (c.parent && c.parent !== node) c = c.parent;
      if (c.parent === node) return c;
    }
    return undefined;
  };

  const isDone = (node: ChartNode, config: Config): boolean => {
    if (node.kind === 'compound') {
      const active = activeChild(node, config);
      return (
        active !== undefined &&
        (active.kind === 'final' || (active.kind !== 'atomic' && isDone(active, config)))
      );
    }
    if (node.kind === 'parallel')
      return node.children.filter((c) => c.kind !== 'history').every((c) => isDone(c, config));
    return node.kind === 'final';
  };

  /** Transitions a leaf offers for `event`, child first, up to (and with) the first unguarded one. */
  const candidates = (leaf: ChartNode, event: string | null, config: Config): Selected[] => {
    const out: Selected[] = [];
    for (let n: ChartNode | null = leaf; n; n = n.parent) {
      const own = n.transitions.filter((t) => t.event === event);
      if (event === null && n !== leaf && isDone(n, config)) own.push(...n.done);
      for (const t of own) {
        out.push({ t, node: declaredOn.get(t)! });
        if (!t.guard) return out;
      }
    }
    return out;
  };

  /** Each leaf's alternatives as (conditions, transition or none), mutually exclusive. */
  const alternatives = (
    list: readonly Selected[],
  ): { conditions: GuardLiteral[]; pick: Selected | null }[] => {
    const out: { conditions: GuardLiteral[]; pick: Selected | null }[] = [];
    const before: GuardLiteral[] = [];
    for (const s of list) {
      if (!s.t.guard) return [...out, { conditions: [...before], pick: s }];
      const g = guardOf(s.t);
      out.push({ conditions: [...before, { guard: g, positive: true }], pick: s });
      before.push({ guard: g, positive: false });
    }
    return [...out, { conditions: before, pick: null }];
  };

  const merge = (a: Conditions, b: Conditions): GuardLiteral[] | null => {
    const out = [...a];
    for (const l of b) {
      const same = out.find((o) => o.guard === l.guard);
      if (same) {
        if (same.positive !== l.positive) return null;
      } else out.push(l);
    }
    return out;
  };

  const domainOf = (s: Selected): ChartNode => {
    const targets = s.t.targets.map((id) => chart.nodes.get(id)!);
    if (targets.every((t) => isAncestor(s.node, t))) return s.node;
    let d = s.node.parent ?? s.node;
    while (d.parent && (d.kind !== 'compound' || !targets.every((t) => isAncestor(d, t)))) d = d.parent;
    return d;
  };

  const apply = (config: Config, chosen: readonly Selected[]): Config => {
    let current = [...config];
    const exited = new Set<ChartNode>();
    for (const s of chosen) {
      if (s.t.targets.length === 0) continue;
      const domain = domainOf(s);
      const leaving = current.filter((l) => isAncestor(domain, l));
      if (leaving.some((l) => exited.has(l))) continue; // preempted by an earlier region's transition
      const explicit = new Set<ChartNode>();
      for (const id of s.t.targets)
        for (let n: ChartNode | null = chart.nodes.get(id)!; n && n !== domain; n = n.parent) explicit.add(n);
      const entered =
        domain.kind === 'parallel' || domain.kind === 'compound' ? enter(domain, explicit) : [domain];
      current = [...current.filter((l) => !isAncestor(domain, l)), ...entered];
      for (const l of entered) exited.add(l);
      for (const l of leaving) exited.add(l);
    }
    return sort(current);
  };

  /** The configurations an event leads to from `config`, each with its conditions. */
  const step = (
    config: Config,
    event: string | null,
    start: Conditions,
  ): { conditions: GuardLiteral[]; config: Config; moved: boolean }[] => {
    const perLeaf = config.map((leaf) => alternatives(candidates(leaf, event, config)));
    let combos: { conditions: GuardLiteral[]; picks: Selected[] }[] = [{ conditions: [...start], picks: [] }];
    for (const alts of perLeaf) {
      const next: typeof combos = [];
      for (const c of combos) {
        for (const a of alts) {
          const conditions = merge(c.conditions, a.conditions);
          if (conditions === null) continue;
          next.push({
            conditions,
            picks: a.pick && !c.picks.some((p) => p.t === a.pick!.t) ? [...c.picks, a.pick] : c.picks,
          });
        }
      }
      if (next.length > MAX_COMBINATIONS) {
        throw new ImportRefusal(
          config[0]?.line ?? 0,
          `The guards of ${event ?? 'the eventless transitions'} in the parallel regions around ${config.map((l) => l.key).join(', ')} combine into more than ${MAX_COMBINATIONS} cases; split the machine or remove guards.`,
        );
      }
      combos = next;
    }
    return combos.map((c) => {
      const moved = c.picks.length > 0;
      return { conditions: c.conditions, config: moved ? apply(config, c.picks) : config, moved };
    });
  };

  /** Follows eventless transitions until every outcome rests. */
  const settle = (
    config: Config,
    conditions: Conditions,
    depth: number,
    line: number,
  ): { conditions: GuardLiteral[]; config: Config }[] => {
    const out: { conditions: GuardLiteral[]; config: Config }[] = [];
    for (const o of step(config, null, conditions)) {
      if (!o.moved || keyOf(o.config) === keyOf(config))
        out.push({ conditions: o.conditions, config: o.config });
      else {
        if (depth >= MAX_EVENTLESS_STEPS)
          throw new ImportRefusal(
            line,
            `Eventless transitions (always, choices, onDone) loop without resting near ${config.map((l) => l.key).join(', ')}; give the loop an event.`,
          );
        out.push(...settle(o.config, o.conditions, depth + 1, line));
      }
    }
    return out;
  };

  const states: FlatState[] = [];
  const index = new Map<string, number>();
  const queue: Config[] = [];
  const add = (config: Config): number => {
    const key = keyOf(config);
    let i = index.get(key);
    if (i === undefined) {
      if (states.length >= LIMITS.states)
        throw new ImportRefusal(
          config[0]?.line ?? 0,
          `The machine reaches more than ${LIMITS.states} ${chart.nodes.size > LIMITS.states ? 'states' : 'configurations (parallel regions multiply its states)'}, the most a design holds; split it into smaller machines.`,
        );
      i = states.length;
      states.push({
        leaves: config,
        final: isDone(chart.root, config) || config.some((l) => topOf(l).endsHere === true),
      });
      index.set(key, i);
      queue.push(config);
    }
    return i;
  };
  const transitions: FlatTransition[] = [];
  const emit = (from: number, to: Config, t: Omit<FlatTransition, 'from' | 'to'>): void => {
    transitions.push({ from, to: add(to), ...t });
    if (transitions.length > LIMITS.transitions)
      throw new ImportRefusal(
        t.line,
        `The machine has more than ${LIMITS.transitions} transitions once flattened; split it into smaller machines.`,
      );
  };

  // The initial configuration; guarded eventless transitions out of it become an internal `start`.
  const start = sort(enter(chart.root, new Set()));
  const startOutcomes = settle(start, [], 0, chart.root.line);
  if (startOutcomes.length === 1 && startOutcomes[0]!.conditions.length === 0) add(startOutcomes[0]!.config);
  else {
    const from = add(start);
    summary.approximate(
      start[0]?.line ?? 0,
      `The initial state ${start.map((l) => l.key).join(', ')} decides by guards where to go at once; the design starts there and takes the internal event start.`,
    );
    for (const o of startOutcomes)
      if (keyOf(o.config) !== keyOf(start))
        emit(from, o.config, {
          event: 'start',
          source: 'internal',
          conditions: o.conditions,
          line: start[0]?.line ?? 0,
        });
  }
  // Every leaf outside parallel regions is a state of the design, reachable or not (as drawn).
  for (const n of nodes) {
    if ((n.kind !== 'atomic' && n.kind !== 'final') || n === chart.root) continue;
    let inParallel = false;
    for (let p = n.parent; p; p = p.parent) if (p.kind === 'parallel') inParallel = true;
    if (inParallel) continue;
    const explicit = new Set<ChartNode>();
    for (let p: ChartNode | null = n; p && p !== chart.root; p = p.parent) explicit.add(p);
    const config = sort(enter(chart.root, explicit));
    const rest = settle(config, [], 0, n.line);
    if (rest.length === 1 && keyOf(rest[0]!.config) === keyOf(config)) add(config);
    else if (rest.every((r) => keyOf(r.config) !== keyOf(config)))
      continue; // transient: never rests here
    else add(config);
  }
  // Events in the order they first appear in the text, so the design reads like the source.
  const events = new Map<string, ChartTransition>();
  const declared = nodes.flatMap((n) => n.transitions).filter((t) => t.event !== null);
  for (const t of [...declared].sort((a, b) => a.line - b.line))
    if (!events.has(t.event!)) events.set(t.event!, t);
  for (let q = 0; q < queue.length; q++) {
    const config = queue[q]!;
    const from = index.get(keyOf(config))!;
    if (isDone(chart.root, config)) continue; // the machine has reached its final state: it stops
    // Only the events some active state (or an ancestor) handles, in the text's order.
    const handled = new Set<string>();
    for (const leaf of config)
      for (let n: ChartNode | null = leaf; n; n = n.parent)
        for (const t of n.transitions) if (t.event !== null) handled.add(t.event);
    for (const [event, sample] of events) {
      if (!handled.has(event)) continue;
      for (const o of step(config, event, [])) {
        if (!o.moved) continue;
        const line = candidateLine(config, event);
        for (const r of settle(o.config, o.conditions, 0, line)) {
          emit(from, r.config, {
            event,
            source: sample.source,
            ...(sample.afterMs !== undefined ? { afterMs: sample.afterMs } : {}),
            conditions: r.conditions,
            line,
          });
        }
      }
    }
  }
  function candidateLine(config: Config, event: string): number {
    for (const leaf of config) for (const s of candidates(leaf, event, config)) return s.t.line;
    return 0;
  }
  return { states, transitions, guards };
}
