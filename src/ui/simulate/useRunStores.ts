import { useEditorStores } from '../../store/editorContext';
import { runStoresOf, type RunStores } from '../../store/simulationStores';

/** The Simulate and Check stores of the editor around the caller. */
export function useRunStores(): RunStores {
  return runStoresOf(useEditorStores());
}
