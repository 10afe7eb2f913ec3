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
  return errors.filter((e) => e.path === path || (under && e.path.startsWith(`${path}/`)));
}
