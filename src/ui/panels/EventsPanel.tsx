import type { EventJson } from '../../model/schema';
import { nextName } from '../../store/designEdits';
import { useDesign, useDesignState } from '../../store/useDesign';
import { NumberField } from '../fields/NumberField';
import { SelectField, choicesOf, orDefault } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ElementErrors } from '../inspector/ElementErrors';
import { DEFAULT_TIMEOUT_MS } from '../../export/typescript/client';
import { PayloadEditor } from './PayloadEditor';

type EventPatch = { readonly [K in keyof EventJson]?: EventJson[K] | undefined };

/** Events: who sends them, their payload, and (client events) retries, idempotency, unhandled. */
export function EventsPanel({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  return (
    <section className="panel" aria-label="Events">
      {design.events.length === 0 && <p className="hint">No events yet. Drawing a transition with a new event name adds a client event here.</p>}
      {design.events.map((e, i) => {
        const path = `/events/${i}`;
        const patch = (p: EventPatch, merge?: string) => apply({ type: 'updateEvent', index: i, patch: p }, merge ? { merge } : {});
        const label = `Event ${e.name || i + 1}`;
        const client = e.source === 'client';
        return (
          <fieldset className="list-item list-item--column" key={i}>
            <legend>{e.name || `Event ${i + 1}`}</legend>
            <ElementErrors path={path} />
            <TextField label={`${label} name`} path={`${path}/name`} value={e.name} commit readOnly={readOnly} onChange={(name) => patch({ name })} />
            <SelectField
              label={`${label} source`}
              path={`${path}/source`}
              value={e.source}
              choices={choicesOf(['client', 'timer', 'internal'])}
              disabled={readOnly}
              // Client-only keys go when the source stops being a client, so the design stays valid.
              onChange={(s) =>
                patch(s === 'client' ? { source: 'client' } : { source: s as EventJson['source'], payload: undefined, retry: undefined, idempotency: undefined, unhandled: undefined })
              }
            />
            {client && (
              <>
                <PayloadEditor index={i} readOnly={readOnly} />
                <NumberField
                  label={`${label} attempts per request (first send + retries)`}
                  path={`${path}/retry/maxAttempts`}
                  value={e.retry?.maxAttempts}
                  placeholder="1: sent once, never retried"
                  readOnly={readOnly}
                  onChange={(n) => patch({ retry: n === undefined ? undefined : { maxAttempts: n } })}
                />
                <SelectField
                  label={`${label} idempotency`}
                  path={`${path}/idempotency`}
                  value={orDefault(e.idempotency, 'none')}
                  choices={choicesOf(['none', 'durable', 'volatile'], 'none (default)')}
                  disabled={readOnly}
                  onChange={(v) => patch({ idempotency: v === '' ? undefined : (v as EventJson['idempotency']) })}
                />
                <SelectField
                  label={`${label} unhandled`}
                  path={`${path}/unhandled`}
                  value={orDefault(e.unhandled, 'reject')}
                  choices={choicesOf(['reject', 'ignore'], 'reject (default)')}
                  disabled={readOnly}
                  onChange={(v) => patch({ unhandled: v === '' ? undefined : (v as EventJson['unhandled']) })}
                />
              </>
            )}
            <NumberField label={`${label} after ms`} path={`${path}/afterMs`} value={e.afterMs} placeholder={`${DEFAULT_TIMEOUT_MS} (default in exported code)`} readOnly={readOnly} onChange={(n) => patch({ afterMs: n })} />
            <TextField label={`${label} description`} path={`${path}/description`} value={e.description ?? ''} readOnly={readOnly} onChange={(d) => patch({ description: d || undefined }, `${path}/description`)} />
            {!readOnly && (
              <button type="button" className="danger" aria-label={`Remove event ${e.name}`} title="Removes its transitions too" onClick={() => apply({ type: 'removeEvent', index: i })}>
                Remove
              </button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <button type="button" onClick={() => apply({ type: 'addEvent', item: { name: nextName('Event', design.events.map((e) => e.name)), source: 'client' } })}>
          Add event
        </button>
      )}
    </section>
  );
}
