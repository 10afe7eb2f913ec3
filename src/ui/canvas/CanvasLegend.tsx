import { Panel } from '@xyflow/react';
import type { Design, ValueTypeJson } from '../../model/schema';
import { useDesign } from '../../store/useDesign';
import { semanticBadges } from './flowElements';

/**
 * What the diagram cannot draw as boxes and arrows, in the corner of the canvas: each var with its
 * storage (what a crash keeps), each client event with its retries, dedupe and unhandled reply, and
 * the faults the world may inject. A reviewer reading only the canvas sees what the design promises.
 */
export function CanvasLegend() {
  const design = useDesign();
  if (design.vars.length === 0 && design.events.length === 0) return null;
  const duplicates = (design.environment?.network?.duplicate ?? 0) > 0;
  return (
    <Panel position="top-right" className="canvas-legend">
      <details open>
        <summary>Legend</summary>
        <div role="region" aria-label="Canvas legend">
          {design.vars.length > 0 && (
            <ul aria-label="Vars and their storage">
              {design.vars.map((v, i) => {
                const storage = v.storage ?? 'durable';
                return (
                  <li key={i}>
                    <code>{v.name}</code> <span className="canvas-legend__type">{showType(v.type)}</span>{' '}
                    <span className={`badge badge--storage-${storage}`} title={STORAGE_TITLE[storage]}>
                      {storage}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {design.events.length > 0 && (
            <ul aria-label="Events and their delivery">
              {design.events.map((e, i) => (
                <li key={i}>
                  <code>{e.name}</code> <span className="canvas-legend__type">{e.source}</span>
                  {semanticBadges(e, duplicates).map((b) => (
                    <span key={b.text} className={`badge badge--${b.tone}`} title={b.title}>
                      {b.text}
                    </span>
                  ))}
                  {e.source === 'client' && (
                    <span className="badge" title="What the machine replies to a request it has no transition for">
                      unhandled: {e.unhandled ?? 'reject'}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="canvas-legend__world" aria-label="Faults">
            {faultsLine(design)}
          </p>
        </div>
      </details>
    </Panel>
  );
}

const STORAGE_TITLE = {
  durable: 'Durable: survives a crash',
  volatile: 'Volatile: reset to its initial value by a crash',
  ghost: 'Ghost: what the world observed; never reset, never exported as state',
} as const;

function showType(type: ValueTypeJson): string {
  if (type === 'bool') return 'bool';
  if ('int' in type) return `${type.int[0]}..${type.int[1]}`;
  return type.enum.join(' | ');
}

/** `1 request · drop 1 · duplicate 1 · reorder · crash 1` (MODEL.md defaults when absent). */
export function faultsLine(design: Design): string {
  const env = design.environment ?? {};
  const requests = env.requests ?? 1;
  const parts = [`${requests} ${requests === 1 ? 'request' : 'requests'}`];
  const net = env.network ?? {};
  if ((net.drop ?? 0) > 0) parts.push(`drop ${net.drop}`);
  if ((net.duplicate ?? 0) > 0) parts.push(`duplicate ${net.duplicate}`);
  if (net.reorder) parts.push('reorder');
  parts.push((env.crashes ?? 0) > 0 ? `crash ${env.crashes}` : 'no crashes');
  return parts.join(' · ');
}
