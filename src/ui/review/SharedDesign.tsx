import { useEffect, useMemo, useState } from 'react';
import { loadDesign } from '../../model/load';
import { RESTART, type Model } from '../../model/model';
import type { Design } from '../../model/schema';
import { declaredVersion, loadAnyDesignV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import { designDiagram, diagramSvg, svgDataUrl } from '../../review/diagramSvg';
import { decodeShare } from '../../review/share';
import type { StoredDesign } from '../../store/storedRecord';
import { SharedDesignV2 } from './SharedDesignV2';
import { SharedFrame } from './SharedFrame';

type Opened =
  | { status: 'opening' }
  | { status: 'refused'; message: string }
  | { status: 'open'; design: Design; model: Model }
  | { status: 'open-v2'; model: ModelV2 };

/**
 * A design opened from a link: read-only, saved nowhere until "Save a copy". With `embed` it is
 * the bare viewer for docs and slides (diagram and name, a link to open it in full).
 */
export function SharedDesign({
  payload,
  embed,
  onSaveCopy,
}: {
  payload: string;
  embed: boolean;
  onSaveCopy: (design: StoredDesign) => void;
}) {
  const [opened, setOpened] = useState<Opened>({ status: 'opening' });
  useEffect(() => {
    let live = true;
    void decodeShare(payload).then((decoded) => {
      if (!live) return;
      if (!decoded.ok) return setOpened({ status: 'refused', message: decoded.message });
      // A design of several participants (format version 2) has its own viewer.
      if (declaredVersion(decoded.text) === 2) {
        const v2 = loadAnyDesignV2(decoded.text);
        if (v2.ok && v2.kind === 'participants') return setOpened({ status: 'open-v2', model: v2.model });
        if (!v2.ok) return setOpened({ status: 'refused', message: `The shared design is not valid: ${v2.errors[0]?.message ?? ''}` });
      }
      const loaded = loadDesign(decoded.text);
      if (!loaded.ok)
        return setOpened({
          status: 'refused',
          message: `The shared design is not valid: ${loaded.errors[0]?.message ?? ''}`,
        });
      setOpened({ status: 'open', design: JSON.parse(decoded.text) as Design, model: loaded.model });
    });
    return () => {
      live = false;
    };
  }, [payload]);
  const picture = useMemo(
    () =>
      opened.status === 'open'
        ? svgDataUrl(diagramSvg(designDiagram(opened.model.design), `State diagram of ${opened.model.name}`))
        : null,
    [opened],
  );

  if (opened.status === 'open-v2') return <SharedDesignV2 payload={payload} embed={embed} model={opened.model} onSaveCopy={onSaveCopy} />;
  if (opened.status !== 'open') {
    return (
      <main className="shared">
        {opened.status === 'opening' ? (
          <p role="status">Opening the shared design…</p>
        ) : (
          <p role="alert">{opened.message}</p>
        )}
      </main>
    );
  }
  const { design, model } = opened;
  const image = <img src={picture!} alt={`State diagram of ${model.name}`} />;
  return (
    <SharedFrame payload={payload} embed={embed} title={model.name} description={model.design.description} pictures={image} onSaveCopy={() => onSaveCopy(design)}>
      {image}
      <h2>Transitions</h2>
      <table>
        <thead>
          <tr>
            <th>from</th>
            <th>event</th>
            <th>to</th>
            <th>guard</th>
            <th>ack</th>
          </tr>
        </thead>
        <tbody>
          {model.transitions.map((t) => (
            <tr key={t.index}>
              <td>{model.states[t.from]!.name}</td>
              <td>{t.event === RESTART ? '$restart' : model.events[t.event]!.name}</td>
              <td>{model.states[t.to]!.name}</td>
              <td>
                <code>{t.guard?.text ?? ''}</code>
              </td>
              <td>{t.event !== RESTART && model.events[t.event]!.source === 'client' ? t.ack : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invariants</h2>
      <ul>
        {model.invariants.map((i) => (
          <li key={i.name}>
            {i.name}: <code>{i.expr.text}</code>
          </li>
        ))}
      </ul>
    </SharedFrame>
  );
}
export default SharedDesign;
