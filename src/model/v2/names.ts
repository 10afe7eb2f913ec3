import { identifierProblem } from '../identifiers';
import type { DesignError } from '../model';
import { toPointer, type PathSegment } from '../pointer';

/** Words of version 2's expressions, refused as names on top of version 1's reserved words. */
export const V2_WORDS: readonly string[] = ['self', 'sender', 'forall', 'exists', 'count', 'all'];

/** Checks each name (identifier rule, not reserved) and reports a repeat at its later occurrence. */
export function checkNames(items: readonly { name: string }[] | undefined, path: readonly PathSegment[], what: string, errors: DesignError[]): void {
  const seen = new Set<string>();
  (items ?? []).forEach((item, k) => {
    const at = toPointer([...path, k, 'name']);
    const p = identifierProblem(item.name, what);
    if (p) errors.push({ path: at, ...p });
    else if (V2_WORDS.includes(item.name)) errors.push({ path: at, code: 'reserved-identifier', message: `The ${what} ${JSON.stringify(item.name)} is a reserved word in version 2; choose another name.` });
    else if (seen.has(item.name)) errors.push({ path: at, code: 'duplicate-name', message: `The ${what} "${item.name}" is already declared; names must be unique.` });
    seen.add(item.name);
  });
}
