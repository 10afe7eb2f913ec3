import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { createPortal } from 'react-dom';
import { useCanvasOverlay } from '../../store/useCanvasOverlay';
import { useDesignState } from '../../store/useDesign';
import { EdgeLabelLayer } from './edgeLabelLayer';
import type { TransitionFlowEdge } from './flowElements';

const ACK_BADGE = { durable: 'ack', 'best-effort': '~ best-effort', none: 'no ack' } as const;

/** A transition: a straight, bowed or looping path with its label `Event [guard] / updates` and badges. */
function TransitionEdgeView({ data, selected, markerEnd }: EdgeProps<TransitionFlowEdge>) {
  const labelLayer = useContext(EdgeLabelLayer);
  const onTransitionClick = useCanvasOverlay((o) => o.onTransitionClick);
  const select = useDesignState((s) => s.select);
  // The shape comes with the data (placeEdges): reading the two nodes from React Flow's store
  // here would subscribe every edge to every store update, pan and zoom included.
  const shape = data?.shape;
  if (!data || !shape) return null;
  const classes = [
    'transition-edge',
    data.restart ? 'is-restart' : '',
    selected ? 'is-selected' : '',
    data.active ? 'is-active' : '',
    data.dimmed ? 'is-dimmed' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hasBadges = data.client || data.errorReply || data.invariants.length > 0 || data.semantics.length > 0;
  const label = `${data.event}${data.detail ? ` ${data.detail}` : ''}`;
  // The anchor is a zero-size box at the label point that centres the label with flexbox: placed
  // by left/top rather than a transform, so 600 labels add no compositing work while panning.
  const labelElement = (
    <div className={`edge-label-anchor${shape.labelAbove ? ' is-above' : ''}`} style={{ left: shape.labelX, top: shape.labelY }}>
      <div className={`edge-label nodrag nopan ${classes}`}>
        <button
          type="button"
          className="edge-label__event"
          aria-label={`Transition ${data.index + 1}: ${label}`}
          title={label}
          onClick={() =>
            onTransitionClick
              ? onTransitionClick(data.index)
              : select({ states: [], transitions: [data.index] })
          }
        >
          {data.restart ? '↻ ' : ''}
          {data.event}
          {data.detail && <span className="edge-label__detail"> {data.detail}</span>}
        </button>
        {hasBadges && (
          <span className="edge-label__badges">
            {data.client && (
              <span className={`badge edge-label__badge badge--ack-${data.ack}`} title={`Ack: ${data.ack}`}>
                {ACK_BADGE[data.ack]}
              </span>
            )}
            {data.semantics.map((b) => (
              <span key={b.text} className={`badge edge-label__badge badge--${b.tone}`} title={b.title}>
                {b.text}
              </span>
            ))}
            {data.errorReply && (
              <span className="badge edge-label__badge badge--error" title="Replies error">
                error
              </span>
            )}
            {data.invariants.length > 0 && (
              <span
                className="badge edge-label__badge badge--invariant"
                title={`Invariants: ${data.invariants.join(', ')}`}
              >
                ✓{data.invariants.length}
              </span>
            )}
          </span>
        )}
      </div>
    </div>
  );
  return (
    <>
      <BaseEdge path={shape.path} markerEnd={markerEnd} className={classes} interactionWidth={14} />
      {labelLayer && createPortal(labelElement, labelLayer)}
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
