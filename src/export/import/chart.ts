/**
 * A statechart as both importers read it, before it is flattened into a design: nested states
 * (compound, parallel, final, history, choice), transitions declared on any state, eventless
 * transitions (`always`, choices, completion) and `onDone`. Parsers build it; `flatten.ts`
 * gives it the meaning XState and UML give it.
 */

export type NodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history' | 'choice';

export interface GuardRef {
  /** A name to build the placeholder from (`isValid`, `if n < 0`). */
  readonly name: string;
  /** The original text, shown in the placeholder's description. */
  readonly text: string;
}

export interface ChartTransition {
  /** null: an eventless transition (XState `always`, a choice's branch). */
  readonly event: string | null;
  readonly source: 'client' | 'timer' | 'internal' | 'restart';
  readonly afterMs?: number;
  /** Target node ids; empty: a targetless transition (the configuration does not change). */
  readonly targets: readonly string[];
  readonly guard: GuardRef | null;
  readonly line: number;
}

export interface ChartNode {
  /** Unique: the path of keys joined by `.` (the root is `""`). */
  readonly id: string;
  readonly key: string;
  readonly line: number;
  kind: NodeKind;
  parent: ChartNode | null;
  readonly children: ChartNode[];
  /** The id of the child entered by default (compound states). */
  initial: string | null;
  readonly transitions: ChartTransition[];
  /** `onDone`: taken once the state is done (its final child, or every region done). */
  readonly done: ChartTransition[];
  description?: string;
  /** For history nodes: the id entered when there is no history yet. */
  historyTarget?: string | null;
  /** Mermaid `X --> [*]` at the top: the machine may end here. */
  endsHere?: boolean;
}

export interface Chart {
  readonly name: string;
  readonly root: ChartNode;
  readonly nodes: Map<string, ChartNode>;
}

/** A node under `parent`; its id is the path of keys unless the format's ids are global (Mermaid). */
export function newNode(
  parent: ChartNode | null,
  key: string,
  line: number,
  kind: NodeKind = 'atomic',
  globalId?: string,
): ChartNode {
  const id = globalId ?? (parent === null ? '' : parent.id === '' ? key : `${parent.id}.${key}`);
  const node: ChartNode = {
    id,
    key,
    line,
    kind,
    parent,
    children: [],
    initial: null,
    transitions: [],
    done: [],
  };
  parent?.children.push(node);
  return node;
}

/** Every node of the tree, parents before children, in document order. */
export function allNodes(root: ChartNode): ChartNode[] {
  const out: ChartNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export function isAncestor(a: ChartNode, b: ChartNode): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}
