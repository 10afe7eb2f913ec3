import { Background, getViewportForBounds, ReactFlow, useReactFlow, useStore as useFlowStore, useStoreApi, type Connection, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DesignV2, TransitionJsonV2 } from '../../../model/v2/schema';
import type { Point } from '../../../store/designEdits';
import { roleLayout, type DesignEditV2 } from '../../../store/v2/designEditsV2';
import type { RoleOverlayStore } from '../../../store/v2/roleOverlay';
import { emptyRoleOverlay } from '../../../store/v2/roleOverlay';
import { useDesignStateV2, useDesignStoreV2 } from '../../../store/v2/useDesignV2';
import { createStore } from 'zustand/vanilla';
import { layeredLayout } from '../../canvas/elkLayout';
import { keepUnchanged, layoutInput, NODE_SIZE, roleBounds, toRoleEdges, toRoleNodes, type RoleErrorCounts, type RoleStateNode, type RoleTransitionEdge } from './roleElements';
import { edgeTypes, nodeTypes, TransitionClick } from './RoleNodes';

const noOverlayStore: RoleOverlayStore = createStore(() => emptyRoleOverlay);
const PRO_OPTIONS = { hideAttribution: true };

/**
 * One role's states and transitions (React Flow, controlled by the version-2 design store).
 * Drag a state to move it, drag from its right handle to another state to add a transition,
 * click to select (the inspector opens); in a run, the overlay marks the instances in each
 * state and clicking a transition steps it when the run asks for that.
 */
export function RoleCanvas({ role, readOnly, overlay, errors, onLayout }: {
  role: number;
  readOnly: boolean;
  overlay?: RoleOverlayStore;
  errors: RoleErrorCounts;
  /** Receives this canvas's "lay out again" action (the lane's button). */
  onLayout?: (layout: () => void) => void;
}) {
  const store = useDesignStoreV2();
  const r = useDesignStateV2((s) => s.design.roles[role]);
  // This role's saved positions only: a state moved on another role's canvas leaves this one alone.
  const saved = useDesignStateV2((s) => {
    const n = s.design.roles[role]?.name;
    return n === undefined ? undefined : s.design.layout?.[n];
  });
  const messages = useDesignStateV2((s) => s.design.messages);
  // A call event goes to the role declaring it, as a message does (its request is one): one string, so other edits do not redraw.
  const callees = useDesignStateV2((s) => s.design.roles.flatMap((x) => (x.events ?? []).filter((e) => e.source === 'call').map((e) => `${e.name}\u0000${x.name}`)).join('\u0001'));
  const receiverOf = useMemo(() => {
    const to = new Map([...(callees ? callees.split('\u0001').map((pair) => pair.split('\u0000') as [string, string]) : []), ...(messages ?? []).map((m): [string, string] => [m.name, m.to])]);
    return (kind: string) => to.get(kind);
  }, [messages, callees]);
  const selection = useDesignStateV2((s) => s.selection);
  const apply = useDesignStateV2((s) => s.apply);
  const select = useDesignStateV2((s) => s.select);
  const runOverlay = useStore(overlay ?? noOverlayStore, (o) => (r ? o.roles.get(r.name) : undefined));
  const onRunClick = useStore(overlay ?? noOverlayStore, (o) => o.onTransitionClick);
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point>>(new Map());
  const flow = useReactFlow();
  const name = r?.name ?? '';

  const positions = useMemo(() => {
    const placed = saved === undefined ? {} : roleLayout({ layout: { [name]: saved } }, name);
    return dragging.size ? { ...placed, ...Object.fromEntries(dragging) } : placed;
  }, [saved, name, dragging]);
  const mine = selection.role === role;
  const selectedStates = useMemo(() => new Set(mine ? selection.states : []), [mine, selection.states]);
  const selectedTransitions = useMemo(() => new Set(mine ? selection.transitions : []), [mine, selection.transitions]);
  // The last elements handed to React Flow, and each state's measured size: an edit or a drag
  // step hands back the same objects for what it did not change, and a changed state keeps its
  // size, so React Flow neither redraws nor measures again the other states of the role.
  const shown = useRef<{ nodes: RoleStateNode[]; edges: RoleTransitionEdge[]; sizes: Map<string, { width: number; height: number }> }>({ nodes: [], edges: [], sizes: new Map() });
  const nodes = useMemo(() => {
    const { sizes } = shown.current;
    const made = r ? toRoleNodes(r, positions, selectedStates, runOverlay, errors, readOnly).map((n) => (sizes.has(n.id) ? { ...n, measured: sizes.get(n.id) } : n)) : [];
    return (shown.current.nodes = keepUnchanged(shown.current.nodes, made));
  }, [r, positions, selectedStates, runOverlay, errors, readOnly]);
  const edges = useMemo(() => (shown.current.edges = keepUnchanged(shown.current.edges, r ? toRoleEdges(r, positions, selectedTransitions, runOverlay, errors, receiverOf) : [])), [r, positions, selectedTransitions, runOverlay, errors, receiverOf]);

  // The view fitted to the role's drawing, self-loops included (`roleBounds`), never zoomed in past 1.
  const flowStore = useStoreApi();
  const fitRole = useCallback((): void => {
    const { width, height } = flowStore.getState();
    const bounds = roleBounds(flow.getNodes() as RoleStateNode[], flow.getEdges() as RoleTransitionEdge[]);
    if (!bounds || !width || !height) return;
    void flow.setViewport(getViewportForBounds(bounds, width, height, 0.1, 1, 0.15), { duration: 0 });
  }, [flow, flowStore]);

  const autoLayout = useCallback(
    async (silent: boolean) => {
      const current = store.getState().design.roles[role];
      if (!current || current.states.length === 0) return;
      const placed = await layeredLayout(layoutInput(current), () => NODE_SIZE);
      if (store.getState().design.roles[role]?.name !== current.name) return;
      store.getState().apply({ type: 'moveStates', role: current.name, positions: placed }, silent ? { silent: true } : {});
      // Settles once the view is fitted to the new places (a hidden canvas is shown only then).
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          fitRole();
          resolve();
        }),
      );
    },
    [store, role, fitRole],
  );
  useEffect(() => {
    // Braces: a returned function would become the effect's cleanup and lay the role out on unmount.
    onLayout?.(() => void autoLayout(false));
  }, [onLayout, autoLayout]);
  // A role that arrives without positions (every example, a file written by hand) is laid out once,
  // not as an undo step, and stays hidden until then: no flash of states stacked in a corner (opacity, not visibility: React Flow sets each measured node visible).
  const [placing, setPlacing] = useState(() => unplaced(store.getState().design, role));
  useEffect(() => {
    const current = store.getState().design.roles[role];
    if (!current) return;
    const frame = requestAnimationFrame(() => {
      if (unplaced(store.getState().design, role)) void autoLayout(true).finally(() => setPlacing(false));
      else {
        setPlacing(false);
        fitRole();
      }
    });
    return () => cancelAnimationFrame(frame);
    // Once per role shown (a rename keeps its positions).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, store]);

  // Every state stays in view when the lane changes size (a role added or removed resizes every
  // lane) or a state is added: the view is fitted again, but only when some state is out of it,
  // so a view the user zoomed or panned with everything in sight is left alone.
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const stateCount = r?.states.length ?? 0;
  useEffect(() => {
    if (!paneWidth || !paneHeight || stateCount === 0) return;
    const frame = requestAnimationFrame(() => {
      const { x, y, zoom } = flow.getViewport();
      const left = -x / zoom;
      const top = -y / zoom;
      const right = left + paneWidth / zoom;
      const bottom = top + paneHeight / zoom;
      const drawn = roleBounds(flow.getNodes() as RoleStateNode[], flow.getEdges() as RoleTransitionEdge[]);
      const outside = drawn !== null && (drawn.x < left || drawn.y < top || drawn.x + drawn.width > right || drawn.y + drawn.height > bottom);
      if (outside) fitRole();
    });
    return () => cancelAnimationFrame(frame);
  }, [paneWidth, paneHeight, stateCount, flow, fitRole]);

  // Read through a ref: the handler stays the same object during a drag (a new one would be a
  // new prop of React Flow, its store updated and every state redrawn at each step).
  const draggingNow = useRef(dragging);
  useEffect(() => {
    draggingNow.current = dragging;
  }, [dragging]);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const dragging = draggingNow.current;
      const moved = new Map(dragging);
      let done = false;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) shown.current.sizes.set(c.id, c.dimensions);
        if (c.type === 'position' && c.position) moved.set(c.id, c.position);
        if (c.type === 'position' && c.dragging === false) done = true;
        if (c.type === 'select' && c.selected) select({ role, states: [c.id], transitions: [] });
      }
      if (done) {
        if (moved.size) apply({ type: 'moveStates', role: name, positions: Object.fromEntries([...moved].map(([k, p]) => [k, { x: Math.round(p.x), y: Math.round(p.y) }])) });
        draggingNow.current = new Map();
        setDragging(draggingNow.current);
      } else if (moved.size !== dragging.size || changes.some((c) => c.type === 'position' && c.position)) {
        draggingNow.current = moved;
        setDragging(moved);
      }
    },
    [apply, select, role, name],
  );
  const onNodeClick = useCallback((_: unknown, n: RoleStateNode) => select({ role, states: [n.data.name], transitions: [] }), [select, role]);
  const onPaneClick = useCallback(() => {
    if (mine) select({ role, states: [], transitions: [] });
  }, [mine, select, role]);

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !r) return;
      // A new transition receives the first message kind sent to this role, else takes its first event.
      const incoming = store.getState().design.messages?.find((m) => m.to === r.name);
      const event = r.events?.[0]?.name;
      const t: TransitionJsonV2 = { from: c.source, ...(c.target !== c.source ? { to: c.target } : {}), ...(incoming ? { receive: incoming.name } : { event: event ?? 'Step' }) };
      const edits: DesignEditV2[] = [{ type: 'insert', path: `/roles/${role}/transitions`, value: t }];
      if (!incoming && !event) edits.unshift({ type: 'insert', path: `/roles/${role}/events`, value: { name: 'Step', source: 'internal' } });
      apply({ type: 'batch', edits });
      select({ role, states: [], transitions: [r.transitions.length] });
    },
    [readOnly, r, store, apply, select, role],
  );

  const onTransitionClick = useCallback(
    (index: number) => {
      if (onRunClick) onRunClick(name, index);
      else select({ role, states: [], transitions: [index] });
    },
    [onRunClick, name, select, role],
  );

  if (!r) return null;
  return (
    <TransitionClick.Provider value={onTransitionClick}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        aria-label={`Canvas of role ${r.name}`}
        aria-busy={placing || undefined}
        style={placing ? { opacity: 0, pointerEvents: 'none' } : undefined}
      >
        <Background gap={24} size={1} />
      </ReactFlow>
    </TransitionClick.Provider>
  );
}

/** Whether the role has states and none of them a saved position (it is laid out when first shown). */
function unplaced(design: DesignV2, role: number): boolean {
  const current = design.roles[role];
  if (!current || current.states.length === 0) return false;
  const saved = roleLayout(design, current.name);
  return current.states.every((s) => !saved[s.name]);
}
