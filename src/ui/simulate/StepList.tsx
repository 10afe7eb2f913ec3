import type { RunView, StepChoice } from '../../engine/runView';
import type { Actor } from '../../engine/step';

const GROUPS: readonly { actor: Actor; title: string }[] = [
  { actor: 'client', title: 'Client' },
  { actor: 'network', title: 'Network' },
  { actor: 'machine', title: 'Machine' },
  { actor: 'fault', title: 'Faults' },
];

interface Props {
  readonly steps: readonly StepChoice[];
  readonly onTake: (label: string) => void;
  /** The run stopped on a violation (nothing is explored past one). */
  readonly violated?: boolean;
  /** The step the run ends on because it violates while computed, if the cursor is on it. */
  readonly violatingStep?: RunView['violatingStep'];
}

/** The steps in the order they are shown (by who moves): digit keys 1–9 take them in this order. */
export function stepsInOrder(steps: readonly StepChoice[]): StepChoice[] {
  return GROUPS.flatMap(({ actor }) => steps.filter((s) => s.actor === actor));
}

/** The enabled steps of the current configuration, one button each, grouped by who moves. */
export function StepList({ steps, onTake, violated = false, violatingStep }: Props) {
  if (steps.length === 0 && violatingStep) {
    return (
      <p role="status">
        The run ends on step {violatingStep.index}, {violatingStep.label}: it violates while it is computed. Undo steps back
        before it.
      </p>
    );
  }
  if (steps.length === 0 && violated) return <p role="status">The run stops at this violation: Undo steps back before it.</p>;
  if (steps.length === 0) return <p role="status">No step is enabled: the run has ended here.</p>;
  const keyOf = new Map(stepsInOrder(steps).slice(0, 9).map((s, i) => [s.label, String(i + 1)]));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 8 }}>
      {GROUPS.map(({ actor, title }) => {
        const mine = steps.filter((s) => s.actor === actor);
        return (
          <section key={actor} aria-label={`${title} steps`}>
            <h4 style={{ margin: '0 0 4px' }}>{title}</h4>
            {mine.length === 0 ? (
              <span style={{ color: '#94a3b8' }}>none</span>
            ) : (
              mine.map((s) => (
                <button
                  key={s.label}
                  type="button"
                  onClick={() => onTake(s.label)}
                  aria-keyshortcuts={keyOf.get(s.label)}
                  title={keyOf.has(s.label) ? `Key ${keyOf.get(s.label)}` : undefined}
                  style={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'left',
                    marginBottom: 3,
                    borderColor: actor === 'fault' ? '#7c3aed' : undefined,
                  }}
                >
                  {s.label}
                </button>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
