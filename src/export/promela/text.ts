/**
 * The one escaping function of the Promela target. User text (the design's name, invariant
 * names, transition ids, descriptions) appears only inside comments, reduced to characters that
 * can neither end the comment (no star, no slash), start or continue a preprocessor line (no hash,
 * no backslash) nor span lines: letters, digits, space and `_ . , : ; = < > ! + - ( )` stay,
 * every other character becomes `?`.
 * Identifiers in the model are always generated from indices (`v0`, state numbers), never names.
 */
export function promelaComment(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) out += /[A-Za-z0-9 _.,:;=<>!+\-()]/.test(ch) ? ch : '?';
  return `/* ${out.slice(0, 200)} */`;
}
