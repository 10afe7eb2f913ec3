import type { InvariantJson } from '../../model/schema';
import { nextName } from '../../store/designEdits';
import { useDesign, useDesignState } from '../../store/useDesign';
import { ExprField } from '../fields/ExprField';
import { SelectField, choicesOf, orDefault } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from '../inspector/ElementErrors';

type InvariantPatch = { readonly [K in keyof InvariantJson]?: InvariantJson[K] | undefined };

/** What must always hold (state invariants) or hold across every step (step invariants). */
export function InvariantsPanel({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  const taken = [...design.invariants.map((v) => v.name), ...design.transitions.flatMap((t) => (t.invariants ?? []).map((v) => v.name))];
  return (
    <section className="panel" aria-label="Invariants">
      {design.invariants.length === 0 && <p className="hint">No invariants yet. An invariant is checked after every step, e.g. charges &lt;= 1.</p>}
      {design.invariants.map((v, i) => {
        const path = `/invariants/${i}`;
        const patch = (p: InvariantPatch, merge?: string) => apply({ type: 'updateInvariant', index: i, patch: p }, merge ? { merge } : {});
        const label = `Invariant ${i + 1}`;
        return (
          <fieldset className="list-item list-item--column" key={i}>
            <legend>{v.name || label}</legend>
            <ElementErrors path={path} />
            <TextField label={`${label} name`} path={`${path}/name`} value={v.name} readOnly={readOnly} onChange={(name) => patch({ name }, `${path}/name`)} />
            <ExprField label={`${label} expression`} path={`${path}/expr`} value={v.expr} readOnly={readOnly} onChange={(expr) => patch({ expr }, `${path}/expr`)} />
            <SelectField
              label={`${label} kind`}
              path={`${path}/kind`}
              value={orDefault(v.kind, 'state')}
              choices={choicesOf(['state', 'step'], 'state (default)')}
              disabled={readOnly}
              onChange={(k) => patch({ kind: k === '' ? undefined : (k as InvariantJson['kind']) })}
            />
            <TextField label={`${label} description`} path={`${path}/description`} value={v.description ?? ''} readOnly={readOnly} onChange={(d) => patch({ description: d || undefined }, `${path}/description`)} />
            {!readOnly && (
              <button type="button" className="danger" aria-label={`Remove invariant ${v.name}`} onClick={() => apply({ type: 'removeInvariant', index: i })}>
                Remove
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" onClick={() => apply({ type: 'addInvariant', item: { name: nextName('invariant', taken), expr: 'true' } })}>
          Add invariant
        </button>
      )}
    </section>
  );
}
