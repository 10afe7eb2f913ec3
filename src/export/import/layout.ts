/**
 * A layered layout for imported designs: each state's column is its breadth-first distance from
 * the initial state (unreachable states last), rows in order of discovery. Pure and small; the
 * editor can run its full layout afterwards.
 */
export function layeredLayout(
  states: readonly string[],
  initial: string,
  edges: readonly { readonly from: string; readonly to: string }[],
): Record<string, { x: number; y: number }> {
  const depth = new Map<string, number>([[initial, 0]]);
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const queue = [initial];
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    for (const to of out.get(s) ?? []) {
      if (!depth.has(to)) {
        depth.set(to, depth.get(s)! + 1);
        queue.push(to);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const layout: Record<string, { x: number; y: number }> = {};
  for (const s of states) {
    const column = depth.get(s) ?? last;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    Object.defineProperty(layout, s, {
      value: { x: column * 260, y: row * 140 },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return layout;
}
