import type { Design } from '../../model/schema';
import { loadDesignValue } from '../../model/load';
import { identifierFor } from './identifiers';
import { layeredLayout } from './layout';

/**
 * What an importer found, in the foreign format's own names, and how it becomes a design:
 * names become identifiers, events get a source, guards and actions become stubs (guard
 * `true`, the original named in the transition's description) for the designer to fill in.
 */

export interface ImportProblem {
  /** 1-based line in the imported text (0 when no line applies). */
  readonly line: number;
  readonly message: string;
}

export interface ForeignState {
  readonly name: string;
  readonly line: number;
  readonly final?: boolean;
  readonly description?: string;
}

export interface ForeignTransition {
  readonly from: string;
  readonly to: string;
  /** null: a transition without an event (Mermaid's unlabeled arrow, XState's `always`). */
  readonly event: string | null;
  /** `restart`: a `$restart` transition (as this project's Mermaid export writes them). */
  readonly source: 'client' | 'timer' | 'internal' | 'restart';
  readonly afterMs?: number;
  /** Guards, conditions and actions of the original, described for a stub. */
  readonly notes: readonly string[];
  readonly line: number;
}

export interface ForeignMachine {
  readonly name: string;
  readonly initial: string | null;
  readonly states: readonly ForeignState[];
  readonly transitions: readonly ForeignTransition[];
  readonly vars?: Design['vars'];
}

export type ImportResult =
  | { readonly ok: true; readonly design: Design; readonly warnings: readonly ImportProblem[] }
  | { readonly ok: false; readonly errors: readonly ImportProblem[] };

export function buildDesign(machine: ForeignMachine, warnings: ImportProblem[]): ImportResult {
  const errors: ImportProblem[] = [];
  if (machine.states.length === 0) return { ok: false, errors: [{ line: 0, message: 'No states found.' }] };
  const taken = new Set<string>();
  const stateName = new Map<string, string>();
  for (const s of machine.states) if (!stateName.has(s.name)) stateName.set(s.name, identifierFor(s.name, taken));
  const initial = machine.initial ?? machine.states[0]!.name;
  if (machine.initial === null) warnings.push({ line: machine.states[0]!.line, message: `No initial state given: ${machine.states[0]!.name} is taken as initial.` });
  if (!stateName.has(initial)) errors.push({ line: 0, message: `The initial state ${JSON.stringify(initial)} is not a state.` });
  const eventTaken = new Set<string>();
  const events = new Map<string, { name: string; source: 'client' | 'timer' | 'internal'; afterMs?: number }>();
  const eventKey = (t: ForeignTransition) => `${t.source}:${t.event ?? ''}`;
  for (const t of machine.transitions) {
    for (const end of [t.from, t.to]) if (!stateName.has(end)) errors.push({ line: t.line, message: `${JSON.stringify(end)} is not a state.` });
    if (t.source !== 'restart' && !events.has(eventKey(t))) {
      const name = identifierFor(t.event ?? 'proceed', eventTaken);
      events.set(eventKey(t), { name, source: t.source as 'client' | 'timer' | 'internal', ...(t.afterMs !== undefined ? { afterMs: t.afterMs } : {}) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const states = machine.states
    .filter((s, i) => machine.states.findIndex((o) => o.name === s.name) === i)
    .map((s) => ({
      name: stateName.get(s.name)!,
      ...(s.name === initial ? { initial: true } : {}),
      ...(s.final ? { final: true } : {}),
      ...(s.description || s.name !== stateName.get(s.name) ? { description: s.description ?? `Imported as ${JSON.stringify(s.name)}.` } : {}),
    }));
  const transitions = machine.transitions.map((t) => ({
    from: stateName.get(t.from)!,
    event: t.source === 'restart' ? '$restart' : events.get(eventKey(t))!.name,
    to: stateName.get(t.to)!,
    ...(t.notes.length > 0 ? { guard: 'true', description: `To fill in: ${t.notes.join('; ')}.` } : {}),
  }));
  const design: Design = {
    format: 'protocol-studio',
    version: 1,
    name: machine.name.slice(0, 80) || 'Imported',
    vars: machine.vars ?? [],
    states,
    events: [...events.values()].map((e) => ({ name: e.name, source: e.source, ...(e.afterMs !== undefined ? { afterMs: e.afterMs } : {}) })),
    transitions,
    invariants: [],
    layout: layeredLayout(states.map((s) => s.name), stateName.get(initial)!, transitions),
  };
  const loaded = loadDesignValue(design);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map((e) => ({ line: 0, message: `${e.path}: ${e.message}` })) };
  return { ok: true, design, warnings };
}
