import type { Design } from '../../model/schema';
import { LIMITS } from '../../model/limits';
import { loadDesignValue } from '../../model/load';
import { PLACEHOLDER_PREFIX } from '../../model/placeholders';
import { isAncestor, type Chart, type ChartNode } from './chart';
import { flatten, type FlatTransition, type GuardLiteral } from './flatten';
import { identifierFor } from './identifiers';
import { layeredLayout } from './layout';
import { ImportRefusal, type ImportResult, type SummaryBuilder } from './summary';

/**
 * A statechart → a valid design. States are the flattened configurations; foreign names become
 * identifiers (the original kept in the description). A guard that is code in the original
 * becomes a visible placeholder, never `true`: on a client event, a bool payload field of that
 * event (the checker tries both values, so both branches stay reachable); on a timer or
 * internal event, a bool var that starts false, listed as approximated. Both are named `todo_…`,
 * which the loader reports as a warning (`src/model/placeholders.ts`) until replaced.
 */

export interface BuildOptions {
  /** The design name of one leaf (Mermaid ids are global; XState paths are joined). */
  readonly stateName: (leaf: ChartNode) => string;
  readonly vars?: Design['vars'];
}

export function buildDesign(chart: Chart, summary: SummaryBuilder, options: BuildOptions): ImportResult {
  try {
    return build(chart, summary, options);
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
}

function build(chart: Chart, summary: SummaryBuilder, options: BuildOptions): ImportResult {
  const flat = flatten(chart, summary);
  if (flat.states.length === 0)
    return { ok: false, errors: [{ line: 0, message: 'No states found: add at least one state.' }] };
  const stateTaken = new Set<string>();
  const stateNames = flat.states.map((s) =>
    identifierFor(configurationName(s.leaves, options.stateName), stateTaken),
  );
  const states: Design['states'] = flat.states.map((s, i) => {
    const original = configurationName(s.leaves, options.stateName);
    const described = s.leaves.map((l) => l.description).filter((d): d is string => d !== undefined);
    const description = [
      ...(s.leaves.length > 1
        ? [`Parallel regions in ${s.leaves.map((l) => l.id).join(', ')}.`]
        : original !== stateNames[i]
          ? [`Imported as ${JSON.stringify(s.leaves[0]!.id)}.`]
          : []),
      ...described,
    ]
      .join('\n')
      .slice(0, LIMITS.descriptionChars);
    return {
      name: stateNames[i]!,
      ...(i === 0 ? { initial: true } : {}),
      ...(s.final ? { final: true } : {}),
      ...(description ? { description } : {}),
    };
  });

  // Events: one per (source, name), client events keep a payload field per guard they test.
  const eventTaken = new Set<string>();
  const events = new Map<
    string,
    {
      name: string;
      original: string;
      source: 'client' | 'timer' | 'internal';
      afterMs?: number;
      fields: Map<number, string>;
    }
  >();
  const vars: Design['vars'] = [...(options.vars ?? [])];
  const varTaken = new Set(vars.map((v) => v.name));
  const guardVar = new Map<number, string>();
  const atom = (eventKey: string, l: GuardLiteral): string => {
    const e = events.get(eventKey)!;
    const g = flat.guards[l.guard]!;
    let text: string;
    if (e.source === 'client' && (e.fields.has(l.guard) || e.fields.size < LIMITS.payloadFields)) {
      if (!e.fields.has(l.guard))
        e.fields.set(l.guard, identifierFor(placeholderName(g.name), new Set(e.fields.values())));
      text = `event.${e.fields.get(l.guard)!}`;
    } else {
      if (!guardVar.has(l.guard)) {
        const name = identifierFor(placeholderName(g.name), varTaken);
        guardVar.set(l.guard, name);
        vars.push({
          name,
          type: 'bool',
          initial: false,
          description: `Placeholder for the guard ${g.text} (code in the original): replace it in the transitions that read it.`,
        });
        summary.approximate(
          g.line,
          `Guard ${g.text} on ${e.name} (a ${e.source} event) is the placeholder var ${name}, false until you replace it: its branch is not explored.`,
        );
      }
      text = guardVar.get(l.guard)!;
    }
    return l.positive ? text : `!${text}`;
  };
  const transitions: Design['transitions'] = [];
  const simplified = withoutImpliedNegations(flat.transitions);
  for (const t of simplified) {
    let event: string;
    let key = '';
    if (t.source === 'restart') event = '$restart';
    else {
      key = `${t.source}:${t.event}`;
      if (!events.has(key))
        events.set(key, {
          name: identifierFor(t.event, eventTaken),
          original: t.event,
          source: t.source,
          ...(t.afterMs !== undefined ? { afterMs: t.afterMs } : {}),
          fields: new Map(),
        });
      event = events.get(key)!.name;
    }
    const guard = t.conditions.map((l) => atom(key, l)).join(' && ');
    const placeholders = [...new Set(t.conditions.map((l) => flat.guards[l.guard]!.text))];
    transitions.push({
      from: stateNames[t.from]!,
      event,
      to: stateNames[t.to]!,
      ...(guard
        ? {
            guard,
            description:
              `Placeholder guard${placeholders.length > 1 ? 's' : ''} for ${placeholders.join(', ')} (code in the original, line ${t.line}): replace with the condition.`.slice(
                0,
                LIMITS.descriptionChars,
              ),
          }
        : {}),
    });
  }
  if (events.size > LIMITS.events)
    return {
      ok: false,
      errors: [
        {
          line: 0,
          message: `The machine has ${events.size} events, more than ${LIMITS.events}; split it into smaller machines.`,
        },
      ],
    };
  if (vars.length > LIMITS.vars)
    return {
      ok: false,
      errors: [
        {
          line: 0,
          message: `The machine needs ${vars.length} vars (context and guards), more than ${LIMITS.vars}; split it.`,
        },
      ],
    };
  const design: Design = {
    format: 'protocol-studio',
    version: 1,
    name: chart.name.slice(0, LIMITS.designNameChars) || 'Imported',
    vars,
    states,
    events: [...events.values()].map((e) => ({
      name: e.name,
      source: e.source,
      ...(e.source === 'client' ? { unhandled: 'ignore' as const } : {}),
      ...(e.fields.size > 0
        ? { payload: [...e.fields.values()].map((name) => ({ name, type: 'bool' as const })) }
        : {}),
      ...(e.afterMs !== undefined ? { afterMs: e.afterMs } : {}),
      ...(e.original !== e.name
        ? { description: `Imported as ${JSON.stringify(e.original)}.`.slice(0, LIMITS.descriptionChars) }
        : {}),
    })),
    transitions,
    invariants: [],
    layout: layeredLayout(
      states.map((s) => s.name),
      states[0]!.name,
      transitions,
    ),
  };
  const guardCount = flat.guards.length;
  summary.imported.unshift(
    `${states.length} state${states.length === 1 ? '' : 's'}`,
    `${transitions.length} transition${transitions.length === 1 ? '' : 's'}`,
    `${design.events.length} event${design.events.length === 1 ? '' : 's'}`,
    ...(guardCount > 0
      ? [`${guardCount} guard${guardCount === 1 ? '' : 's'} as placeholders to fill in`]
      : []),
  );
  const loaded = loadDesignValue(design);
  if (!loaded.ok)
    return {
      ok: false,
      errors: loaded.errors.map((e) => ({
        line: 0,
        message: `The imported design is not valid (${e.path}: ${e.message}); please report this file.`,
      })),
    };
  return { ok: true, design, summary: summary.build() };
}

/**
 * A configuration's name: its leaf's name, or for parallel regions the common ancestor's name
 * followed by each region's leaf (`on__a2__b1`), short enough to stay readable.
 */
function configurationName(leaves: readonly ChartNode[], stateName: (leaf: ChartNode) => string): string {
  if (leaves.length === 1) return stateName(leaves[0]!);
  let common: ChartNode | null = leaves[0]!.parent;
  while (common && !leaves.every((l) => isAncestor(common!, l))) common = common.parent;
  const prefix = common && common.parent ? stateName(common) : '';
  return [prefix, ...leaves.map((l) => l.key)].filter((p) => p !== '').join('__');
}

/** `todo_<name>`; a name that already is a placeholder (a design exported and imported again) keeps it. */
function placeholderName(name: string): string {
  const bare = name.trim().replace(/^!?\s*(event\.)?/, '');
  return bare.startsWith(PLACEHOLDER_PREFIX) ? bare : `${PLACEHOLDER_PREFIX}${bare}`;
}

/**
 * Guards are tried in document order, first true wins, so `¬g` in a transition is implied when an
 * earlier transition of the same state and event would have been taken had `g` held: dropping it
 * keeps the meaning and gives the `[g]` / else shape the original had.
 */
function withoutImpliedNegations(transitions: readonly FlatTransition[]): FlatTransition[] {
  const groups = new Map<string, FlatTransition[]>();
  const out: FlatTransition[] = [];
  for (const t of transitions) {
    const key = `${t.from}\u0000${t.source}\u0000${t.event}`;
    const earlier = groups.get(key) ?? [];
    let conditions = [...t.conditions];
    for (let changed = true; changed;) {
      changed = false;
      for (const l of conditions) {
        if (l.positive) continue;
        const rest = conditions.filter((c) => c !== l);
        const covers = (e: FlatTransition) =>
          e.conditions.every(
            (c) =>
              (c.guard === l.guard && c.positive) ||
              rest.some((r) => r.guard === c.guard && r.positive === c.positive),
          );
        if (earlier.some(covers)) {
          conditions = rest;
          changed = true;
          break;
        }
      }
    }
    const simplified = { ...t, conditions };
    earlier.push(t);
    groups.set(key, earlier);
    out.push(simplified);
  }
  return out;
}
