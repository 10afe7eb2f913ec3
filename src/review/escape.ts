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
 * Inline Markdown text (GitHub flavour), also inside table cells: Markdown punctuation is
 * backslash-escaped, `<` `>` `&` become entities so no inline HTML survives, and line breaks
 * become spaces so a cell cannot end its row.
 */
export function md(text: string | number | boolean): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => XML[c]!)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** An expression or name as inline code in Markdown: a code span cannot hold HTML, only `|` needs care in tables. */
export function mdCode(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = clean.includes('`') ? '`` ' : '`';
  return `${fence}${clean}${fence === '`` ' ? ' ``' : '`'}`;
}

/** A line for a terminal: control characters (escape sequences included) shown as `\u001b`, never sent raw. */
export function terminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
