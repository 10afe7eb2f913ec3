import { isReservedWord } from '../../model/identifiers';

/**
 * Turns a foreign name (a Mermaid label, an XState key) into a design identifier: other
 * characters become `_`, a leading digit gets `_`, reserved words get a trailing `_`, and a
 * name already taken gets `_2`, `_3`, … The original text is kept in a description.
 */
export function identifierFor(text: string, taken: Set<string>): string {
  let name = text
    .trim()
    .replace(/[^A-Za-z0-9_]/g, '_')
    .slice(0, 60);
  if (name === '') name = 'unnamed';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (isReservedWord(name) || name === '__proto__') name = `${name}_`;
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}
