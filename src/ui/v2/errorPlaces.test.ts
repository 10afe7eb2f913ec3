import { describe, expect, it } from 'vitest';
import { examplesV2 } from '../../../examples';
import { countByRole, placeOf } from './errorPlaces';

const design = examplesV2.find((e) => e.slug === 'two-phase-commit-broken')!.design;

describe('an error pointer leads to its role and element', () => {
  it('names the role and the state, transition or part', () => {
    expect(placeOf(design, '/roles/1/states/0/name')).toMatchObject({ role: 1, state: design.roles[1]!.states[0]!.name, panel: 'inspector', where: `Role RM › state ${design.roles[1]!.states[0]!.name}` });
    expect(placeOf(design, '/roles/0/transitions/2/guard')).toMatchObject({ role: 0, transition: 2, panel: 'inspector', where: 'Role TM › transition 3' });
    expect(placeOf(design, '/roles/1/instances')).toMatchObject({ role: 1, panel: 'role', where: 'Role RM › instances' });
    expect(placeOf(design, '/roles/0/vars/1/type')).toMatchObject({ role: 0, panel: 'role', where: 'Role TM › var 2' });
    expect(placeOf(design, '/messages/0/to')).toMatchObject({ panel: 'messages', where: 'Message Vote' });
    expect(placeOf(design, '/environment/network/drop')).toMatchObject({ panel: 'environment' });
    expect(placeOf(design, '/invariants/0/expr')).toMatchObject({ panel: 'design', where: 'Design invariant 1' });
  });

  it('counts errors per role and per element for the canvases', () => {
    const counts = countByRole([
      { path: '/roles/1/states/2/name', code: 'x', message: 'a' },
      { path: '/roles/1/transitions/0/guard', code: 'x', message: 'b' },
      { path: '/roles/1', code: 'x', message: 'c' },
      { path: '/messages/0', code: 'x', message: 'd' },
    ]);
    expect(counts.total.get(1)).toBe(3);
    expect(counts.total.has(0)).toBe(false);
    expect(counts.elements.get(1)?.states.get(2)).toBe(1);
    expect(counts.elements.get(1)?.transitions.get(0)).toBe(1);
  });
});
