import type { InvariantJson } from '../../../model/schema';
import { nextName } from '../../../store/v2/designEditsV2';
import { useDesignV2 } from '../../../store/v2/useDesignV2';
import { choicesOf } from '../../fields/SelectField';
import { BoundExpr, BoundSelect, BoundText } from './bound';
import { ListOf } from './ListOf';

/** Invariants at `path` (a role's or the design's): name, expression, state or step, description. */
export function InvariantList({ path, items, readOnly, label }: { path: string; items: readonly InvariantJson[]; readOnly: boolean; label: string }) {
  const design = useDesignV2();
  // Invariant names are unique across the whole design (docs/format-v2.md §1).
  const taken = [...(design.invariants ?? []), ...design.roles.flatMap((r) => [...(r.invariants ?? []), ...r.transitions.flatMap((t) => t.invariants ?? [])])].map((v) => v.name);
  return (
    <ListOf
      path={path}
      items={items}
      noun="invariant"
      readOnly={readOnly}
      hint="No invariants yet. An invariant is checked after every step."
      legend={(v, i) => v.name || `invariant ${i + 1}`}
      make={(): InvariantJson => ({ name: nextName('invariant', taken), expr: 'true' })}
      render={(_, p, i) => (
        <>
          <BoundText label={`${label} ${i + 1} name`} path={`${p}/name`} readOnly={readOnly} />
          <BoundExpr label={`${label} ${i + 1} expression`} path={`${p}/expr`} readOnly={readOnly} />
          <BoundSelect label={`${label} ${i + 1} kind`} path={`${p}/kind`} readOnly={readOnly} choices={choicesOf(['state', 'step'], 'state (default)')} />
          <BoundText label={`${label} ${i + 1} description`} path={`${p}/description`} readOnly={readOnly} optional />
        </>
      )}
    />
  );
}
