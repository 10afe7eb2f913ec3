import { useRef, useState, type KeyboardEvent } from 'react';
import type { RunEvent } from '../../engine/runEvent';
import { layoutSequence, ROW_HEIGHT, STATE_INSET, type Glyph, type Marker, type Placed, type RunStart, type Shape, type Tone } from './sequenceLayout';
import { measureInPage } from './textFit';
import { useContentWidth } from './useContentWidth';

const TONE: Record<Tone, string> = { normal: '#334155', retry: '#b45309', ok: '#15803d', error: '#b91c1c', fault: '#7c3aed' };
const GLYPH: Record<'ambiguous' | 'restart' | 'double' | 'spark', string> = { ambiguous: '?', restart: '↻', double: '×2', spark: '*' };

interface Props {
  readonly start: RunStart;
  readonly events: readonly RunEvent[];
  /** The row the simulator stands on (0 = initial configuration). */
  readonly cursor: number;
  /** Travel to row `index`: the simulator jumps there; the next step taken forks. */
  readonly onJump: (index: number) => void;
}

/**
 * The run as a sequence diagram, drawn with React elements (user text is only ever SVG text).
 * It fits the width it is given; a text cut to fit carries its whole self as a tooltip.
 */
export function SequenceDiagram({ start, events, cursor, onJump }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useContentWidth(box);
  // Once laid out in a page, the diagram fits its width, measured in the page's own font.
  const layout = layoutSequence(start, events, width === undefined ? {} : { width, measure: measureInPage });
  // SVG groups get no reliable focus outline, so the focused row draws its own.
  const [focused, setFocused] = useState<number | null>(null);
  const onKey = (index: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onJump(index);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // Arrow keys move between rows like a list; Enter travels there.
      const next = e.currentTarget.ownerSVGElement?.querySelector<SVGGElement>(`[data-row="${index + (e.key === 'ArrowDown' ? 1 : -1)}"]`);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  };
  const machine = layout.lanes[layout.lanes.length - 1]!;
  return (
    <div ref={box}>
      <svg
        role="group"
        aria-label="sequence diagram"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        style={{ fontFamily: 'system-ui, sans-serif', fontSize: 11, display: 'block' }}
      >
        <defs>
          <marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
          </marker>
        </defs>
        {layout.bands.map((b, i) => (
          <g key={`band-${i}`} aria-hidden="true">
            <rect
              x={machine.x - 5}
              y={b.y1}
              width={10}
              height={b.y2 - b.y1}
              fill={b.mode === 'recovering' ? '#fecaca' : b.mode === 'busy' ? '#fde68a' : '#bfdbfe'}
              stroke="#64748b"
              strokeWidth={0.5}
            />
          </g>
        ))}
        {layout.lanes.map((lane) => (
          <g key={lane.id} aria-hidden="true">
            <text x={lane.x} y={lane.textY} textAnchor="middle" fontWeight={600}>
              {lane.title ? <title>{lane.title}</title> : null}
              {lane.text}
            </text>
            <line x1={lane.x} x2={lane.x} y1={layout.laneTop} y2={layout.height - 4} stroke="#94a3b8" strokeDasharray="3 3" />
          </g>
        ))}
        {layout.rows.map((row) => (
          <g
            key={row.index}
            role="button"
            tabIndex={0}
            aria-label={row.name}
            aria-current={row.index === cursor ? 'step' : undefined}
            data-row={row.index}
            onClick={() => onJump(row.index)}
            onKeyDown={onKey(row.index)}
            onFocus={() => setFocused(row.index)}
            onBlur={() => setFocused((f) => (f === row.index ? null : f))}
            // Rows past the cursor are the redo future: drawn faint until stepped into.
            opacity={row.index > cursor ? 0.45 : 1}
            style={{ cursor: 'pointer', outline: 'none' }}
          >
            <rect
              x={0}
              y={row.top}
              width={layout.width}
              height={ROW_HEIGHT}
              fill={row.index === cursor ? '#e0f2fe' : row.violated ? '#fee2e2' : 'transparent'}
              stroke={focused === row.index ? '#2563eb' : 'none'}
              strokeWidth={2}
            />
            <text x={4} y={row.y + 4} fill="#64748b">
              {row.index}
            </text>
            {row.shapes.map((s, i) => (
              <ShapeView key={i} shape={s} />
            ))}
            <text x={machine.x + STATE_INSET} y={row.subline ? row.y - 1 : row.y + 4} fill={row.violated ? '#b91c1c' : '#0f172a'} fontWeight={row.violated ? 700 : 400}>
              {row.stateTitle ? <title>{row.stateTitle}</title> : null}
              {row.stateText}
            </text>
            {row.subline ? (
              <text
                x={machine.x + 12}
                y={row.y + 12}
                fill={row.subline.violation ? '#b91c1c' : '#64748b'}
                fontWeight={row.subline.violation ? 700 : 400}
                fontSize={row.subline.violation ? undefined : 10}
              >
                {row.subline.title ? <title>{row.subline.title}</title> : null}
                {row.subline.text}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </div>
  );
}

function ShapeView({ shape }: { shape: Shape }) {
  if (shape.kind === 'marker') return <MarkerView m={shape} />;
  const colour = TONE[shape.tone];
  return (
    <g>
      <line
        x1={shape.x1}
        x2={shape.x2}
        y1={shape.y + 4}
        y2={shape.y + 4}
        stroke={colour}
        strokeWidth={1.5}
        strokeDasharray={shape.tone === 'retry' ? '5 3' : undefined}
        markerEnd="url(#seq-arrow)"
      />
      <ShapeText placed={shape} colour={colour} />
    </g>
  );
}

/** A shape's words where the layout put them, with the whole text as a tooltip when cut. */
function ShapeText({ placed, colour }: { placed: Placed; colour: string }) {
  if (!placed.text) return null;
  return (
    <text x={placed.textX} y={placed.textY} textAnchor={placed.anchor} fill={colour}>
      {placed.title ? <title>{placed.title}</title> : null}
      {placed.text}
    </text>
  );
}

function MarkerView({ m }: { m: Marker }) {
  const colour = TONE[m.tone];
  return (
    <g>
      <circle cx={m.x} cy={m.y} r={8} fill="#fff" stroke={colour} />
      <GlyphShape glyph={m.glyph} x={m.x} y={m.y} colour={colour} />
      <ShapeText placed={m} colour={colour} />
    </g>
  );
}

/** Drawn, not emoji: headless and minimal systems lack colour-emoji fonts. */
function GlyphShape({ glyph, x, y, colour }: { glyph: Glyph; x: number; y: number; colour: string }) {
  switch (glyph) {
    case 'hourglass':
      return <path d={`M${x - 4},${y - 5} h8 l-8,10 h8 z`} fill="none" stroke={colour} strokeWidth={1.4} strokeLinejoin="round" />;
    case 'cross':
      return <path d={`M${x - 4},${y - 4} l8,8 M${x + 4},${y - 4} l-8,8`} stroke={colour} strokeWidth={1.8} />;
    case 'bolt':
      return <path d={`M${x + 1},${y - 6} l-5,7 h4 l-1,5 l5,-7 h-4 z`} fill={colour} />;
    case 'disk':
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill="none" stroke={colour} strokeWidth={1.5} />;
    case 'ambiguous':
    case 'restart':
    case 'double':
    case 'spark':
      return (
        <text x={x} y={y + 4} textAnchor="middle" fill={colour} fontWeight={700} fontSize={glyph === 'double' ? 8 : 11}>
          {GLYPH[glyph]}
        </text>
      );
  }
}
