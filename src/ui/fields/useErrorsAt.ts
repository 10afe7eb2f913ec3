import type { DesignError } from '../../model/model';
import { useLoadResult } from '../../store/useLoadResult';
import { useFieldSource } from './fieldSource';

const none: readonly DesignError[] = [];

/** The loader's errors at exactly this JSON Pointer (or, with `under`, anywhere below it too). */
export function useErrorsAt(path: string, under = false): readonly DesignError[] {
  const source = useFieldSource();
  const result = useLoadResult();
  const errors = source ? source.errors : result.ok ? none : result.errors;
  if (errors.length === 0) return none;
  if (under) return errors.filter((e) => e.path === path || e.path.startsWith(`${path}/`));
  return byPath(errors).get(path) ?? none;
}

/** Errors by exact pointer, made once per list: a field finds its own without scanning them all. */
const indexes = new WeakMap<readonly DesignError[], ReadonlyMap<string, readonly DesignError[]>>();
function byPath(errors: readonly DesignError[]): ReadonlyMap<string, readonly DesignError[]> {
  let index = indexes.get(errors);
  if (!index) {
    const made = new Map<string, DesignError[]>();
    for (const e of errors) {
      const list = made.get(e.path);
      if (list) list.push(e);
      else made.set(e.path, [e]);
    }
    indexes.set(errors, (index = made));
  }
  return index;
}
