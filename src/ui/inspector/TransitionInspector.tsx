import type { TransitionJson } from '../../model/schema';
import { RESTART_EVENT } from '../../model/schema';
import { useDesign, useDesignState } from '../../store/useDesign';
import { ExprField } from '../fields/ExprField';
import { SelectField, choicesOf, orDefault } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from './ElementErrors';
import { TransitionInvariants } from './TransitionInvariants';
import { UpdatesEditor } from './UpdatesEditor';

type TransitionPatch = { readonly [K in keyof TransitionJson]?: TransitionJson[K] | undefined };

export function TransitionInspector({ index, readOnly }: { index: number; readOnly: boolean }) {
  const design = useDesign();
  const t = design.transitions[index];
  const apply = useDesignState((s) => s.apply);
  const deleteSelection = useDesignState((s) => s.deleteSelection);
  if (!t) return null;
  const path = `/transitions/${index}`;
  const patch = (p: TransitionPatch, merge?: string) => apply({ type: 'updateTransition', index, patch: p }, merge ? { merge } : {});
  const states = choicesOf(design.states.map((s) => s.name));
  const client = design.events.some((e) => e.name === t.event && e.source === 'client');
  return (
    <section className="inspector" aria-label={`Transition ${index + 1}`}>
      {/* The name the check and the exported code use: the id, or #k counted from 0. */}
      <h2>Transition {t.id ?? `#${index}`}</h2>
      <ElementErrors path={path} />
      <div className="field-row">
        <SelectField label="From" path={`${path}/from`} value={t.from} choices={states} disabled={readOnly} onChange={(from) => patch({ from })} />
        <SelectField label="To" path={`${path}/to`} value={t.to} choices={states} disabled={readOnly} onChange={(to) => patch({ to })} />
      </div>
      <SelectField
        label="Event"
        path={`${path}/event`}
        value={t.event}
        choices={[...choicesOf(design.events.map((e) => e.name)), { value: RESTART_EVENT, label: `${RESTART_EVENT} (recovery after a crash)` }]}
        disabled={readOnly}
        onChange={(event) => patch({ event })}
      />
      <ExprField label="Guard" path={`${path}/guard`} value={t.guard ?? ''} readOnly={readOnly} onChange={(g) => patch({ guard: g.trim() === '' ? undefined : g }, `${path}/guard`)} />
      <UpdatesEditor index={index} readOnly={readOnly} />
      {(client || t.ack !== undefined || t.reply !== undefined) && (
        <div className="field-row">
          <SelectField
            label="Ack"
            path={`${path}/ack`}
            value={orDefault(t.ack, 'durable')}
            choices={choicesOf(['durable', 'best-effort', 'none'], 'durable (default)')}
            disabled={readOnly}
            onChange={(v) => patch({ ack: v === '' ? undefined : (v as TransitionJson['ack']) })}
          />
          <SelectField
            label="Reply"
            path={`${path}/reply`}
            value={orDefault(t.reply, 'ok')}
            choices={choicesOf(['ok', 'error'], 'ok (default)')}
            disabled={readOnly}
            onChange={(v) => patch({ reply: v === '' ? undefined : (v as TransitionJson['reply']) })}
          />
        </div>
      )}
      <TextField label="Transition id" path={`${path}/id`} value={t.id ?? ''} commit readOnly={readOnly} placeholder={`#${index}`} onChange={(id) => patch({ id: id.trim() === '' ? undefined : id.trim() })} />
      <TextField label="Transition description" path={`${path}/description`} value={t.description ?? ''} multiline readOnly={readOnly} onChange={(v) => patch({ description: v || undefined }, `${path}/description`)} />
      <TransitionInvariants index={index} readOnly={readOnly} />
      {!readOnly && (
        <button type="button" className="danger" onClick={deleteSelection}>
          Delete transition
        </button>
      )}
    </section>
  );
}
