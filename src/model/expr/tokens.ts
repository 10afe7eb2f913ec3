import { scan } from './scanner';

/**
 * Syntax colouring for the editor: every token of an expression with its kind and columns.
 * Pure (no CodeMirror here); the UI maps kinds to styles. Never throws; a character the
 * language does not know becomes an `invalid` token.
 */

export type HighlightKind =
  | 'number'
  | 'string'
  | 'bool'
  /** state, event, sent, acked, failed, ambiguous, crashes. */
  | 'keyword'
  /** min, max, abs. */
  | 'function'
  | 'name'
  | 'operator'
  | 'punctuation'
  | 'invalid';

export interface HighlightToken {
  readonly kind: HighlightKind;
  /** 1-based column of the first character. */
  readonly start: number;
  /** Column just past the last character. */
  readonly end: number;
  readonly text: string;
}

const KEYWORDS = new Set(['state', 'event', 'sent', 'acked', 'failed', 'ambiguous', 'crashes']);
const FUNCTIONS = new Set(['min', 'max', 'abs']);
const PUNCTUATION = new Set(['(', ')', ',', '.', "'"]);

export function highlightExpression(text: string): HighlightToken[] {
  const invalid: HighlightToken[] = [];
  const tokens = scan(text, (_message, column, code) => {
    if (code === 'unexpected-character') {
      const ch = String.fromCodePoint(text.codePointAt(column - 1) ?? 0xfffd);
      invalid.push({ kind: 'invalid', start: column, end: column + ch.length, text: ch });
    }
  });
  const out: HighlightToken[] = [];
  for (const t of tokens) {
    if (t.kind === 'eof') continue;
    // A lone "=", "&" or "|" was read as the operator it probably meant; colour the text as written.
    const written = text.slice(t.start - 1, t.end - 1);
    let kind: HighlightKind;
    switch (t.kind) {
      case 'int':
        kind = 'number';
        break;
      case 'string':
        kind = 'string';
        break;
      case 'name':
        kind = t.text === 'true' || t.text === 'false' ? 'bool' : KEYWORDS.has(t.text) ? 'keyword' : FUNCTIONS.has(t.text) ? 'function' : 'name';
        break;
      default:
        kind = written !== t.text ? 'invalid' : PUNCTUATION.has(t.text) ? 'punctuation' : 'operator';
    }
    out.push({ kind, start: t.start, end: t.end, text: written });
  }
  return [...out, ...invalid].sort((a, b) => a.start - b.start);
}
