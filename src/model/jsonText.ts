import { LIMITS } from './limits';
import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';

/**
 * Stage 1 of loading: the raw text. Refuses a file that is too large or nested too deep BEFORE
 * `JSON.parse` runs, so a hostile file can neither exhaust memory nor overflow the stack, and
 * reports bad JSON with a line and column (the engine's own messages often have neither).
 */

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: DesignError };

/** UTF-8 size of a string, counted without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2; // half of a 4-byte pair
    else bytes += 3;
  }
  return bytes;
}

/** Line and column (both 1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface SyntaxProblem {
  readonly offset: number;
  readonly message: string;
  readonly code: string;
  /** For problems of one value (a repeated key, a number beyond doubles): where it sits. */
  readonly path?: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Checks JSON syntax and nesting depth without building anything. Iterative (an explicit
 * container stack), so depth costs no call stack. Returns the first problem or null.
 */
export function scanJson(text: string, maxDepth: number): SyntaxProblem | null {
  let pos = 0;
  const stack: number[] = []; // 0: array, 1: object
  // Beside the stack: where the scan is (key or index per level), and each open object's keys,
  // so a repeated key is refused at the later one (JSON.parse would silently keep the last).
  const path: PathSegment[] = [];
  const keys: (Set<string> | null)[] = [];
  const n = text.length;
  const skipWs = (): void => {
    while (pos < n && WS.has(text.charCodeAt(pos))) pos++;
  };
  const describe = (): string => (pos >= n ? 'the end of the file' : JSON.stringify(text[pos]));
  const fail = (wanted: string): SyntaxProblem => ({
    offset: pos,
    code: 'json-syntax',
    message: `expected ${wanted} but found ${describe()}`,
  });
  const scanString = (): SyntaxProblem | null => {
    pos++; // opening quote
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return null;
      }
      if (c < 0x20) return { offset: pos, code: 'json-syntax', message: 'a control character (such as a line break) inside a string must be escaped' };
      if (c === 0x5c) {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            return { offset: pos, code: 'json-syntax', message: 'a \\u escape needs four hexadecimal digits' };
          }
          pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          return { offset: pos, code: 'json-syntax', message: 'unknown escape sequence in a string' };
        }
        pos += 2;
        continue;
      }
      pos++;
    }
    return { offset: pos, code: 'json-syntax', message: 'a string is not closed (missing ")' };
  };
  // A property name and its colon; the name becomes the current path segment.
  const scanKey = (): SyntaxProblem | null => {
    const start = pos;
    const p = scanString();
    if (p) return p;
    const key = JSON.parse(text.slice(start, pos)) as string;
    path[path.length - 1] = key;
    const seen = keys[keys.length - 1]!;
    if (seen.has(key)) return { offset: start, code: 'duplicate-key', path: toPointer(path), message: `the key ${JSON.stringify(key)} appears twice in one object` };
    seen.add(key);
    skipWs();
    if (text[pos] !== ':') return fail('":" after a property name');
    pos++;
    return null;
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  // Consumes one string, number, true, false or null; returns the problem when there is none.
  const scanScalar = (): SyntaxProblem | null => {
    const c = text[pos];
    if (c === '"') return scanString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return null;
      }
    }
    NUMBER.lastIndex = pos;
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(text)) {
      const literal = text.slice(pos, NUMBER.lastIndex);
      if (!Number.isFinite(Number(literal))) {
        return { offset: pos, code: 'number-too-large', path: toPointer(path), message: `the number ${literal.length > 24 ? `${literal.slice(0, 24)}…` : literal} is too large to be represented` };
      }
      pos = NUMBER.lastIndex;
      return null;
    }
    return fail('a value');
  };

  // `value` state: a value must start here. `after` state: a value just ended.
  let wantValue = true;
  skipWs();
  for (;;) {
    if (wantValue) {
      skipWs();
      const c = text[pos];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? 1 : 0);
        if (stack.length > maxDepth) {
          return { offset: pos, code: 'too-deep', message: `the file nests objects and arrays more than ${maxDepth} levels deep` };
        }
        pos++;
        skipWs();
        if (text[pos] === (c === '{' ? '}' : ']')) {
          stack.pop();
          pos++;
          wantValue = false;
          continue;
        }
        path.push(0);
        keys.push(c === '{' ? new Set() : null);
        if (c === '{') {
          if (text[pos] !== '"') return fail('a property name in double quotes or "}"');
          const p = scanKey();
          if (p) return p;
        }
        continue;
      }
      const p = scanScalar();
      if (p) return p;
      wantValue = false;
      continue;
    }
    skipWs();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (pos < n) return fail('the end of the file after the top-level value');
      return null;
    }
    const c = text[pos];
    if (c === ',') {
      pos++;
      skipWs();
      if (top === 1) {
        if (text[pos] !== '"') return fail('a property name in double quotes');
        const p = scanKey();
        if (p) return p;
      } else path[path.length - 1] = (path[path.length - 1] as number) + 1;
      wantValue = true;
      continue;
    }
    if ((top === 1 && c === '}') || (top === 0 && c === ']')) {
      stack.pop();
      path.pop();
      keys.pop();
      pos++;
      continue;
    }
    return fail(top === 1 ? '"," or "}"' : '"," or "]"');
  }
}

/** Reads the design file's text into a JSON value, or one error at `""` saying what to fix. */
export function readJsonText(text: string): JsonTextResult {
  // A file of more than 2 MiB characters is more than 2 MiB of bytes: no need to count.
  const bytes = text.length > LIMITS.fileBytes ? text.length : utf8Length(text);
  if (bytes > LIMITS.fileBytes) {
    return {
      ok: false,
      error: {
        path: '',
        code: 'file-too-large',
        message: `The file is ${bytes} bytes; a design may be at most ${LIMITS.fileBytes} bytes (2 MiB).`,
      },
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = scanJson(body, LIMITS.jsonDepth);
  if (problem) {
    const { line, column } = lineColumn(body, problem.offset);
    if (problem.path !== undefined) {
      const fix = problem.code === 'duplicate-key' ? 'keep one of them' : 'use a smaller number';
      return { ok: false, error: { path: problem.path, code: problem.code, message: `The file is not a design: ${problem.message} (line ${line}, column ${column}); ${fix}.` } };
    }
    const message =
      problem.code === 'too-deep'
        ? `The file nests objects and arrays more than ${LIMITS.jsonDepth} levels deep (line ${line}, column ${column}); flatten it.`
        : `The file is not valid JSON: ${problem.message} at line ${line}, column ${column}.`;
    return { ok: false, error: { path: '', code: problem.code === 'too-deep' ? 'too-deep' : 'not-json', message } };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    // The scan above accepts only valid JSON, so this is a safety net, not an expected path.
    return {
      ok: false,
      error: { path: '', code: 'not-json', message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` },
    };
  }
}
