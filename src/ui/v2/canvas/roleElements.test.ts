import { describe, expect, it } from 'vitest';
import type { RoleJson } from '../../../model/v2/schema';
import { CROWDED_LOOPS, DETAIL_SHOWN, keepUnchanged, NODE_SIZE, roleBounds, shownDetail, toRoleEdges, toRoleNodes, type RoleErrorCounts } from './roleElements';

const role: RoleJson = {
  name: 'A',
  events: [{ name: 'Step', source: 'internal' }],
  states: [{ name: 'a', initial: true }, { name: 'b' }, { name: 'c' }],
  transitions: [
    { from: 'a', to: 'b', event: 'Step' },
    { from: 'b', to: 'c', event: 'Step' },
  ],
};
const noErrors: RoleErrorCounts = { states: new Map(), transitions: new Map() };
const positions = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 400, y: 0 } };

describe('keepUnchanged', () => {
  it('hands back the same array when nothing changed', () => {
    const first = toRoleNodes(role, positions, new Set(), undefined, noErrors, false);
    const again = toRoleNodes(role, { ...positions }, new Set(), undefined, noErrors, false);
    expect(keepUnchanged(first, again)).toBe(first);
    const edges = toRoleEdges(role, positions, new Set(), undefined, noErrors);
    expect(keepUnchanged(edges, toRoleEdges(role, positions, new Set(), undefined, noErrors))).toBe(edges);
  });

  it('keeps the unchanged elements and takes the changed ones', () => {
    const first = toRoleNodes(role, positions, new Set(), undefined, noErrors, false);
    const moved = toRoleNodes(role, { ...positions, b: { x: 210, y: 5 } }, new Set(['c']), undefined, noErrors, false);
    const kept = keepUnchanged(first, moved);
    expect(kept[0]).toBe(first[0]);
    expect(kept[1]).toBe(moved[1]);
    expect(kept[1]!.position).toEqual({ x: 210, y: 5 });
    expect(kept[2]).toBe(moved[2]);
    expect(kept[2]!.selected).toBe(true);
    // The edges of the moved state change shape; the others keep their objects.
    const edges = toRoleEdges(role, positions, new Set(), undefined, noErrors);
    const after = keepUnchanged(edges, toRoleEdges({ ...role, states: [...role.states, { name: 'd' }] }, positions, new Set(), undefined, noErrors));
    expect(after).toEqual(edges);
    expect(after[0]).toBe(edges[0]);
  });

  it('takes a new element, and drops a removed one', () => {
    const first = toRoleNodes(role, positions, new Set(), undefined, noErrors, false);
    const added = toRoleNodes({ ...role, states: [...role.states, { name: 'd' }] }, positions, new Set(), undefined, noErrors, false);
    const kept = keepUnchanged(first, added);
    expect(kept).toHaveLength(4);
    expect(kept.slice(0, 3)).toEqual(first);
    expect(kept[0]).toBe(first[0]);
    const removed = keepUnchanged(first, first.slice(1).map((n) => ({ ...n })));
    expect(removed.map((n) => n.id)).toEqual(['b', 'c']);
    expect(removed[0]).toBe(first[1]);
  });
});

describe('labels and the states', () => {
  it("an edge that runs past a third state has its label off that state; a self-loop's stands above its state", () => {
    const past: RoleJson = { ...role, transitions: [{ from: 'a', to: 'c', event: 'Step', guard: 'true' }, { from: 'b', event: 'Step' }] };
    const spread = { a: { x: 0, y: 0 }, b: { x: 350, y: 0 }, c: { x: 700, y: 0 } };
    const [ac, loop] = toRoleEdges(past, spread, new Set(), undefined, noErrors);
    const b = { ...spread.b, ...NODE_SIZE };
    // The middle of a to c is on b: the label (a few characters, one line) moves along the line off b.
    const { labelX, labelY } = ac!.data!.shape;
    expect(labelY).toBeCloseTo(NODE_SIZE.height / 2);
    expect(labelX + 30 <= b.x || labelX - 30 >= b.x + b.width).toBe(true);
    expect(labelX - 30).toBeGreaterThanOrEqual(NODE_SIZE.width);
    expect(labelX + 30).toBeLessThanOrEqual(spread.c.x);
    expect(loop!.data!.shape.labelAbove).toBe(true);
    expect(loop!.data!.shape.labelY).toBeLessThan(b.y);
  });
});

describe('a state with many self-loops', () => {
  const busy: RoleJson = { ...role, transitions: [...role.transitions, ...Array.from({ length: 4 }, () => ({ from: 'a', event: 'Step', guard: 'true' }))] };
  const edges = toRoleEdges(busy, positions, new Set(), undefined, noErrors);
  const loops = edges.filter((e) => e.source === e.target);

  it(`shows only their triggers from ${CROWDED_LOOPS} loops on (the detail on selection), the others in full`, () => {
    expect(loops.map((e) => e.data!.crowded)).toEqual([true, true, true, true]);
    expect(edges.filter((e) => e.source !== e.target).map((e) => e.data!.crowded)).toEqual([false, false]);
    const two = toRoleEdges({ ...role, transitions: [...role.transitions, { from: 'a', event: 'Step' }, { from: 'a', event: 'Step' }] }, positions, new Set(), undefined, noErrors);
    expect(two.filter((e) => e.source === e.target).map((e) => e.data!.crowded)).toEqual([false, false]);
  });

  it('are inside the bounds the view is fitted to, with their labels; without loops the bounds are the states', () => {
    const nodes = toRoleNodes(busy, positions, new Set(), undefined, noErrors, false);
    const bounds = roleBounds(nodes, edges)!;
    const highest = Math.min(...loops.map((e) => e.data!.shape.labelY));
    expect(bounds.y).toBeLessThan(highest);
    expect(bounds.y + bounds.height).toBe(NODE_SIZE.height);
    const plain = roleBounds(nodes, toRoleEdges(role, positions, new Set(), undefined, noErrors))!;
    expect(plain).toEqual({ x: 0, y: 0, width: 400 + NODE_SIZE.width, height: NODE_SIZE.height });
    expect(roleBounds([], [])).toBeNull();
  });
});

describe('the detail a label shows', () => {
  const long = `[${'x == 1 && '.repeat(30)}true]`;
  it('is cut on the canvas past DETAIL_SHOWN characters, and whole when the transition is looked at', () => {
    const shown = shownDetail({ detail: long, crowded: false }, false);
    expect(shown).toHaveLength(DETAIL_SHOWN);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shownDetail({ detail: long, crowded: false }, true)).toBe(long);
    expect(shownDetail({ detail: '[a > 0]', crowded: false }, false)).toBe('[a > 0]');
  });
  it('is none on a crowded self-loop until it is looked at', () => {
    expect(shownDetail({ detail: '[a > 0]', crowded: true }, false)).toBe('');
    expect(shownDetail({ detail: '[a > 0]', crowded: true }, true)).toBe('[a > 0]');
  });
});
