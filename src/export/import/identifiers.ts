import { isReservedWord } from '../../model/identifiers';

/**
 * Turns a foreign name (a Mermaid label, an XState key) into a design identifier: accents are
 * dropped (`Ünï` → `Uni`), other letters are spelled by code point (`名` → `u540d`) so different
 * names stay apart and readable, other characters become `_`, a leading digit gets `_`, reserved
 * words get a trailing `_`, and a name already taken gets `_2`, `_3`, … The original text is
 * kept in a description.
 */
export function identifierFor(text: string, taken: Set<string>): string {
  let name = '';
  let spelled = false;
  for (const c of text.trim().normalize('NFKD').replace(/\p{M}/gu, '')) {
    if (/[A-Za-z0-9_]/.test(c)) name += c;
    else if (/[\p{L}\p{N}]/u.test(c)) name += `${spelled ? '_' : ''}u${c.codePointAt(0)!.toString(16)}`;
    else name += '_';
    spelled = !/[A-Za-z0-9_]/.test(c) && /[\p{L}\p{N}]/u.test(c);
  }
  name = name.slice(0, 60);
  if (name === '') name = 'unnamed';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (isReservedWord(name) || name === '__proto__') name = `${name}_`;
  let candidate = name;
  // The suffix of a taken name never pushes it past the 64 characters an identifier may have.
  for (let i = 2; taken.has(candidate); i++) candidate = `${name.slice(0, 63 - String(i).length)}_${i}`;
  taken.add(candidate);
  return candidate;
}
