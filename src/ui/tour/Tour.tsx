import { useState } from 'react';
import type { TourAction, TourState } from './tourSteps';
import { TOUR } from './tourSteps';

interface Props {
  readonly state: TourState;
  readonly onAction: (action: TourAction) => void;
  /** Closes the tour; `finished` when the last step was reached. */
  readonly onClose: (finished: boolean) => void;
}

/** The guided first run: a small card that walks through the tour's steps, skippable at any time. */
export function Tour({ state, onAction, onClose }: Props) {
  const [index, setIndex] = useState(0);
  const step = TOUR[index]!;
  const done = step.done(state);
  const last = index === TOUR.length - 1;
  return (
    <aside className="tour" role="dialog" aria-modal="false" aria-label="Guided tour">
      <p className="tour__count">
        Step {index + 1} of {TOUR.length}
      </p>
      <h2>
        {step.title} {done && <span aria-label="done">✓</span>}
      </h2>
      <p>{step.body}</p>
      <div className="tour__actions">
        {step.action && (
          <button type="button" onClick={() => onAction(step.action!.run)}>
            {step.action.label}
          </button>
        )}
        <span className="tour__spacer" />
        <button type="button" onClick={() => onClose(false)}>
          Skip tour
        </button>
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          Back
        </button>
        {last ? (
          <button type="button" className="primary" onClick={() => onClose(true)}>
            Finish
          </button>
        ) : (
          <button type="button" className={done ? 'primary' : ''} onClick={() => setIndex(index + 1)}>
            Next
          </button>
        )}
      </div>
    </aside>
  );
}
