import { useEffect, useState } from 'react';
import { mapLevels, type VarJsonV2 } from '../../../model/v2/schema';
import { initialAlternatives, initialValuesEdit, type InitialValueV2 } from '../../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignV2 } from '../../../store/v2/useDesignV2';
import { fieldId } from '../../fields/fieldId';
import { NumberField } from '../../fields/NumberField';
import { choicesOf, SelectField } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { ElementErrors } from '../../inspector/ElementErrors';

/**
 * A var's initial value, or its initial alternatives (docs/format-v2.md §2): each alternative is
 * edited like the one value (a choice for bool and enum, a number, an instance id) and checked by
 * the loader at its own pointer; "Add an initial value" lists the first value not listed yet and
 * "Remove" drops one, each one undo step (`initialValuesEdit`). Several alternatives make several
 * initial configurations, which Simulate's "Starts from initial configuration" picker offers.
 */
export function InitialValuesField(props: { label: string; role: number; index: number; v: VarJsonV2; readOnly: boolean }) {
  const { v } = props;
  const entry = mapLevels(v.type).leaf;
  // A set's initial value is itself a list: edited as JSON (docs/format-v2.md §2).
  return typeof entry === 'object' && 'set' in entry ? <JsonInitialField {...props} /> : <InitialAlternatives {...props} />;
}

/** A set's initial value as JSON: a list of elements, or a list of such lists for several (docs/format-v2.md §2). */
function JsonInitialField({ label, role, index, v, readOnly }: { label: string; role: number; index: number; v: VarJsonV2; readOnly: boolean }) {
  const apply = useDesignStateV2((s) => s.apply);
  const path = `/roles/${role}/vars/${index}/initial`;
  return (
    <TextField
      label={`${label} (JSON)`}
      path={`${path}#json`}
      value={JSON.stringify(v.initial)}
      commit
      readOnly={readOnly}
      onChange={(text) => {
        try {
          apply({ type: 'set', path, value: JSON.parse(text) as VarJsonV2['initial'] });
        } catch {
          // Not JSON: the value stays as it was.
        }
      }}
    />
  );
}

function InitialAlternatives({ label, role, index, v, readOnly }: { label: string; role: number; index: number; v: VarJsonV2; readOnly: boolean }) {
  const design = useDesignV2();
  const apply = useDesignStateV2((s) => s.apply);
  const path = `/roles/${role}/vars/${index}/initial`;
  const values = initialAlternatives(v);
  const several = values.length > 1;
  // After an add or a remove the focus goes to the field added, or to the one before the removed.
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus === null) return;
    document.getElementById(fieldId(focus))?.focus();
    setFocus(null);
  }, [focus]);
  const change = (c: Parameters<typeof initialValuesEdit>[3], merge?: string) => {
    const edit = initialValuesEdit(design, role, index, c);
    if (edit) apply(edit, merge ? { merge } : {});
  };
  const canAdd = !readOnly && initialValuesEdit(design, role, index, { add: true }) !== null;
  const volatile = v.storage === 'volatile';
  return (
    <div role="group" aria-label={`${label}s`} className="initial-values">
      {several ? <ElementErrors path={path} /> : null}
      {values.map((value, k) => {
        const at = several ? `${path}/${k}` : path;
        const name = several ? `${label} ${k + 1} of ${values.length}` : label;
        return (
          <div className="field-row" key={k}>
            <ValueField label={name} path={at} type={v.type} value={value} readOnly={readOnly} onChange={(x, merge) => change({ set: k, value: x }, merge ? at : undefined)} />
            {several && !readOnly ? (
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => {
                  change({ remove: k });
                  setFocus(values.length === 2 ? path : `${path}/${Math.max(0, k - 1)}`);
                }}
              >
                Remove
              </button>
            ) : null}
          </div>
        );
      })}
      {readOnly ? null : (
        <button
          type="button"
          disabled={!canAdd || volatile}
          aria-label={`Add an initial value to ${label.replace(/ initial value$/, '')}`}
          title={volatile ? 'A volatile var goes back to its one initial value in a crash: it takes one value.' : 'Instances may start with any listed value: each combination is an initial configuration (docs/format-v2.md §2)'}
          onClick={() => {
            change({ add: true });
            setFocus(`${path}/${values.length}`);
          }}
        >
          Add an initial value
        </button>
      )}
    </div>
  );
}

/** One value of the var's (entry) type, edited as the form edits any value of that type. */
function ValueField({ label, path, type, value, readOnly, onChange }: { label: string; path: string; type: VarJsonV2['type']; value: InitialValueV2; readOnly: boolean; onChange: (value: InitialValueV2, merge: boolean) => void }) {
  const scalar = mapLevels(type).leaf;
  if (scalar === 'bool') return <SelectField label={label} path={path} value={String(value)} choices={choicesOf(['false', 'true'])} disabled={readOnly} onChange={(s) => onChange(s === 'true', false)} />;
  if ('enum' in scalar) return <SelectField label={label} path={path} value={String(value)} choices={choicesOf(scalar.enum)} disabled={readOnly} onChange={(s) => onChange(s, false)} />;
  // Typing a number or an id merges into one undo step, as the other bound fields do.
  if ('int' in scalar) return <NumberField label={label} path={path} value={typeof value === 'number' ? value : undefined} readOnly={readOnly} onChange={(n) => n !== undefined && onChange(n, true)} />;
  return <TextField label={label} path={path} value={String(value)} readOnly={readOnly} placeholder={'id' in scalar ? `${scalar.id}[1]` : undefined} onChange={(s) => onChange(s, true)} />;
}
