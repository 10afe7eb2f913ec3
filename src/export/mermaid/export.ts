import type { Model } from '../../model/model';
import { printExpression } from '../../model/expr/print';
import { parseDesign } from '../expressions';

/**
 * Mermaid `stateDiagram-v2`. State names are identifiers and go in as they are; everything else
 * (event labels with printed guards, the design's name and descriptions) goes through
 * `mermaidText`, the one escaping function of this target.
 */

/** Label text: characters outside a small safe set become Mermaid entity codes (`#35;`), line breaks become spaces. */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')) {
    out += /[A-Za-z0-9 _.,+*/=!&|'()-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

/**
 * A sequence diagram's note on a violation: the invariant it violates by name (`violates
 * TCConsistent`), any other kind with its subject (`replay Acquire`, `deadlock RM[2]`). Plain
 * text: the caller escapes it like every other label.
 */
export function violationNote(v: { readonly kind: string; readonly name: string }): string {
  return v.kind === 'invariant' ? `violates ${v.name}` : `${v.kind}${v.name ? ` ${v.name}` : ''}`;
}

/**
 * A `%%` comment line: nothing in it can end the line early, and no `%` survives, because Mermaid
 * applies a `%%{init: …}%%` directive wherever it appears, comments included.
 */
function comment(text: string): string {
  return `%% ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').replace(/%/g, '#37;')}`;
}

export function mermaidDiagram(model: Model): string {
  const design = parseDesign(model);
  const lines = ['stateDiagram-v2', `    ${comment(`${model.name} (exported by Protocol Studio)`)}`];
  lines.push(`    [*] --> ${model.states[model.initialState]!.name}`);
  for (const pt of design.transitions) {
    const t = pt.model;
    const event = t.event < 0 ? '$restart' : model.events[t.event]!.name;
    const guard = pt.guard ? ` [${printExpression(pt.guard)}]` : '';
    lines.push(`    ${model.states[t.from]!.name} --> ${model.states[t.to]!.name} : ${mermaidText(`${event}${guard}`)}`);
  }
  for (const s of model.states) if (s.final) lines.push(`    ${s.name} --> [*]`);
  for (const s of model.states) if (s.description) lines.push(`    ${comment(`${s.name}: ${s.description}`)}`);
  const volatile = model.states.filter((s) => !s.durable);
  if (volatile.length > 0) {
    lines.push('    classDef volatile stroke-dasharray: 5 5');
    lines.push(`    class ${volatile.map((s) => s.name).join(',')} volatile`);
  }
  return `${lines.join('\n')}\n`;
}
