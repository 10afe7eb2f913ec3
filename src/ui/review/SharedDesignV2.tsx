import { useMemo } from 'react';
import type { ModelV2 } from '../../model/v2/model';
import { diagramSvg, svgDataUrl } from '../../review/diagramSvg';
import { transitionNameV2, triggerText } from '../../review/v2/elementsV2';
import { roleDiagram } from '../../review/v2/reportV2';
import type { StoredDesign } from '../../store/storedRecord';
import { SharedFrame } from './SharedFrame';

/**
 * A design of several participants opened from a link: read-only, one state diagram per role
 * (the review report's pictures, as images: no user text reaches the DOM as markup), each role's
 * transitions and the design invariants; "Save a copy" makes it a document. With `embed`, the
 * bare viewer for docs and slides.
 */
export function SharedDesignV2({ payload, embed, model, onSaveCopy }: { payload: string; embed: boolean; model: ModelV2; onSaveCopy: (design: StoredDesign) => void }) {
  const d = model.design;
  const pictures = useMemo(
    () =>
      d.roles.map((role) => {
        const layout = d.layout && Object.hasOwn(d.layout, role.name) ? (d.layout as Record<string, unknown>)[role.name] : undefined;
        return { role: role.name, url: svgDataUrl(diagramSvg(roleDiagram(role, layout), `State diagram of ${role.name}`)) };
      }),
    [d],
  );
  const images = pictures.map((p) => <img key={p.role} src={p.url} alt={`State diagram of ${p.role}`} />);
  return (
    <SharedFrame payload={payload} embed={embed} title={d.name} description={d.description} pictures={images} onSaveCopy={() => onSaveCopy(d)}>
      {d.roles.map((role, r) => (
        <section key={role.name} aria-label={`Role ${role.name}`}>
          <h2>
            {role.name} ({role.instances ?? 1} instance{(role.instances ?? 1) === 1 ? '' : 's'})
          </h2>
          {images[r]}
          <table>
            <thead>
              <tr>
                <th>transition</th>
                <th>from</th>
                <th>trigger</th>
                <th>to</th>
                <th>guard</th>
              </tr>
            </thead>
            <tbody>
              {role.transitions.map((t, k) => (
                <tr key={k}>
                  <td>{transitionNameV2(role, k)}</td>
                  <td>{Array.isArray(t.from) ? t.from.join(', ') : t.from}</td>
                  <td>{triggerText(t)}</td>
                  <td>{t.to ?? '(stays)'}</td>
                  <td>
                    <code>{t.guard ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2>Invariants</h2>
      <ul>
        {(d.invariants ?? []).map((i) => (
          <li key={i.name}>
            {i.name}: <code>{i.expr}</code>
          </li>
        ))}
      </ul>
    </SharedFrame>
  );
}
