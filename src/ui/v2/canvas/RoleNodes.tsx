import { BaseEdge, EdgeLabelRenderer, Handle, Position, type EdgeProps, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { shownDetail, type RoleStateNode, type RoleTransitionEdge } from './roleElements';

/** What a transition label does when clicked: select it (Design) or step it (a run's click-to-step). */
export const TransitionClick = createContext<(index: number) => void>(() => {});

/** A state of a role: name, initial/final, storage, recovery, errors, and the instances in it during a run. */
function RoleStateView({ data, selected }: NodeProps<RoleStateNode>) {
  const classes = ['state-node', 'role-state', selected ? 'is-selected' : '', data.instances.length ? 'is-active' : '', data.dimmed ? 'is-dimmed' : '', data.final ? 'is-final' : '', data.errors ? 'has-errors' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <Handle type="target" position={Position.Left} className="role-state__target" isConnectable={false} />
      <div className="state-node__row">
        {data.initial && (
          <span className="state-node__marker" title="Initial state" aria-label="initial">
            ▶
          </span>
        )}
        <span className="state-node__name">{data.name || '(unnamed)'}</span>
        {data.final && (
          <span className="state-node__marker" title="Final state" aria-label="final">
            ◉
          </span>
        )}
      </div>
      <div className="state-node__badges">
        <span className="badge" title={data.durable ? 'Durable: a crash comes back here' : 'Volatile: a crash goes back to the last durable state'}>
          {data.durable ? '▣' : '◌'}
        </span>
        {data.recovery && (
          <span className="badge badge--recovery" title="Recovery ($restart) from this state">
            ↻
          </span>
        )}
        {data.errors > 0 && (
          <span className="badge badge--error" title={`${data.errors} error${data.errors > 1 ? 's' : ''} (see the Errors list)`}>
            {data.errors} error{data.errors > 1 ? 's' : ''}
          </span>
        )}
      </div>
      {data.instances.length > 0 && (
        <div className="role-state__instances" aria-label={`Instances in ${data.name}`}>
          {data.instances.map((i) => (
            <span key={i} className="badge badge--ok">
              {i}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="state-node__handle" isConnectable={!data.readOnly} aria-label={`Connect from ${data.name}`} title="Drag to a state to add a transition" />
    </div>
  );
}

function RoleTransitionView({ data, selected, markerEnd }: EdgeProps<RoleTransitionEdge>) {
  const click = useContext(TransitionClick);
  if (!data) return null;
  const classes = ['transition-edge', data.restart ? 'is-restart' : '', selected ? 'is-selected' : '', data.active ? 'is-active' : '', data.enabled ? 'is-enabled' : '', data.dimmed ? 'is-dimmed' : ''].filter(Boolean).join(' ');
  const label = `${data.trigger}${data.detail ? ` ${data.detail}` : ''}`;
  const detail = shownDetail(data, selected === true || data.active);
  return (
    <>
      <BaseEdge path={data.shape.path} markerEnd={markerEnd} className={classes} interactionWidth={14} />
      <EdgeLabelRenderer>
        <div className={`edge-label nodrag nopan role-edge-label ${classes}${data.crowded ? ' is-crowded' : ''}${data.shape.labelAbove ? ' is-loop' : ''}`} style={{ transform: `translate(-50%, ${data.shape.labelAbove ? '-100%' : '-50%'}) translate(${data.shape.labelX}px, ${data.shape.labelY}px)` }}>
          <button type="button" className={`edge-label__event${data.receive ? ' is-receive' : ''}`} aria-label={`Transition ${data.index + 1} of ${data.role}: ${label}`} title={label} onClick={() => click(data.index)}>
            {data.trigger}
            {detail && <span className="edge-label__detail"> {detail}</span>}
          </button>
          {data.errors > 0 && <span className="badge badge--error">{data.errors} error{data.errors > 1 ? 's' : ''}</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const nodeTypes = { roleState: memo(RoleStateView) };
export const edgeTypes = { roleTransition: memo(RoleTransitionView) };
