import { describe, expect, it } from 'vitest';
import type { RoleJson } from '../../../model/v2/schema';
import { keepUnchanged, toRoleEdges, toRoleNodes, type RoleErrorCounts } from './roleElements';

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
