import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useCanvasOverlay } from '../../store/useCanvasOverlay';
import { useDesignState } from '../../store/useDesign';
import { edgeBetween, selfLoop, type Box } from './edgeGeometry';
import type { TransitionFlowEdge } from './flowElements';

const ACK_BADGE = { durable: 'ack', 'best-effort': '~ best-effort', none: 'no ack' } as const;

/** A transition: a straight, bowed or looping path with its label `Event [guard] / updates` and badges. */
function TransitionEdgeView({ source, target, data, selected, markerEnd }: EdgeProps<TransitionFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const onTransitionClick = useCanvasOverlay((o) => o.onTransitionClick);
  const select = useDesignState((s) => s.select);
  if (!from || !to || !data) return null;
  const shape = source === target ? selfLoop(box(from), data.loop) : edgeBetween(box(from), box(to), data.offset);
  const classes = ['transition-edge', data.restart ? 'is-restart' : '', selected ? 'is-selected' : '', data.active ? 'is-active' : '', data.dimmed ? 'is-dimmed' : '']
    .filter(Boolean)
    .join(' ');
  const label = `${data.event}${data.detail ? ` ${data.detail}` : ''}`;
  return (
    <>
      <BaseEdge path={shape.path} markerEnd={markerEnd} className={classes} interactionWidth={14} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label nodrag nopan ${classes}`}
          style={{ transform: `translate(-50%, -50%) translate(${shape.labelX}px, ${shape.labelY}px)` }}
        >
          <button
            type="button"
            className="edge-label__event"
            aria-label={`Transition ${data.index + 1}: ${label}`}
            title={label}
            onClick={() => (onTransitionClick ? onTransitionClick(data.index) : select({ states: [], transitions: [data.index] }))}
          >
            {data.restart ? '↻ ' : ''}
            {data.event}
            {data.detail && <span className="edge-label__detail"> {data.detail}</span>}
          </button>
          {data.client && <span className={`badge badge--ack-${data.ack}`} title={`Ack: ${data.ack}`}>{ACK_BADGE[data.ack]}</span>}
          {data.errorReply && <span className="badge badge--error" title="Replies error">error</span>}
          {data.invariants.length > 0 && (
            <span className="badge badge--invariant" title={`Invariants: ${data.invariants.join(', ')}`}>
              ✓{data.invariants.length}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

function box(node: NonNullable<ReturnType<typeof useInternalNode>>): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? 120,
    height: node.measured.height ?? 48,
  };
}

export const TransitionEdge = memo(TransitionEdgeView);
