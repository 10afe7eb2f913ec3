import { parsePointer } from '../../model/pointer';
import type { DesignError } from '../../model/model';
import type { Design } from '../../model/schema';
import type { Selection } from '../../store/designStore';
import { useDesign, useDesignState } from '../../store/useDesign';
import { useLoadResult } from '../../store/useLoadResult';
import { fieldId } from '../fields/fieldId';
import { useSidePanel, type SideTab } from './sidePanelContext';

/** Every problem the loader finds in the open design; a click goes to the element and its field. */
export function ErrorList() {
  const result = useLoadResult();
  const design = useDesign();
  const select = useDesignState((s) => s.select);
  const { setTab } = useSidePanel();
  // A blank document is a start, not a broken file: greet instead of listing "/states" errors.
  if (design.states.length === 0) {
    return (
      <div className="error-list is-blank" role="status">
        An empty design: press <kbd>n</kbd> or double-click the canvas to add a state, then <kbd>t</kbd> for a transition. New here? Press Tour
        above.
      </div>
    );
  }
  const go = (error: DesignError) => {
    const target = targetOf(design, error.path);
    if (target.selection) select(target.selection);
    setTab(target.tab);
    // Two frames: one for the tab to render, one for the inspector of the new selection.
    requestAnimationFrame(() => requestAnimationFrame(() => focusField(error.path)));
  };
  if (result.ok && result.warnings.length === 0) {
    return (
      <div className="error-list is-ok" role="status">
        ✓ The design is valid.
      </div>
    );
  }
  // Warnings (placeholder guards an import left) keep the design valid but are listed like problems.
  const items = result.ok ? result.warnings : result.errors;
  return (
    <details className={result.ok ? 'error-list is-warning' : 'error-list'} open>
      <summary>
        {result.ok
          ? `✓ The design is valid · ${items.length} ${items.length === 1 ? 'warning' : 'warnings'}`
          : `${items.length} ${items.length === 1 ? 'problem' : 'problems'}`}
      </summary>
      <ul aria-label={result.ok ? 'Warnings' : 'Problems'}>
        {items.map((e, i) => (
          <li key={i}>
            <button type="button" onClick={() => go(e)}>
              <code>{e.path || '(file)'}</code> {e.message}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function targetOf(design: Design, path: string): { tab: SideTab; selection?: Selection } {
  const [head, index] = parsePointer(path);
  const i = Number(index);
  switch (head) {
    case 'states': {
      const name = design.states[i]?.name;
      return name === undefined ? { tab: 'inspector' } : { tab: 'inspector', selection: { states: [name], transitions: [] } };
    }
    case 'transitions':
      return Number.isInteger(i) ? { tab: 'inspector', selection: { states: [], transitions: [i] } } : { tab: 'inspector' };
    case 'vars':
    case 'events':
    case 'invariants':
    case 'environment':
      return { tab: head };
    default:
      return { tab: 'design' };
  }
}

/** Focuses the control at the path, or the nearest enclosing one that has a control. */
export function focusField(path: string): void {
  let p = path;
  for (;;) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (p === '') return;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
