import { useDesign, useDesignState } from '../../store/useDesign';
import { focusField, targetOf } from '../shell/ErrorList';
import { useSidePanel } from '../shell/sidePanelContext';

/** Goes to the element at a JSON Pointer as the problem list does: selects it, opens its panel, focuses its field. */
export function useGoToElement(): (path: string) => void {
  const design = useDesign();
  const select = useDesignState((s) => s.select);
  const { setTab } = useSidePanel();
  return (path) => {
    const target = targetOf(design, path);
    if (target.selection) select(target.selection);
    setTab(target.tab);
    requestAnimationFrame(() => requestAnimationFrame(() => focusField(path)));
  };
}
