import type { Literal } from './objectLiteral';

/**
 * `{ ...shared, on: { … } }`: a spread of a name bound in the same file to an object literal
 * (`const shared = { … }`) is read as that object's entries, as JavaScript would merge them (a
 * later key replaces an earlier one). A spread of anything else (a call, an import) stays an
 * entry named `...` for the importer to refuse with its line. Bounded: a name spreads at most
 * once along a path, and at most `MAX_SPREADS` spreads are expanded per object.
 */

type ObjectLiteral = Extract<Literal, { kind: 'object' }>;
type Entry = ObjectLiteral['entries'][number];

const MAX_SPREADS = 64;

export function expandSpreads(
  lit: Literal,
  resolveName: (name: string) => Literal | undefined,
  seen: ReadonlySet<string> = new Set(),
): Literal {
  if (lit.kind !== 'object' || !lit.entries.some((e) => e.key === '...')) return lit;
  const merged = new Map<string, Entry>();
  let unresolved = 0;
  let expanded = 0;
  for (const e of lit.entries) {
    if (e.key !== '...') {
      merged.delete(e.key);
      merged.set(e.key, e);
      continue;
    }
    const name = e.value.kind === 'code' && /^[A-Za-z_$][\w$]*$/.test(e.value.text) ? e.value.text : null;
    const found = name !== null && !seen.has(name) && expanded < MAX_SPREADS ? resolveName(name) : undefined;
    if (found?.kind !== 'object') {
      merged.set(`...${unresolved++}`, e);
      continue;
    }
    expanded++;
    const inner = expandSpreads(found, resolveName, new Set([...seen, name!]));
    for (const ie of inner.kind === 'object' ? inner.entries : []) {
      const key = ie.key === '...' ? `...${unresolved++}` : ie.key;
      merged.delete(key);
      merged.set(key, ie);
    }
  }
  return { kind: 'object', line: lit.line, entries: [...merged.values()] };
}
