import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { useStore } from 'zustand';
import { RESTART_EVENT } from '../../model/schema';
import { nextName, type DesignEdit, type Point } from '../../store/designEdits';
import { useEditorStores } from '../../store/editorContext';
import { useDesign, useDesignState } from '../../store/useDesign';
import { CanvasLegend } from './CanvasLegend';
import { LayoutBusyIndicator } from './LayoutBusyIndicator';
import { labelSize } from './elkLayout';
import { roomForLabel } from './labelRoom';
import { EdgeLabelLayer } from './edgeLabelLayer';
import { placeEdges, UNMEASURED } from './edgePlacement';
import { EventPrompt } from './EventPrompt';
import { toEdges, toNodes, type StateFlowNode, type TransitionFlowEdge } from './flowElements';
import { StateNode } from './StateNode';
import { TransitionEdge } from './TransitionEdge';
import { useLayoutOnArrival } from './useLayoutOnArrival';
import { FAR_ZOOM, useZoomClass } from './useZoomClass';

const nodeTypes = { state: StateNode };
const edgeTypes = { transition: TransitionEdge };
const fitViewOptions = { padding: 0.15, maxZoom: 1.25 };

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

/**
 * The design as a graph: states and transitions, drawn and edited with mouse and keyboard. Needs
 * a `ReactFlowProvider` above it (the shell's, so toolbar commands can reach the viewport).
 */
export function DesignCanvas({ readOnly, documentKey }: { readOnly: boolean; documentKey: string | null }) {
  const { designs, overlay: overlayStore } = useEditorStores();
  const design = useDesign();
  const selection = useDesignState((s) => s.selection);
  const overlay = useStore(overlayStore);
  const flow = useReactFlow();
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point>>(new Map());
  const [measured, setMeasured] = useState<Sizes>(new Map());
  const pending = useDesignState((s) => s.transitionPrompt);
  const setPending = useDesignState((s) => s.setTransitionPrompt);
  const gesture = useRef(0);
  const container = useRef<HTMLDivElement>(null);
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  useZoomClass(container);
  // Zoomed in, only what is in view is mounted (a tenth of the graph: far fewer store subscribers
  // and paint chunks per frame). Zoomed out, nodes cross the view's border on every pan frame and
  // React Flow would re-render its whole node and edge lists each time, so everything stays.
  const near = useFlowStore((s) => s.transform[2] >= FAR_ZOOM);
  useLayoutEffect(
    () =>
      setLabelLayer(container.current?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null),
    [],
  );

  const nodes = useMemo(
    () => toNodes(design, selection, overlay, dragging, measured, readOnly),
    [design, selection, overlay, dragging, measured, readOnly],
  );
  const placed = useRef<ReadonlyMap<string, TransitionFlowEdge>>(new Map());
  const edges = useMemo(() => {
    const boxes = new Map(nodes.map((n) => [n.id, { ...n.position, ...(measured.get(n.id) ?? UNMEASURED) }]));
    return placeEdges(toEdges(design, selection, overlay), boxes, placed.current);
  }, [nodes, measured, design, selection, overlay]);
  useEffect(() => {
    placed.current = new Map(edges.map((e) => [e.id, e]));
  }, [edges]);
  const nameOf = useMemo(() => new Map(nodes.map((n) => [n.id, n.data.name])), [nodes]);

  useLayoutOnArrival(documentKey);
  useEffect(() => {
    // A resized window shows the whole design again (after the size settles).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void flow.fitView(fitViewOptions), 150);
    };
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, [flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      const sizes = new Map<string, { width: number; height: number }>();
      const moving = new Map<string, Point>();
      const done: Record<string, Point> = {};
      let selected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
        else if (c.type === 'position') {
          const name = nameOf.get(c.id);
          if (name === undefined || readOnly) continue;
          if (c.dragging && c.position) moving.set(c.id, c.position);
          else {
            const p = c.position ?? dragging.get(c.id);
            if (p) done[name] = { x: Math.round(p.x), y: Math.round(p.y) };
          }
        } else if (c.type === 'select') {
          selected ??= new Set(designs.getState().selection.states);
          const name = nameOf.get(c.id);
          if (name === undefined) continue;
          if (c.selected) selected.add(name);
          else selected.delete(name);
        }
      }
      if (sizes.size) setMeasured((m) => (changedSizes(m, sizes) ? new Map([...m, ...sizes]) : m));
      if (moving.size) setDragging((d) => new Map([...d, ...moving]));
      if (Object.keys(done).length) {
        // One drag is one undo step: every position of the gesture merges into one edit.
        designs
          .getState()
          .apply({ type: 'moveStates', positions: done }, { merge: `move:${gesture.current}` });
        setDragging(new Map());
      }
      if (selected) designs.getState().select({ ...designs.getState().selection, states: [...selected] });
    },
    [designs, nameOf, dragging, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionFlowEdge>[]) => {
      let selected: Set<number> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        selected ??= new Set(designs.getState().selection.transitions);
        const index = Number(c.id.slice(1));
        if (c.selected) selected.add(index);
        else selected.delete(index);
      }
      if (selected)
        designs.getState().select({ ...designs.getState().selection, transitions: [...selected] });
    },
    [designs],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = state.fromNode ? nameOf.get(state.fromNode.id) : undefined;
      if (from === undefined || readOnly) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const under = point
        ? document
            .elementFromPoint(point.clientX, point.clientY)
            ?.closest('.react-flow__node')
            ?.getAttribute('data-id')
        : null;
      const to = nameOf.get(state.toNode?.id ?? under ?? '');
      if (to !== undefined) setPending({ from, to });
    },
    [nameOf, readOnly, setPending],
  );

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      if (readOnly || !(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane'))
        return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const { design: d, apply, select } = designs.getState();
      const name = nextName(
        'State',
        d.states.map((s) => s.name),
      );
      apply({
        type: 'addState',
        state: d.states.length === 0 ? { name, initial: true } : { name },
        position: { x: Math.round(p.x - 60), y: Math.round(p.y - 24) },
      });
      select({ states: [name], transitions: [] });
    },
    [designs, flow, readOnly],
  );

  const chooseEvent = (event: string, from: string, to: string) => {
    if (!pending) return;
    const { design: d, apply, select } = designs.getState();
    const edits: DesignEdit[] = [];
    if (event !== RESTART_EVENT && !d.events.some((e) => e.name === event))
      edits.push({ type: 'addEvent', item: { name: event, source: 'client' } });
    edits.push({ type: 'addTransition', transition: { from, event, to } });
    // States placed close together: the target moves just enough for the new label to fit between them.
    const box = (name: string) => {
      const n = flow.getInternalNode(name);
      return n ? { ...n.position, width: n.measured.width ?? 140, height: n.measured.height ?? 56 } : null;
    };
    const [a, b] = [box(from), box(to)];
    const moved = from !== to && a && b ? roomForLabel(a, b, labelSize({ from, event, to }, d.events.find((e) => e.name === event))) : null;
    if (moved) edits.push({ type: 'moveStates', positions: { [to]: moved } });
    apply({ type: 'batch', edits });
    select({ states: [], transitions: [d.transitions.length] });
    setPending(null);
  };

  return (
    <div className="canvas" ref={container} onDoubleClick={onDoubleClick} aria-label="Design canvas">
      <EdgeLabelLayer value={labelLayer}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={() => {
            gesture.current++;
          }}
          onConnectEnd={onConnectEnd}
        // Loose: the one source handle also ends edges, so a state needs no target handle (300
        // fewer store subscribers and elements); the edge shape comes from placeEdges anyway.
        connectionMode={ConnectionMode.Loose}
          nodesConnectable={!readOnly}
          nodesDraggable={!readOnly}
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={0.1}
          maxZoom={2.5}
          fitView
          fitViewOptions={fitViewOptions}
          colorMode="system"
          onlyRenderVisibleElements={near}
        proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <CanvasLegend />
          <LayoutBusyIndicator />
          <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={0} nodeBorderRadius={3} />
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </EdgeLabelLayer>
      {pending && (
        <EventPrompt
          pending={pending}
          events={design.events.map((e) => e.name)}
          states={design.states.map((st) => st.name)}
          onChoose={chooseEvent}
          onCancel={() => setPending(null)}
        />
      )}
    </div>
  );
}

function changedSizes(current: Sizes, next: Sizes): boolean {
  for (const [id, s] of next) {
    const c = current.get(id);
    if (!c || c.width !== s.width || c.height !== s.height) return true;
  }
  return false;
}
