import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import { designNames } from '../../model/designScope';
import type { Type } from '../../model/expr/types';
import { parsePointer } from '../../model/pointer';
import type { Design } from '../../model/schema';

const OBSERVABLES = ['sent', 'acked', 'failed', 'ambiguous'] as const;

/**
 * The names an expression at `path` (a JSON pointer: a guard, an update, an invariant) may read,
 * from the design's own scope: vars, `state` and the state names, enum values, `event.<field>` of
 * the transition's event, and in invariants the client observables (`sent.Charge`, `crashes`).
 */
export function completionNames(design: Design, path: string): Completion[] {
  const names = designNames(design);
  const [head, index, field] = parsePointer(path);
  const inTransition = head === 'transitions';
  const invariant = head === 'invariants' || (inTransition && field === 'invariants');
  const out: Completion[] = [
    { label: 'state', type: 'keyword', detail: 'the current state' },
    { label: 'true', type: 'keyword' },
    { label: 'false', type: 'keyword' },
  ];
  const literals = (type: Type, owner: string) => {
    if (type.kind === 'enum')
      for (const v of type.values) out.push({ label: JSON.stringify(v), type: 'enum', detail: owner });
  };
  for (const s of names.stateType.values)
    out.push({ label: JSON.stringify(s), type: 'enum', detail: 'state' });
  for (const [name, info] of names.vars) {
    out.push({ label: name, type: 'variable', detail: typeText(info.type) });
    literals(info.type, name);
  }
  const transition = inTransition ? design.transitions[Number(index)] : undefined;
  const event = transition === undefined ? undefined : names.events.get(transition.event);
  if (event !== undefined) {
    for (const [name, info] of names.fieldsOf[event.index]!) {
      out.push({
        label: `event.${name}`,
        type: 'property',
        detail: `${transition!.event} payload, ${typeText(info.type)}`,
      });
      literals(info.type, `event.${name}`);
    }
  }
  if (invariant) {
    out.push({ label: 'crashes', type: 'keyword', detail: 'crashes so far' });
    for (const [name, e] of names.events)
      if (e.client)
        for (const o of OBSERVABLES)
          out.push({ label: `${o}.${name}`, type: 'keyword', detail: `${o} ${name} requests` });
  }
  // A name declared twice (the loader reports it) is offered once.
  return out.filter((c, i) => out.findIndex((d) => d.label === c.label) === i);
}

function typeText(type: Type): string {
  return type.kind === 'enum' ? `one of ${type.values.join(', ')}` : type.kind;
}

/** CodeMirror's completion source for the expression at `path`, reading the design when asked. */
export function expressionCompletion(design: () => Design, path: string): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    // A word, a dotted name (`event.am`, `sent.Ch`) or a string literal begun (`"Cha`).
    const word = context.matchBefore(/"[^"]*|[A-Za-z_$][\w$]*(?:\.[\w$]*)?/);
    if (word === null && !context.explicit) return null;
    return {
      from: word?.from ?? context.pos,
      options: completionNames(design(), path),
      validFor: /^("[^"]*|[\w$]*(\.[\w$]*)?)$/,
    };
  };
}
