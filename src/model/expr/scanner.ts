/**
 * The expression scanner (MODEL.md §2): text → tokens with 1-based columns. It never throws: a
 * character it cannot use is reported through `onError` and skipped (or, for a lone `=`, `&`,
 * `|`, read as the operator it most likely meant) so the parser can carry on.
 */

export type TokenKind = 'int' | 'name' | 'string' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The token's text; for a string, its content without the quotes. */
  readonly text: string;
  /** 1-based column of the first character. */
  readonly start: number;
  /** Column just past the last character. */
  readonly end: number;
}

export type ScanErrorReporter = (message: string, column: number, code: string) => void;

const TWO_CHAR = new Set(['<=', '>=', '==', '!=', '&&', '||', '=>']);
const ONE_CHAR = new Set(['(', ')', ',', '.', '?', ':', "'", '!', '-', '+', '*', '/', '%', '<', '>']);
const LONE: Record<string, string> = { '=': '==', '&': '&&', '|': '||' };

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

/** Brackets (`m[i]`, `RM[2]`) and braces (sets, `{a, b}`) exist only in format version 2's expressions. */
const BRACKETS = new Set(['[', ']', '{', '}']);

export function scan(text: string, onError: ScanErrorReporter, brackets = false): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < text.length && isDigit(text[i]!)) i++;
      tokens.push({ kind: 'int', text: text.slice(start, i), start: start + 1, end: i + 1 });
      continue;
    }
    if (isNameStart(c)) {
      while (i < text.length && (isNameStart(text[i]!) || isDigit(text[i]!))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), start: start + 1, end: i + 1 });
      continue;
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i++;
      if (i >= text.length) {
        onError('This quoted value is not closed: add the missing ".', start + 1, 'unterminated-string');
        tokens.push({ kind: 'string', text: text.slice(start + 1), start: start + 1, end: i + 1 });
        continue;
      }
      i++;
      tokens.push({ kind: 'string', text: text.slice(start + 1, i - 1), start: start + 1, end: i + 1 });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR.has(two)) {
      i += 2;
      tokens.push({ kind: 'punct', text: two, start: start + 1, end: i + 1 });
      continue;
    }
    if (ONE_CHAR.has(c) || (brackets && BRACKETS.has(c))) {
      i++;
      tokens.push({ kind: 'punct', text: c, start: start + 1, end: i + 1 });
      continue;
    }
    const meant = LONE[c];
    if (meant !== undefined) {
      onError(`Unexpected "${c}"; did you mean "${meant}"?`, start + 1, 'lone-operator');
      i++;
      tokens.push({ kind: 'punct', text: meant, start: start + 1, end: i + 1 });
      continue;
    }
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    onError(`Unexpected character ${JSON.stringify(String.fromCodePoint(code))}.`, start + 1, 'unexpected-character');
    i += width;
  }
  tokens.push({ kind: 'eof', text: '', start: text.length + 1, end: text.length + 1 });
  return tokens;
}
