import { useDesign, useDesignState } from '../../store/useDesign';
import { TextField } from '../fields/TextField';

/** The design's own name and description. */
export function DesignPanel({ readOnly }: { readOnly: boolean }) {
  const design = useDesign();
  const apply = useDesignState((s) => s.apply);
  return (
    <section className="panel" aria-label="Design">
      <TextField label="Design name" path="/name" value={design.name} readOnly={readOnly} onChange={(name) => apply({ type: 'setMeta', name }, { merge: '/name' })} />
      <TextField
        label="Design description"
        path="/description"
        value={design.description ?? ''}
        multiline
        readOnly={readOnly}
        onChange={(v) => apply({ type: 'setMeta', description: v || undefined }, { merge: '/description' })}
      />
    </section>
  );
}
