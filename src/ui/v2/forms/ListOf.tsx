import type { ReactNode } from 'react';
import { useDesignStateV2 } from '../../../store/v2/useDesignV2';
import { ElementErrors } from '../../inspector/ElementErrors';

/**
 * A list in the design (vars, events, payload fields, invariants, sends, messages) at `path`:
 * each item in its own fieldset with its errors and a Remove button, then an Add button. Items
 * are edited by pointer (`${path}/${i}`), so any list of the format can use it.
 */
export function ListOf<T>({ path, items, noun, readOnly, legend, render, make, hint }: {
  path: string;
  items: readonly T[];
  /** "var", "event": in button labels. */
  noun: string;
  readOnly: boolean;
  legend: (item: T, index: number) => string;
  render: (item: T, itemPath: string, index: number) => ReactNode;
  make: () => T;
  hint?: string;
}) {
  const apply = useDesignStateV2((s) => s.apply);
  return (
    <div className="list-editor">
      <ElementErrors path={path} />
      {items.length === 0 && hint && <p className="hint">{hint}</p>}
      {items.map((item, i) => (
        <fieldset className="list-item list-item--column" key={i}>
          <legend>{legend(item, i)}</legend>
          <ElementErrors path={`${path}/${i}`} />
          {render(item, `${path}/${i}`, i)}
          {!readOnly && (
            <button type="button" className="danger" aria-label={`Remove ${noun} ${legend(item, i)}`} onClick={() => apply({ type: 'remove', path: `${path}/${i}` })}>
              Remove
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => apply({ type: 'insert', path, value: make() })}>
          Add {noun}
        </button>
      )}
    </div>
  );
}
