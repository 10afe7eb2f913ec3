import type { LoadResult } from '../model/model';
import { loadResultOf } from './loadResult';
import { useDesign } from './useDesign';

/** The loader's verdict on the open design (derived and cached per design object). */
export function useLoadResult(): LoadResult {
  return loadResultOf(useDesign());
}
