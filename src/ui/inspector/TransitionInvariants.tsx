import type { TransitionInvariantJson } from '../../model/schema';
import { nextName } from '../../store/designEdits';
import { useDesign, useDesignState } from '../../store/useDesign';
import { ExprField } from '../fields/ExprField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from './ElementErrors';

/** The step invariants a transition promises (shown as a ✓N badge on its edge). */
export function TransitionInvariants({ index, readOnly }: { index: number; readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  const t = design.transitions[index];
  if (!t) return null;
  const list = t.invariants ?? [];
  const path = `/transitions/${index}/invariants`;
  const set = (next: TransitionInvariantJson[], merge?: string) =>
    apply({ type: 'updateTransition', index, patch: { invariants: next.length ? next : undefined } }, merge ? { merge } : {});
  const taken = [...design.invariants.map((v) => v.name), ...design.transitions.flatMap((x) => (x.invariants ?? []).map((v) => v.name))];
  return (
    <fieldset className="list-editor">
      <legend>Transition invariants</legend>
      <ElementErrors path={path} />
      {list.map((inv, k) => (
        <div className="list-item list-item--column" key={k}>
          <ElementErrors path={`${path}/${k}`} />
          <TextField label={`Transition invariant ${k + 1} name`} path={`${path}/${k}/name`} value={inv.name} readOnly={readOnly} onChange={(name) => set(list.map((v, i) => (i === k ? { ...v, name } : v)), `${path}/${k}/name`)} />
          <ExprField label={`Transition invariant ${k + 1} expression`} path={`${path}/${k}/expr`} value={inv.expr} readOnly={readOnly} onChange={(expr) => set(list.map((v, i) => (i === k ? { ...v, expr } : v)), `${path}/${k}/expr`)} />
          {!readOnly && (
            <button type="button" aria-label={`Remove transition invariant ${k + 1}`} onClick={() => set(list.filter((_, i) => i !== k))}>
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => set([...list, { name: nextName('promise', taken), expr: 'true' }])}>
          Add transition invariant
        </button>
      )}
    </fieldset>
  );
}
