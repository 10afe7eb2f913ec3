import { LIMITS } from './limits';
import type { DesignError } from './model';
import { toPointer, type PathSegment } from './pointer';

/**
 * Sets aside `x-*` keys (editor metadata, MODEL.md §1) anywhere except inside `layout`, which is
 * kept untouched. Returns a copy; the input is not changed. Depth is bounded here too because a
 * value handed over by the editor has not been through the text scanner.
 *
 * A key named `__proto__` is refused: the schema's records would silently drop it, and a typo
 * must never pass silently.
 */
export function stripExtensions(value: unknown): { ok: true; value: unknown } | { ok: false; errors: DesignError[] } {
  let tooDeep = false;
  const errors: DesignError[] = [];
  const copy = (v: unknown, path: PathSegment[], topLevel: boolean): unknown => {
    if (tooDeep) return null;
    if (v === null || typeof v !== 'object') return v;
    if (path.length >= LIMITS.jsonDepth) {
      tooDeep = true;
      return null;
    }
    if (Array.isArray(v)) return v.map((item, i) => copy(item, [...path, i], false));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      if (key.startsWith('x-')) continue;
      if (key === '__proto__') {
        errors.push({ path: toPointer([...path, key]), code: 'unknown-key', message: 'The key "__proto__" is not allowed in a design; remove it.' });
        continue;
      }
      out[key] = topLevel && key === 'layout' ? item : copy(item, [...path, key], false);
    }
    return out;
  };
  const result = copy(value, [], true);
  if (tooDeep) {
    return {
      ok: false,
      errors: [{ path: '', code: 'too-deep', message: `The design nests objects and arrays more than ${LIMITS.jsonDepth} levels deep; flatten it.` }],
    };
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: result };
}
