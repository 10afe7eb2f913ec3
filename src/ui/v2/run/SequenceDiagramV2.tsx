import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { RunSequenceV2 } from '../../../store/v2/runSequence';
import { Dialog } from '../../common/Dialog';
import { HEADER, ROW_HEIGHT, layoutSequenceV2, type ArrowV2, type RowMarkV2 } from './sequenceLayoutV2';

interface Props {
  readonly sequence: RunSequenceV2;
  /** The row the run stands on. */
  readonly cursor: number;
  readonly onJump: (row: number) => void;
}

/** The width an element is shown in, followed as it changes (undefined until measured). */
function useShownWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth || undefined));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The diagram where it sits (a side panel: every lifeline squeezed into sight while that reads)
 * and, one click away, the same diagram in a wide dialog.
 */
export function SequenceDiagramV2(props: Props) {
  const [wide, setWide] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // Closing gives the keyboard back where it was: on the button that opened the dialog.
  const close = () => {
    setWide(false);
    queueMicrotask(() => opener.current?.focus());
  };
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '2px 4px 0' }}>
        <button ref={opener} type="button" onClick={() => setWide(true)} aria-haspopup="dialog">
          Wide view
        </button>
      </div>
      <SequenceDiagramBox {...props} maxHeight={480} />
      {wide ? (
        <Dialog title="Sequence diagram" onClose={close} wide>
          <SequenceDiagramBox {...props} maxHeight="70vh" />
          <div className="dialog__actions">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

const COLOR = { received: '#334155', ignored: '#94a3b8', dropped: '#b91c1c', 'in-flight': '#2563eb' } as const;

/**
 * A version-2 run as a sequence diagram: one lifeline per instance, messages as arrows between
 * lifelines, drops and duplicates marked, crashes and restarts on the crashed instance's lifeline,
 * timeouts as the ambiguous third outcome. Drawn with React elements; fitted to the width it is
 * shown in down to readable minimums, then it scrolls, never clips.
 * Each row is a button `step N: LABEL` that travels there.
 */
function SequenceDiagramBox({ sequence, cursor, onJump, maxHeight }: Props & { readonly maxHeight: number | string }) {
  const box = useRef<HTMLDivElement>(null);
  const layout = layoutSequenceV2(sequence, useShownWidth(box));
  const [focused, setFocused] = useState<number | null>(null);
  // One marker per drawing: the wide view draws the diagram a second time on the same page.
  const marker = `seqv2-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // Stepping keeps the row the run stands on in view inside the diagram's own scroll box.
  // Only vertically: the horizontal position (which lifelines are shown) stays the person's.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const top = HEADER + cursor * ROW_HEIGHT;
    if (top < el.scrollTop + HEADER) el.scrollTop = Math.max(0, top - HEADER);
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [cursor, sequence]);
  const onKey = (row: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onJump(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = e.currentTarget.ownerSVGElement?.querySelector<SVGGElement>(`[data-row="${row + (e.key === 'ArrowDown' ? 1 : -1)}"]`);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };
  return (
    <div ref={box} style={{ overflow: 'auto', maxHeight }} data-testid="sequence-v2-scroll">
      {/* The lifelines' names stay on top while the rows scroll. */}
      <svg aria-hidden="true" width={layout.width} height={HEADER} style={{ position: 'sticky', top: 0, zIndex: 1, background: '#fff', display: 'block', fontFamily: 'system-ui, sans-serif', fontSize: 11 }}>
        {layout.lanes.map((lane) => (
          <text key={lane.name} x={lane.x} y={HEADER - 14} textAnchor="middle" fontWeight={600}>
            {lane.name}
          </text>
        ))}
      </svg>
      <svg
        role="group"
        aria-label="sequence diagram"
        width={layout.width}
        height={layout.height - HEADER}
        viewBox={`0 ${HEADER} ${layout.width} ${layout.height - HEADER}`}
        style={{ fontFamily: 'system-ui, sans-serif', fontSize: 11, display: 'block' }}
      >
        <defs>
          <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
          </marker>
        </defs>
        {layout.rows.map((r) => (
          <g
            key={r.row}
            role="button"
            tabIndex={0}
            aria-label={`step ${r.row}: ${r.label}`}
            aria-current={r.row === cursor ? 'step' : undefined}
            data-row={r.row}
            onClick={() => onJump(r.row)}
            onKeyDown={onKey(r.row)}
            onFocus={() => setFocused(r.row)}
            onBlur={() => setFocused((f) => (f === r.row ? null : f))}
            opacity={r.row > cursor ? 0.45 : 1}
            style={{ cursor: 'pointer', outline: 'none' }}
          >
            <rect
              x={0}
              y={r.top}
              width={layout.width}
              height={ROW_HEIGHT}
              fill={r.row === cursor ? '#e0f2fe' : r.violation ? '#fee2e2' : 'transparent'}
              stroke={focused === r.row ? '#2563eb' : 'none'}
              strokeWidth={2}
            />
            <text x={4} y={r.y + 4} fill="#64748b">
              {r.row}
            </text>
            <text x={28} y={r.y + 4} fill={r.violation ? '#b91c1c' : '#0f172a'} fontWeight={r.violation ? 700 : 400}>
              <title>{r.label}</title>
              {cut(r.label, layout.labelWidth - 32)}
            </text>
          </g>
        ))}
        {layout.lanes.map((lane) => (
          <g key={lane.name} aria-hidden="true">
            <line x1={lane.x} x2={lane.x} y1={HEADER} y2={layout.height - 6} stroke="#94a3b8" strokeDasharray="3 3" />
            {lane.down.map((d, i) => (
              <rect key={i} x={lane.x - 4} y={d.y1} width={8} height={d.y2 - d.y1} fill="#fecaca" stroke="#b91c1c" strokeWidth={0.5}>
                <title>{`${lane.name} is down`}</title>
              </rect>
            ))}
          </g>
        ))}
        {layout.arrows.map((a, i) => (
          <Arrow key={i} arrow={a} faint={a.row > cursor} marker={marker} />
        ))}
        {layout.rows.map((r) => (
          <Mark key={r.row} row={r} faint={r.row > cursor} />
        ))}
      </svg>
    </div>
  );
}

function Arrow({ arrow: a, faint, marker }: { arrow: ArrowV2; faint: boolean; marker: string }) {
  const color = a.duplicate && a.end !== 'dropped' ? '#7c3aed' : COLOR[a.end];
  const mx = (a.x1 + a.x2) / 2;
  const my = (a.y1 + a.y2) / 2;
  const what = `${a.text}${a.duplicate ? ' (duplicate)' : ''}: ${a.end === 'in-flight' ? 'still in flight' : a.end}`;
  return (
    <g opacity={faint ? 0.35 : 1} data-arrow={a.end}>
      <title>{what}</title>
      <line
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        stroke={color}
        strokeWidth={1.3}
        strokeDasharray={a.end === 'in-flight' || a.duplicate ? '5 3' : undefined}
        markerEnd={a.end === 'received' || a.end === 'ignored' ? `url(#${marker})` : undefined}
      />
      {a.end === 'dropped' ? (
        <text x={a.x2} y={a.y2 + 4} textAnchor="middle" fill={color} fontWeight={700} fontSize={14}>
          ✕
        </text>
      ) : null}
      <text x={mx} y={my - 3} textAnchor="middle" fill={color} fontSize={10} paintOrder="stroke" stroke="#fff" strokeWidth={3}>
        {cut(`${a.duplicate ? '×2 ' : ''}${a.text}`, 120)}
      </text>
    </g>
  );
}

/** What happens on the moving instance's lifeline at a row. */
function Mark({ row: r, faint }: { row: RowMarkV2; faint: boolean }) {
  if (r.x < 0) return null;
  const o = faint ? 0.35 : 1;
  switch (r.kind) {
    case 'crash':
      return (
        <g opacity={o} data-mark="crash">
          <title>crash: memory lost, the persisted record stays</title>
          <text x={r.x} y={r.y + 5} textAnchor="middle" fill="#b91c1c" fontWeight={700} fontSize={15}>
            ✕
          </text>
          <text x={r.x + 10} y={r.y + 4} fill="#b91c1c">
            crash
          </text>
        </g>
      );
    case 'restart':
      return (
        <g opacity={o} data-mark="restart">
          <title>restart from the persisted record</title>
          <text x={r.x} y={r.y + 5} textAnchor="middle" fill="#15803d" fontWeight={700} fontSize={14}>
            ↻
          </text>
          <text x={r.x + 10} y={r.y + 4} fill="#15803d">
            restart
          </text>
        </g>
      );
    case 'timeout':
      // The third outcome: the instance stopped waiting without knowing whether its request took effect.
      return (
        <g opacity={o} data-mark="timeout">
          <title>timeout: the outcome is unknown (it may or may not have happened)</title>
          <circle cx={r.x} cy={r.y} r={7} fill="#fef3c7" stroke="#b45309" />
          <text x={r.x} y={r.y + 4} textAnchor="middle" fill="#b45309" fontWeight={700}>
            ?
          </text>
          <text x={r.x + 10} y={r.y + 4} fill="#b45309">
            timeout
          </text>
        </g>
      );
    case 'event':
    case 'receive':
      return r.violation ? (
        <circle cx={r.x} cy={r.y} r={4} fill="#b91c1c" opacity={o} />
      ) : r.kind === 'event' ? (
        <circle cx={r.x} cy={r.y} r={3.5} fill="#334155" opacity={o} />
      ) : null;
    default:
      return null;
  }
}

/** Cuts a text to roughly `px` pixels at 11 px (6.2 px a character), with an ellipsis; the whole text is the row's tooltip. */
function cut(text: string, px: number): string {
  const max = Math.max(4, Math.floor(px / 6.2));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
