import { useDesign, useDesignState } from '../../store/useDesign';
import { ExprField } from '../fields/ExprField';
import { SelectField, choicesOf } from '../fields/SelectField';
import { ElementErrors } from './ElementErrors';
import { escapeToken } from '../../model/pointer';

/** A transition's updates: var := expression, simultaneous, in the order written. */
export function UpdatesEditor({ index, readOnly }: { index: number; readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  const t = design.transitions[index];
  if (!t) return null;
  const entries = Object.entries(t.updates ?? {});
  const path = `/transitions/${index}/updates`;
  const set = (next: [string, string][], merge?: string) =>
    apply({ type: 'updateTransition', index, patch: { updates: next.length ? Object.fromEntries(next) : undefined } }, merge ? { merge } : {});
  const unused = design.vars.map((v) => v.name).filter((n) => !entries.some(([k]) => k === n));
  return (
    <fieldset className="list-editor">
      <legend>Updates</legend>
      <ElementErrors path={path} />
      {entries.map(([name, expr], k) => (
        <div className="list-item" key={`${k}:${name}`}>
          <SelectField
            label={`Update ${k + 1} var`}
            path={`${path}/${escapeToken(name)}#key`}
            value={name}
            choices={choicesOf([name, ...unused])}
            disabled={readOnly}
            onChange={(v) => set(entries.map(([n, e], i) => (i === k ? [v, e] : [n, e])))}
          />
          <ExprField
            label={`Update ${k + 1} value`}
            path={`${path}/${escapeToken(name)}`}
            value={expr}
            readOnly={readOnly}
            onChange={(v) => set(entries.map(([n, e], i) => (i === k ? [n, v] : [n, e])), `${path}/${name}`)}
          />
          {!readOnly && (
            <button type="button" aria-label={`Remove update ${k + 1}`} onClick={() => set(entries.filter((_, i) => i !== k))}>
              ✕
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" disabled={unused.length === 0} title={unused.length ? undefined : 'Every var is already updated (or no var is declared)'} onClick={() => set([...entries, [unused[0]!, unused[0]!]])}>
          Add update
        </button>
      )}
    </fieldset>
  );
}
