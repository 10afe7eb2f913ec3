import { ReactFlowProvider } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TransitionJsonV2 } from '../../model/v2/schema';
import type { RoleOverlayStore } from '../../store/v2/roleOverlay';
import { nextName, type DesignEditV2 } from '../../store/v2/designEditsV2';
import { useDesignStateV2, useDesignStoreV2, useLoadResultV2 } from '../../store/v2/useDesignV2';
import { isTextField } from '../commands/useCommandKeys';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { RoleCanvas } from './canvas/RoleCanvas';
import type { RoleErrorCounts } from './canvas/roleElements';
import { countByRole, NO_ERRORS } from './errorPlaces';
import { crashBadge } from './forms/CrashField';
import { usePanelV2 } from './panelContext';

/**
 * Every role at once, one swimlane each, stacked top to bottom in the design's order: each lane
 * is the role's own canvas with its header (instances, what it sends and receives, errors). Read
 * only in Simulate and Check, where the run's overlay is drawn on them.
 */
export function RoleLanes({ readOnly, overlay }: { readOnly: boolean; overlay?: RoleOverlayStore }) {
  const store = useDesignStoreV2();
  const roleCount = useDesignStateV2((s) => s.design.roles.length);
  const result = useLoadResultV2();
  const apply = useDesignStateV2((s) => s.apply);
  // A role's error counts keep their object while they stay the same, so an edit redraws only
  // the lanes whose errors (or role) it changed.
  const previous = useRef<ReadonlyMap<number, RoleErrorCounts>>(new Map());
  const counts = useMemo(() => {
    const c = countByRole(result.ok ? [] : result.errors);
    const elements = new Map<number, RoleErrorCounts>();
    for (const [i, e] of c.elements) {
      const old = previous.current.get(i);
      elements.set(i, old && sameCounts(old, e) ? old : e);
    }
    previous.current = elements;
    return { total: c.total, elements };
  }, [result]);
  return (
    <div className="role-lanes" aria-label="Roles">
      {Array.from({ length: roleCount }, (_, i) => (
        <RoleLane key={i} role={i} readOnly={readOnly} overlay={overlay} errors={counts.total.get(i) ?? 0} elementErrors={counts.elements.get(i) ?? NO_ERRORS} />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="role-lanes__add"
          onClick={() => apply({ type: 'insert', path: '/roles', value: { name: nextName('Role', store.getState().design.roles.map((r) => r.name)), states: [{ name: 'idle', initial: true }], transitions: [] } })}
        >
          Add role
        </button>
      )}
    </div>
  );
}

function sameCounts(a: RoleErrorCounts, b: RoleErrorCounts): boolean {
  const same = (x: ReadonlyMap<number, number>, y: ReadonlyMap<number, number>) => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return same(a.states, b.states) && same(a.transitions, b.transitions);
}

/** One role's lane; redrawn only when its role, the message kinds or its errors change. */
const RoleLane = memo(function RoleLane({ role, readOnly, overlay, errors, elementErrors }: { role: number; readOnly: boolean; overlay: RoleOverlayStore | undefined; errors: number; elementErrors: RoleErrorCounts }) {
  const r = useDesignStateV2((s) => s.design.roles[role])!;
  const messages = useDesignStateV2((s) => s.design.messages);
  const roleCount = useDesignStateV2((s) => s.design.roles.length);
  const store = useDesignStoreV2();
  const apply = useDesignStateV2((s) => s.apply);
  const select = useDesignStateV2((s) => s.select);
  const { setPanel, setRole } = usePanelV2();
  const layout = useRef<() => void>(() => {});
  const onLayout = useCallback((f: () => void) => {
    layout.current = f;
  }, []);
  const instances = r.instances ?? 1;
  const sends = [...new Set((messages ?? []).filter((m) => m.from === r.name).map((m) => `${m.name} → ${m.to}`))];
  const receives = [...new Set((messages ?? []).filter((m) => m.to === r.name).map((m) => `${m.name} ← ${m.from}`))];
  const details = () => {
    setRole(role);
    setPanel('role');
  };
  const addState = () => {
    const name = nextName('s', r.states.map((s) => s.name));
    apply({ type: 'insert', path: `/roles/${role}/states`, value: r.states.length ? { name } : { name, initial: true } });
    select({ role, states: [name], transitions: [] });
  };
  const addTransition = () => {
    const sel = store.getState().selection;
    const from = (sel.role === role ? sel.states[0] : undefined) ?? r.states.find((s) => s.initial)?.name ?? r.states[0]?.name ?? '';
    // It receives the first message kind sent to this role, else takes the role's first event
    // (an internal event `Step` is declared with it when the role has none).
    const incoming = messages?.find((m) => m.to === r.name);
    const event = r.events?.[0]?.name;
    const t: TransitionJsonV2 = { from, ...(incoming ? { receive: incoming.name } : { event: event ?? 'Step' }) };
    const edits: DesignEditV2[] = [{ type: 'insert', path: `/roles/${role}/transitions`, value: t }];
    if (!incoming && !event) edits.unshift({ type: 'insert', path: `/roles/${role}/events`, value: { name: 'Step', source: 'internal' } });
    apply({ type: 'batch', edits });
    select({ role, states: [], transitions: [r.transitions.length] });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (readOnly || isTextField(e.target)) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (store.getState().deleteSelection()) e.preventDefault();
    }
  };
  return (
    <section className="role-lane" aria-label={`Role ${r.name}`} onKeyDown={onKeyDown}>
      <header className="role-lane__header">
        <button type="button" className="role-lane__name" onClick={details} title="Name, instances, crashes, vars, events, invariants">
          <strong>{r.name || '(unnamed role)'}</strong> <span className="role-lane__count">×{instances} {instances === 1 ? 'instance' : 'instances'}{crashBadge(r.crashes, r.afterCrash) && `, ${crashBadge(r.crashes, r.afterCrash)}`}</span>
        </button>
        {errors > 0 && (
          <button type="button" className="badge badge--error" onClick={details} aria-label={`Role ${r.name} has ${errors} error${errors > 1 ? 's' : ''}`}>
            {errors} error{errors > 1 ? 's' : ''}
          </button>
        )}
        <span className="role-lane__messages">
          {sends.length > 0 && <span title="Message kinds this role sends">sends {sends.join(', ')}</span>}
          {receives.length > 0 && <span title="Message kinds this role receives">receives {receives.join(', ')}</span>}
        </span>
        {!readOnly && (
          <span className="role-lane__actions">
            <button type="button" onClick={addState} aria-label={`Add state to ${r.name}`}>
              + State
            </button>
            <button type="button" onClick={addTransition} aria-label={`Add transition to ${r.name}`} disabled={r.states.length === 0}>
              + Transition
            </button>
            <button type="button" onClick={() => layout.current()} aria-label={`Lay out ${r.name}`}>
              Layout
            </button>
            <button type="button" className="danger" onClick={() => apply({ type: 'removeRole', role })} aria-label={`Delete role ${r.name}`} disabled={roleCount === 1}>
              Delete
            </button>
          </span>
        )}
      </header>
      <div className="role-lane__canvas canvas">
        <ErrorBoundary name={`canvas of ${r.name}`}>
          <ReactFlowProvider>
            <RoleCanvas role={role} readOnly={readOnly} overlay={overlay} errors={elementErrors} onLayout={onLayout} />
          </ReactFlowProvider>
        </ErrorBoundary>
      </div>
    </section>
  );
});
