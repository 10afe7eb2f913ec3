import type { DesignError } from '../../model/model';
import { useLoadResult } from '../../store/useLoadResult';

const none: readonly DesignError[] = [];

/** The loader's errors at exactly this JSON Pointer (or, with `under`, anywhere below it too). */
export function useErrorsAt(path: string, under = false): readonly DesignError[] {
  const result = useLoadResult();
  if (result.ok) return none;
  return result.errors.filter((e) => e.path === path || (under && e.path.startsWith(`${path}/`)));
}
