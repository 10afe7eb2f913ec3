import { useState } from 'react';
import { RESTART_EVENT } from '../../model/schema';
import { Dialog } from '../common/Dialog';

export interface PendingTransition {
  readonly from: string;
  readonly to: string;
}

/** Asks which event a new transition is on: pick one, or type a new name (a new client event). */
export function EventPrompt({ pending, events, onChoose, onCancel }: {
  pending: PendingTransition;
  events: readonly string[];
  onChoose: (event: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(events[0] ?? '');
  const submit = () => {
    const trimmed = name.trim();
    if (trimmed !== '') onChoose(trimmed);
  };
  return (
    <Dialog title={`New transition ${pending.from} → ${pending.to}`} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Event</span>
          <input aria-label="Event name" list="event-names" value={name} autoFocus onFocus={(e) => e.currentTarget.select()} onChange={(e) => setName(e.target.value)} />
          <datalist id="event-names">
            {events.map((e) => (
              <option key={e} value={e} />
            ))}
            <option value={RESTART_EVENT} />
          </datalist>
        </label>
        <p className="hint">Pick an event or type a new name: a new name becomes a client event.</p>
        {events.length > 0 && (
          <div className="chips" role="group" aria-label="Existing events">
            {events.map((e) => (
              <button key={e} type="button" onClick={() => onChoose(e)}>
                {e}
              </button>
            ))}
            <button type="button" onClick={() => onChoose(RESTART_EVENT)} title="Recovery after a crash">
              {RESTART_EVENT}
            </button>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add transition
          </button>
        </div>
      </form>
    </Dialog>
  );
}
