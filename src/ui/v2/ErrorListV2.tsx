import { fieldId } from '../fields/fieldId';
import { useDesignStateV2, useDesignV2, useLoadResultV2 } from '../../store/v2/useDesignV2';
import { placeOf } from './errorPlaces';
import { usePanelV2 } from './panelContext';

/**
 * Every error the version-2 loader found, each with the role and element it is about; a click
 * selects that element on its role's canvas, opens the panel that edits it and focuses the field.
 */
export function ErrorListV2() {
  const result = useLoadResultV2();
  const design = useDesignV2();
  const select = useDesignStateV2((s) => s.select);
  const { setPanel, setRole } = usePanelV2();
  if (result.ok) return <p className="error-list error-list--ok" role="status">No errors: the design is valid.</p>;
  return (
    <section className="error-list" aria-label="Errors">
      <h3>
        {result.errors.length} error{result.errors.length > 1 ? 's' : ''}
      </h3>
      <ul>
        {result.errors.map((e, i) => {
          const place = placeOf(design, e.path);
          return (
            <li key={i}>
              <button
                type="button"
                onClick={() => {
                  if (place.role !== null) {
                    setRole(place.role);
                    select({ role: place.role, states: place.state !== null ? [place.state] : [], transitions: place.transition !== null ? [place.transition] : [] });
                  }
                  setPanel(place.panel);
                  // The field exists once the panel has rendered.
                  setTimeout(() => document.getElementById(fieldId(e.path))?.focus(), 0);
                }}
              >
                <strong>{place.where}</strong>: {e.message} <code className="error-list__path">{e.path}</code>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
