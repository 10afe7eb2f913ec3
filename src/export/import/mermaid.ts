import { buildDesign, type ForeignState, type ForeignTransition, type ImportProblem, type ImportResult } from './build';

/**
 * Mermaid `stateDiagram-v2` (or `stateDiagram`) → design. Understood: `A --> B`, `A --> B : label`,
 * `[*] --> A` (initial), `A --> [*]` (final), `state "Text" as A`, `A : description`,
 * composite `state A { … }` (flattened: its inner states join the design), `%%` comments.
 * Skipped with a warning: notes, `classDef`/`class`, `direction`, forks and choices.
 * A label `Event [guard] / action` gives the event; the guard and action go into a stub.
 */

const ARROW = /^(\[\*\]|[^\s:]+)\s*-->\s*(\[\*\]|[^\s:]+)\s*(?::\s*(.*))?$/;

/** Mermaid entity codes (`#35;`, as the exporter writes them) back to characters. */
function decodeEntities(text: string): string {
  return text.replace(/#(\d{1,7});/g, (_m, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)));
}

function splitLabel(label: string): { event: string; notes: string[] } {
  const notes: string[] = [];
  let event = decodeEntities(label);
  const guard = /\[([^\]]*)\]/.exec(event);
  if (guard) {
    notes.push(`guard [${guard[1]!.trim()}]`);
    event = event.replace(guard[0], ' ');
  }
  const slash = event.indexOf('/');
  if (slash >= 0) {
    notes.push(`action ${event.slice(slash + 1).trim()}`);
    event = event.slice(0, slash);
  }
  return { event: event.trim(), notes };
}

export function importMermaid(text: string): ImportResult {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const states = new Map<string, ForeignState>();
  const transitions: ForeignTransition[] = [];
  let initial: string | null = null;
  const finals = new Set<string>();
  const descriptions = new Map<string, string>();
  const composites: string[] = [];
  let header = false;
  let inNote = false;
  const addState = (name: string, line: number): void => {
    if (!states.has(name)) states.set(name, { name, line });
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/%%.*$/, '').trim();
    if (content === '') return;
    if (inNote) {
      if (/^end\s+note$/i.test(content)) inNote = false;
      return;
    }
    if (!header) {
      if (/^stateDiagram(-v2)?$/.test(content)) header = true;
      else errors.push({ line, message: 'Expected "stateDiagram-v2" as the first statement.' });
      return;
    }
    if (/^note\s/i.test(content)) {
      if (!content.includes(':')) inNote = true;
      warnings.push({ line, message: 'Notes are not imported.' });
      return;
    }
    if (/^(classDef|class|direction|accTitle|accDescr|title)\b/.test(content) || /^[A-Za-z0-9_]+:::/.test(content)) {
      warnings.push({ line, message: `Skipped: ${content.split(/\s/)[0]}.` });
      return;
    }
    if (content === '}') {
      if (composites.pop() === undefined) errors.push({ line, message: 'Unmatched "}".' });
      return;
    }
    const composite = /^state\s+([A-Za-z0-9_]+)\s*\{$/.exec(content);
    if (composite) {
      addState(composite[1]!, line);
      composites.push(composite[1]!);
      warnings.push({ line, message: `Composite state ${composite[1]} is flattened: its inner states become states of the design.` });
      return;
    }
    const alias = /^state\s+"([^"]*)"\s+as\s+([A-Za-z0-9_]+)\s*(<<\w+>>)?$/.exec(content);
    if (alias) {
      addState(alias[2]!, line);
      descriptions.set(alias[2]!, alias[1]!);
      return;
    }
    const pseudo = /^state\s+([A-Za-z0-9_]+)\s*<<(\w+)>>$/.exec(content);
    if (pseudo) {
      addState(pseudo[1]!, line);
      warnings.push({ line, message: `<<${pseudo[2]}>> is imported as a plain state.` });
      return;
    }
    const bare = /^state\s+([A-Za-z0-9_]+)$/.exec(content);
    if (bare) {
      addState(bare[1]!, line);
      return;
    }
    const arrow = ARROW.exec(content);
    if (arrow) {
      const [, from, to, label] = arrow;
      const inside = composites.length > 0;
      if (from === '[*]' && to === '[*]') {
        errors.push({ line, message: '"[*] --> [*]" names no state.' });
        return;
      }
      if (from === '[*]') {
        addState(to!, line);
        if (!inside) {
          if (initial !== null && initial !== to) errors.push({ line, message: `A second initial state: ${to} (already ${initial}).` });
          initial = to!;
        }
        return;
      }
      if (to === '[*]') {
        addState(from!, line);
        if (!inside) finals.add(from!);
        return;
      }
      addState(from!, line);
      addState(to!, line);
      const split = label ? splitLabel(label) : { event: '', notes: [] };
      transitions.push({
        from: from!,
        to: to!,
        event: split.event === '' ? null : split.event,
        source: split.event === '' ? 'internal' : split.event === '$restart' ? 'restart' : 'client',
        notes: split.notes,
        line,
      });
      return;
    }
    const described = /^([A-Za-z0-9_]+)\s*:\s*(.*)$/.exec(content);
    if (described) {
      addState(described[1]!, line);
      descriptions.set(described[1]!, described[2]!);
      return;
    }
    const plain = /^([A-Za-z0-9_]+)$/.exec(content);
    if (plain) {
      addState(plain[1]!, line);
      return;
    }
    errors.push({ line, message: `Cannot read this line: ${JSON.stringify(content.slice(0, 60))}.` });
  });
  if (!header && errors.length === 0) errors.push({ line: 1, message: 'Empty diagram: expected "stateDiagram-v2".' });
  if (composites.length > 0) errors.push({ line: text.split(/\r?\n/).length, message: `Unclosed composite state ${composites.at(-1)}.` });
  if (errors.length > 0) return { ok: false, errors };
  return buildDesign(
    {
      name: 'Imported diagram',
      initial,
      states: [...states.values()].map((s) => ({
        ...s,
        ...(finals.has(s.name) ? { final: true } : {}),
        ...(descriptions.has(s.name) ? { description: descriptions.get(s.name)! } : {}),
      })),
      transitions,
    },
    warnings,
  );
}
