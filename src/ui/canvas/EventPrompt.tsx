import { useState } from 'react';
import { RESTART_EVENT } from '../../model/schema';
import type { TransitionPrompt } from '../../store/designStore';
import { Dialog } from '../common/Dialog';

/**
 * Asks which event a new transition is on: pick one, or type a new name (a new client event).
 * Opened from the keyboard (`choose`), it also asks for both ends, so a transition needs no mouse.
 */
export function EventPrompt({ pending, events, states, onChoose, onCancel }: {
  pending: TransitionPrompt;
  events: readonly string[];
  states: readonly string[];
  onChoose: (event: string, from: string, to: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(events[0] ?? '');
  const [from, setFrom] = useState(pending.from);
  const [to, setTo] = useState(pending.to);
  const choose = (event: string) => {
    if (event.trim() !== '' && from !== '' && to !== '') onChoose(event.trim(), from, to);
  };
  const title = pending.choose ? 'New transition' : `New transition ${pending.from} → ${pending.to}`;
  return (
    <Dialog title={title} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          choose(name);
        }}
      >
        {pending.choose && (
          <div className="field-row">
            <EndField label="From" value={from} states={states} onChange={setFrom} />
            <EndField label="To" value={to} states={states} onChange={setTo} />
          </div>
        )}
        <label className="field">
          <span>Event</span>
          <input aria-label="Event name" list="event-names" value={name} autoFocus={!pending.choose} onFocus={(e) => e.currentTarget.select()} onChange={(e) => setName(e.target.value)} />
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
              <button key={e} type="button" onClick={() => choose(e)}>
                {e}
              </button>
            ))}
            <button type="button" onClick={() => choose(RESTART_EVENT)} title="Recovery after a crash">
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

function EndField({ label, value, states, onChange }: { label: string; value: string; states: readonly string[]; onChange: (v: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={`${label} state`} value={value} autoFocus={label === 'From'} onChange={(e) => onChange(e.target.value)}>
        {states.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
