/**
 * JSON Pointers (RFC 6901) into the design file. Every error the loader reports names its place
 * this way, so the editor can jump to it and the CLI can print it.
 */

export type PathSegment = string | number;

/** Escapes one reference token: `~` becomes `~0` and `/` becomes `~1` (in that order). */
export function escapeToken(segment: PathSegment): string {
  const text = String(segment);
  // Most tokens (indexes, names) need no escape; the editor's loader builds one per part after every edit.
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** The pointer for a path of keys and indices; `[]` is the whole file, `""`. */
export function toPointer(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out += '/' + escapeToken(segment);
  return out;
}

/** Splits a pointer back into its unescaped tokens (the inverse of `toPointer`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
