import type { VarJson } from '../../model/schema';
import { nextName } from '../../store/designEdits';
import { useDesign, useDesignState } from '../../store/useDesign';
import { NumberField } from '../fields/NumberField';
import { SelectField, choicesOf, orDefault } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from '../inspector/ElementErrors';
import { TypeField, initialAfterTypeChange } from './TypeField';

type VarPatch = { readonly [K in keyof VarJson]?: VarJson[K] | undefined };

/** The machine's variables: name, type, initial value, storage. */
export function VarsPanel({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  return (
    <section className="panel" aria-label="Vars">
      {design.vars.length === 0 && <p className="hint">No vars yet. A var is memory the machine keeps: durable, volatile (lost in a crash) or ghost (what the world observed).</p>}
      {design.vars.map((v, i) => {
        const path = `/vars/${i}`;
        const patch = (p: VarPatch, merge?: string) => apply({ type: 'updateVar', index: i, patch: p }, merge ? { merge } : {});
        const label = `Var ${i + 1}`;
        return (
          <fieldset className="list-item list-item--column" key={i}>
            <legend>{v.name || label}</legend>
            <ElementErrors path={path} />
            <TextField label={`${label} name`} path={`${path}/name`} value={v.name} commit readOnly={readOnly} onChange={(name) => patch({ name })} />
            <TypeField label={label} path={`${path}/type`} value={v.type} readOnly={readOnly} onChange={(type) => patch({ type, initial: initialAfterTypeChange(v.type, type, v.initial) })} />
            <InitialField label={`${label} initial value`} path={`${path}/initial`} v={v} readOnly={readOnly} onChange={(initial) => patch({ initial })} />
            <SelectField
              label={`${label} storage`}
              path={`${path}/storage`}
              value={orDefault(v.storage, 'durable')}
              choices={choicesOf(['durable', 'volatile', 'ghost'], 'durable (default)')}
              disabled={readOnly}
              onChange={(s) => patch({ storage: s === '' ? undefined : (s as VarJson['storage']) })}
            />
            <TextField label={`${label} description`} path={`${path}/description`} value={v.description ?? ''} readOnly={readOnly} onChange={(d) => patch({ description: d || undefined }, `${path}/description`)} />
            {!readOnly && (
              <button type="button" className="danger" aria-label={`Remove var ${v.name}`} onClick={() => apply({ type: 'removeVar', index: i })}>
                Remove
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" onClick={() => apply({ type: 'addVar', item: { name: nextName('v', design.vars.map((v) => v.name)), type: { int: [0, 3] }, initial: 0 } })}>
          Add var
        </button>
      )}
    </section>
  );
}

function InitialField({ label, path, v, onChange, readOnly }: { label: string; path: string; v: VarJson; onChange: (value: VarJson['initial']) => void; readOnly: boolean }) {
  if (v.type === 'bool') {
    return <SelectField label={label} path={path} value={String(v.initial)} choices={choicesOf(['false', 'true'])} disabled={readOnly} onChange={(s) => onChange(s === 'true')} />;
  }
  if ('enum' in v.type) {
    return <SelectField label={label} path={path} value={String(v.initial)} choices={choicesOf(v.type.enum)} disabled={readOnly} onChange={onChange} />;
  }
  return <NumberField label={label} path={path} value={typeof v.initial === 'number' ? v.initial : undefined} readOnly={readOnly} onChange={(n) => onChange(n ?? 0)} />;
}
