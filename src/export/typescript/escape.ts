/**
 * The one escaping function per kind of TypeScript text. User strings (the design's name,
 * descriptions, invariant names, enum values) reach generated code only through these.
 */

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/g;

/** A string literal: JSON's escaping plus the two line separators JSON leaves raw and `<` (safe inside `<script>`). */
export function tsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
}

/** Lines for the inside of a `/** … *\/` comment: no line can close the comment early. */
export function tsCommentLines(text: string): string[] {
  return text
    .replace(/\*\//g, '*\\/')
    // Harmless in a .ts file, but the text may be pasted into a page: no `</script>` either.
    .replace(/<\//g, '<\\/')
    .split(LINE_BREAKS)
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .map((line) => line.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trimEnd());
}

/** A JSDoc block (with its indentation-free ` * ` prefix), or '' for no text. */
export function tsDoc(...paragraphs: (string | undefined)[]): string {
  const lines = paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .flatMap((p, i) => (i === 0 ? tsCommentLines(p) : ['', ...tsCommentLines(p)]));
  if (lines.length === 0) return '';
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */\n`;
}

/** A key of an object type or literal: the identifier itself, except `__proto__`, which a literal would turn into a prototype. */
export function tsKey(name: string): string {
  return name === '__proto__' ? '["__proto__"]' : name;
}

/** Reads property `name` of `object` (validated identifiers only). */
export function tsMember(object: string, name: string): string {
  return name === '__proto__' ? `${object}["__proto__"]` : `${object}.${name}`;
}
