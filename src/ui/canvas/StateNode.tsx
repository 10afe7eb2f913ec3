import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useDesignState } from '../../store/useDesign';
import type { StateFlowNode } from './flowElements';

/** A state: its name (renamed in place), initial/final markers, storage and recovery badges. */
function StateNodeView({ data, selected }: NodeProps<StateFlowNode>) {
  const renaming = useDesignState((s) => s.renaming === data.name && !data.readOnly);
  const setRenaming = useDesignState((s) => s.setRenaming);
  const classes = ['state-node', selected ? 'is-selected' : '', data.active ? 'is-active' : '', data.dimmed ? 'is-dimmed' : '', data.final ? 'is-final' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <div className="state-node__row">
        {data.initial && (
          <span className="state-node__marker" title="Initial state" aria-label="initial">
            ▶
          </span>
        )}
        {renaming ? (
          <RenameInput name={data.name} index={data.index} onDone={() => setRenaming(null)} />
        ) : (
          <span
            className="state-node__name"
            onDoubleClick={(e) => {
              if (data.readOnly) return;
              e.stopPropagation();
              setRenaming(data.name);
            }}
          >
            {data.name || '(unnamed)'}
          </span>
        )}
        {data.final && (
          <span className="state-node__marker" title="Final state" aria-label="final">
            ◉
          </span>
        )}
      </div>
      <div className="state-node__badges">
        <span className="badge" title={data.durable ? 'Durable: entering this state is persisted' : 'Volatile: entering this state is not persisted'} aria-label={data.durable ? 'durable' : 'volatile'}>
          {data.durable ? '▣' : '◌'}
        </span>
        {data.hasRecovery && (
          <span className="badge badge--recovery" title="Recovery ($restart) is specified from this state" aria-label="recovery specified">
            ↻
          </span>
        )}
      </div>
      <Handle
        type="source"
        position={Position.Right}
        className="state-node__handle"
        isConnectable={!data.readOnly}
        aria-label={`Connect from ${data.name}`}
        title="Drag to a state to add a transition"
      />
    </div>
  );
}

function RenameInput({ name, index, onDone }: { name: string; index: number; onDone: () => void }) {
  const [draft, setDraft] = useState(name);
  const apply = useDesignState((s) => s.apply);
  const commit = () => {
    const next = draft.trim();
    if (next !== '' && next !== name) apply({ type: 'updateState', index, patch: { name: next } });
    onDone();
  };
  return (
    <input
      className="state-node__rename nodrag"
      aria-label={`Rename state ${name}`}
      value={draft}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') onDone();
      }}
    />
  );
}

export const StateNode = memo(StateNodeView);
