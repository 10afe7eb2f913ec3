import type { StepChoiceV2 } from '../../../store/v2/runView';

interface Props {
  /** In the order shown (`stepsInOrderV2`): the first nine take the digit keys 1–9. */
  readonly steps: readonly StepChoiceV2[];
  readonly instances: readonly string[];
  readonly onTake: (label: string) => void;
}

const FAULT = '#7c3aed';

/** The enabled steps, one button each, grouped by actor (instances, one group each; network; faults). */
export function StepGroupsV2({ steps, instances, onTake }: Props) {
  const keyOf = new Map(steps.slice(0, 9).map((s, i) => [s.label, String(i + 1)]));
  const groups: { title: string; label: string; steps: StepChoiceV2[] }[] = [
    ...instances.map((name) => ({ title: name, label: `${name} steps`, steps: steps.filter((s) => s.actor === 'instance' && s.instance === name) })),
    { title: 'Network', label: 'Network steps', steps: steps.filter((s) => s.actor === 'network') },
    { title: 'Faults', label: 'Fault steps', steps: steps.filter((s) => s.actor === 'fault') },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: 8 }}>
      {groups.map((g) => (
        <section key={g.title} aria-label={g.label}>
          <h4 style={{ margin: '0 0 4px' }}>{g.title}</h4>
          {g.steps.length === 0 ? (
            <span style={{ color: '#94a3b8' }}>none</span>
          ) : (
            g.steps.map((s) => (
              <button
                key={s.label}
                type="button"
                onClick={() => onTake(s.label)}
                aria-keyshortcuts={keyOf.get(s.label)}
                title={[keyOf.has(s.label) ? `Key ${keyOf.get(s.label)}` : '', s.violates ? 'violates while computed: the run ends on it' : ''].filter(Boolean).join(' · ') || undefined}
                style={{ display: 'block', width: '100%', textAlign: 'left', marginBottom: 3, borderColor: s.actor === 'instance' ? undefined : FAULT, color: s.violates ? '#b91c1c' : undefined }}
              >
                {s.label}
              </button>
            ))
          )}
        </section>
      ))}
    </div>
  );
}
