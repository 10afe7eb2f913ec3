import { LiteralError, readLiteral, type Literal } from './objectLiteral';
import { ImportRefusal } from './summary';

/**
 * Finds the machine configs of an XState source file without running it: JSON, or the object
 * literal passed to `createMachine(…)`, `createMachine<…>(…)`, `setup(…).createMachine(…)` or
 * v4's `Machine(…)`. A machine inside another's config (an invoked child) is not a machine of
 * the file. Several machines: the one named by `machine` (variable name or `id`), else a
 * refusal naming them all.
 */

export interface FoundMachine {
  readonly name: string;
  readonly line: number;
  readonly config: Literal;
}

const CALL = /\b(createMachine|Machine)\s*(<)?/g;

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < pos; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/** Skips `<…>` type arguments (nested, bounded) starting at `pos` (on the `<`); returns the index after `>`. */
function skipTypeArguments(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < text.length && i < pos + 20_000; i++) {
    const c = text[i];
    if (c === '<') depth++;
    else if (c === '>' && text[i - 1] !== '=') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipSpace(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i))
      i = text.indexOf('*/', i) < 0 ? text.length : text.indexOf('*/', i) + 2;
    else return i;
  }
}

/**
 * Where comments and one-line strings are, so `createMachine(` in a comment or a message is not
 * taken for a call. Linear; a run of three backticks is a Markdown fence, not a template string.
 */
function commentsAndStrings(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let end = -1;
    if (c === '/' && text[i + 1] === '/')
      end = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*')
      end = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (c === '`' && text.startsWith('```', i)) {
      while (text[i + 1] === '`') i++;
      continue;
    } else if (c === '"' || c === "'" || c === '`') {
      let k = i + 1;
      for (; k < text.length && text[k] !== c && (c === '`' || text[k] !== '\n'); k++)
        if (text[k] === '\\') k++;
      end = k + 1;
    }
    if (end < 0) continue;
    spans.push([i, end]);
    i = end - 1;
  }
  return spans;
}

function inSpans(spans: [number, number][], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= pos) lo = mid + 1;
    else if (spans[mid]![0] > pos) hi = mid - 1;
    else return true;
  }
  return false;
}

export function findMachines(text: string): FoundMachine[] {
  const trimmed = skipSpace(text, 0);
  if (text[trimmed] === '{') return [{ name: '', line: lineOf(text, trimmed), config: read(text, trimmed) }];
  const found: FoundMachine[] = [];
  let covered = 0;
  let spans: [number, number][] | null = null;
  for (const m of text.matchAll(CALL)) {
    if (m.index < covered) continue; // inside an earlier machine: an invoked child
    spans ??= commentsAndStrings(text);
    if (inSpans(spans, m.index)) continue; // a mention in a comment or a string
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (before === '.' && m[1] === 'Machine') continue;
    let i = m.index + m[0].length;
    if (m[2]) {
      i = skipTypeArguments(text, i - 1);
      if (i < 0) continue;
    }
    i = skipSpace(text, i);
    if (text[i] !== '(') continue; // an import or a mention, not a call
    i = skipSpace(text, i + 1);
    const line = lineOf(text, m.index);
    let at = i;
    if (text[i] !== '{') {
      // `createMachine(config)`: the config may be an object literal bound to that name in this file.
      const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 100))?.[0];
      const bound = name === undefined ? -1 : constObject(text, name);
      if (bound < 0)
        throw new ImportRefusal(
          line,
          `${m[1]}( at line ${line} is given ${JSON.stringify(text.slice(i, i + 30).split(/[\s,)]/)[0])}, not an object literal; put the config object inline in the call.`,
        );
      at = bound;
    }
    const config = readAt(text, at);
    covered = at === i ? config.end : m.index + m[0].length;
    const declared = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)[^=;]*=[^;=]*$/.exec(
      text.slice(Math.max(0, m.index - 4000), m.index),
    );
    const id =
      config.value.kind === 'object' ? config.value.entries.find((e) => e.key === 'id')?.value : undefined;
    found.push({
      name: declared?.[1] ?? (id?.kind === 'string' ? id.value : `machine at line ${line}`),
      line,
      config: config.value,
    });
  }
  return found;
}

function readAt(text: string, start: number): { value: Literal; end: number } {
  try {
    return readLiteral(text, start);
  } catch (e) {
    if (e instanceof LiteralError)
      throw new ImportRefusal(
        e.line,
        `${e.message.replace(/\.$/, '')} (line ${e.line}): the machine config is read as data, never run; write this part as a plain value.`,
      );
    throw e;
  }
}

function read(text: string, start: number): Literal {
  return readAt(text, start).value;
}

const nameAndLine = (m: FoundMachine): string =>
  m.name.startsWith('machine at line') ? m.name : `${m.name} (line ${m.line})`;

/** The machine to import, or a refusal that names the choices. */
export function pickMachine(text: string, wanted?: string): FoundMachine {
  const machines = findMachines(text);
  if (machines.length === 0)
    throw new ImportRefusal(
      1,
      'No machine found: expected a JSON config, createMachine({ … }), setup(…).createMachine({ … }) or Machine({ … }).',
    );
  const idOf = (m: FoundMachine) => {
    const id = m.config.kind === 'object' ? m.config.entries.find((e) => e.key === 'id')?.value : undefined;
    return id?.kind === 'string' ? id.value : undefined;
  };
  if (wanted !== undefined && wanted !== '') {
    const match = machines.find(
      (m) => m.name === wanted || idOf(m) === wanted || (/^\d+$/.test(wanted) && m.line === Number(wanted)),
    );
    if (!match)
      throw new ImportRefusal(
        1,
        `No machine named ${JSON.stringify(wanted)}; this file defines ${machines.map(nameAndLine).join(', ')}.`,
      );
    return match;
  }
  if (machines.length > 1) {
    throw new ImportRefusal(
      machines[1]!.line,
      `This file defines ${machines.length} machines: ${machines.map(nameAndLine).join(', ')}; choose one by name, id or line (--machine NAME on the command line, the Machine field in the browser).`,
    );
  }
  return machines[0]!;
}

/** The position of the `{` of `const NAME = {` (also `let`/`var`, with a type annotation) in `text`, or -1. */
export function constObject(text: string, name: string): number {
  const escaped = name.replace(/\$/g, '\\$');
  const m = new RegExp(String.raw`(?:const|let|var)\s+${escaped}\s*(?::[^=;]{0,200})?=\s*(?:\(\s*)?\{`).exec(
    text,
  );
  return m ? m.index + m[0].length - 1 : -1;
}
