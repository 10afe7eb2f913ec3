import { useDesign, useDesignState } from '../../store/useDesign';
import { StateInspector } from './StateInspector';
import { TransitionInspector } from './TransitionInspector';

/** Edits what is selected on the canvas: one state or one transition. */
export function Inspector({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const selection = useDesignState((s) => s.selection);
  const stateIndex = selection.states.length ? design.states.findIndex((s) => s.name === selection.states[0]) : -1;
  const transitionIndex = selection.transitions[0];
  if (stateIndex >= 0) return <StateInspector key={`s${stateIndex}`} index={stateIndex} readOnly={readOnly} />;
  if (transitionIndex !== undefined && design.transitions[transitionIndex]) {
    return <TransitionInspector key={`t${transitionIndex}`} index={transitionIndex} readOnly={readOnly} />;
  }
  return (
    <div className="inspector-empty">
      <p>Select a state or a transition to edit it.</p>
      <ul className="hint">
        <li>Double-click the canvas to add a state.</li>
        <li>Drag from a state's right-hand dot to a state (or back to itself) to add a transition.</li>
        <li>F2 renames the selected state; Delete removes the selection; Ctrl+C / Ctrl+V copy states.</li>
      </ul>
    </div>
  );
}
