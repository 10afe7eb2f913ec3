/**
 * A small reader for JSON and JavaScript object literals (JSON5-ish: unquoted keys, single
 * quotes, template strings without `${`, trailing commas, comments). It never evaluates: a value
 * it cannot read as data (a function, a call, an identifier) becomes `{ kind: 'code' }` with its
 * source text, skipped by bracket matching, so importers can turn it into a stub.
 */

export type Literal =
  | {
      readonly kind: 'object';
      readonly line: number;
      readonly entries: readonly { readonly key: string; readonly line: number; readonly value: Literal }[];
    }
  | { readonly kind: 'array'; readonly line: number; readonly items: readonly Literal[] }
  | { readonly kind: 'string'; readonly line: number; readonly value: string }
  | { readonly kind: 'number'; readonly line: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly line: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly line: number }
  | { readonly kind: 'code'; readonly line: number; readonly text: string };

export class LiteralError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 64;

export function readLiteral(text: string, start = 0): { value: Literal; end: number } {
  let i = start;
  // Line starts, found once: every lookup is a binary search, so reading stays linear.
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string): never => {
    throw new LiteralError(message, lineAt(i));
  };
  const skip = (): void => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && text[i + 1] === '/') while (i < text.length && text[i] !== '\n') i++;
      else if (c === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) fail('Unclosed comment.');
        i = close + 2;
      } else return;
    }
  };
  const string = (): string => {
    const quote = text[i]!;
    i++;
    let out = '';
    while (i < text.length && text[i] !== quote) {
      const c = text[i]!;
      if (quote === '`' && c === '$' && text[i + 1] === '{')
        fail('Template strings with ${…} are code, not data.');
      if (c === '\\') {
        const n = text[i + 1] ?? '';
        const simple: Record<string, string> = {
          n: '\n',
          t: '\t',
          r: '\r',
          b: '\b',
          f: '\f',
          v: '\v',
          '0': '\0',
        };
        if (n === 'u') {
          const hex = /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2));
          if (!hex) fail('Bad \\u escape.');
          out += String.fromCharCode(parseInt(hex![0], 16));
          i += 6;
          continue;
        }
        out += simple[n] ?? n;
        i += 2;
        continue;
      }
      if ((c === '\n' || c === '\r') && quote !== '`') fail('Unterminated string.');
      out += c;
      i++;
    }
    if (i >= text.length) fail('Unterminated string.');
    i++;
    return out;
  };
  /** Skips a value that is code, up to the `,` `}` or `]` that ends it at depth 0. */
  const code = (): Literal => {
    const line = lineAt(i);
    const from = i;
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"' || c === "'" || c === '`') {
        if (c === '`') {
          // Template literals in code may hold ${…}: skip to the closing backtick.
          const close = text.indexOf('`', i + 1);
          if (close < 0) fail('Unterminated template string.');
          i = close + 1;
        } else string();
        continue;
      }
      if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
        skip();
        continue;
      }
      // `f<A, B>(…)`: a `<` right after a name opens type arguments, whose commas do not end the value.
      if (c === '<' && /[A-Za-z0-9_$]/.test(text[i - 1] ?? '')) depth++;
      else if (c === '>' && text[i - 1] !== '=' && depth > 0 && angleOpen(from, i)) depth--;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      i++;
    }
    return { kind: 'code', line, text: text.slice(from, i).trim() };
  };
  /** Whether an unclosed type-argument `<` is open between `from` and `to` (bounded look-back). */
  const angleOpen = (from: number, to: number): boolean => {
    let open = 0;
    for (let k = Math.max(from, to - 400); k < to; k++) {
      if (text[k] === '<' && /[A-Za-z0-9_$]/.test(text[k - 1] ?? '')) open++;
      else if (text[k] === '>' && text[k - 1] !== '=' && open > 0) open--;
    }
    return open > 0;
  };
  /** Skips a TypeScript `as T` or `satisfies T` after a value: the type is not data. */
  const skipTypeAssertion = (): void => {
    for (;;) {
      skip();
      const m = /^(as|satisfies)(?![A-Za-z0-9_$])/.exec(text.slice(i, i + 12));
      if (!m) return;
      i += m[0].length;
      let depth = 0;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"' || c === "'" || c === '`') {
          string();
          continue;
        }
        if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
          skip();
          continue;
        }
        if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
        else if (c === '>' && text[i - 1] === '=') {
          // an arrow in a function type
        } else if (c === ')' || c === ']' || c === '}' || c === '>') {
          if (depth === 0) break;
          depth--;
        } else if ((c === ',' || c === ';') && depth === 0) break;
        i++;
      }
    }
  };
  const value = (depth: number): Literal => {
    if (depth > MAX_DEPTH) fail('Nested too deeply.');
    skip();
    const line = lineAt(i);
    const c = text[i];
    if (c === undefined) fail('Unexpected end of text.');
    if (c === '{') {
      i++;
      const entries: { key: string; line: number; value: Literal }[] = [];
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          return { kind: 'object', line, entries };
        }
        const keyLine = lineAt(i);
        let key: string;
        if (text.startsWith('...', i)) {
          // A spread is code: kept as an entry named `...` so the importer can say where it was.
          i += 3;
          entries.push({ key: '...', line: keyLine, value: code() });
          skip();
          if (text[i] === ',') i++;
          continue;
        }
        if (text[i] === '"' || text[i] === "'") key = string();
        else if (text[i] === '[') {
          // A computed key `[expr]`: its text is kept in brackets; it is not data.
          const start = i;
          i++;
          code();
          if (text[i] !== ']') fail('Expected "]" after a computed key.');
          i++;
          key = text.slice(start, i);
        } else {
          const m = /^[A-Za-z0-9_$]+/.exec(text.slice(i, i + 200));
          if (!m) fail(`Expected a key, found ${JSON.stringify(text[i])}.`);
          key = m![0];
          i += key.length;
        }
        skip();
        if (text[i] === ',' || text[i] === '}') {
          // A shorthand property `{ context, … }`: a name, so code.
          entries.push({ key, line: keyLine, value: { kind: 'code', line: keyLine, text: key } });
          if (text[i] === ',') i++;
          continue;
        }
        if (text[i] === '?') i++;
        if (text[i] === '(' || text[i] === '<') {
          // A method: `entry() { … }`.
          entries.push({ key, line: keyLine, value: code() });
        } else {
          if (text[i] !== ':') fail(`Expected ":" after ${JSON.stringify(key)}.`);
          i++;
          entries.push({ key, line: keyLine, value: value(depth + 1) });
          skipTypeAssertion();
        }
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('Expected "," or "}".');
      }
    }
    if (c === '[') {
      i++;
      const items: Literal[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          return { kind: 'array', line, items };
        }
        items.push(value(depth + 1));
        skipTypeAssertion();
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('Expected "," or "]".');
      }
    }
    if (c === '"' || c === "'" || c === '`') return { kind: 'string', line, value: string() };
    const num = /^-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![A-Za-z0-9_$])/.exec(
      text.slice(i, i + 100),
    );
    if (num) {
      i += num[0].length;
      return { kind: 'number', line, value: Number(num[0]) };
    }
    for (const [word, lit] of [
      ['true', { kind: 'boolean', line, value: true }],
      ['false', { kind: 'boolean', line, value: false }],
      ['null', { kind: 'null', line }],
    ] as const) {
      if (text.startsWith(word, i) && !/[A-Za-z0-9_$]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return lit;
      }
    }
    return code();
  };
  const result = value(0);
  skip();
  return { value: result, end: i };
}
