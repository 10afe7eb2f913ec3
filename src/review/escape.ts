/**
 * The one escaping function per output of this folder. Every user string (names, descriptions,
 * expressions, labels) that reaches HTML, SVG or Markdown goes through one of these.
 */

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value in HTML and SVG: nothing in it can open a tag or leave a quoted attribute. */
export function xml(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => XML[c]!);
}

/**
 * Inline Markdown text (GitHub flavour), also inside table cells. Markdown punctuation, `<`, `>`
 * and `&` are backslash-escaped (CommonMark renders `\<` as `<`: no inline HTML, no entity, and
 * a quote stays a quote, never `&quot;`, which a code span or a raw read would show as is); `[`,
 * `]`, `<` and the `:` of `://`, the `.` of `www.` and `@` are escaped so no link or autolink
 * forms; `#` so a heading keeps its last words; line breaks become spaces so a cell cannot end its
 * row; leading blanks (an indented code block) go, and a line start that would open a list or
 * a setext underline is escaped.
 */
export function md(text: string | number | boolean): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/^\s+/, '')
    .replace(/[\\`*_[\]|~<>&#@]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^[+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * An expression or name as inline code in Markdown, in a table cell: a code span holds no HTML
 * and no escapes, so its fence is one backtick longer than the longest run inside (padded with a
 * space when the text starts or ends with one), and `|` is written `\|`, which GitHub's tables
 * read as a `|` of the cell.
 */
export function mdCode(text: string): string {
  // A backslash before a `|` is doubled: GitHub's rows read `\\` as an escape pair, then `|` ends the cell.
  const clean = text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\\(?=\|)/g, '\\\\')
    .replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || (clean.startsWith(' ') && clean.endsWith(' ') && clean.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A line for a terminal: control characters (escape sequences included) shown as `\u001b`, never sent raw. */
export function terminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
