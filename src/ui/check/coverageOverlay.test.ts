import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/schema';
import type { CheckResult } from '../../engine/result';
import { dimmedOf } from './coverageOverlay';

const design = {
  transitions: [
    { from: 'A', event: 'E', to: 'B' },
    { id: 'back', from: 'B', event: 'E', to: 'A' },
    { from: 'B', event: 'F', to: 'C' },
  ],
} as unknown as Design;

const result = (states: string[], transitions: string[]): Pick<CheckResult, 'coverage'> => ({
  coverage: { states: { reached: [], unreached: states }, transitions: { reached: [], unreached: transitions } },
});

describe('dimmedOf', () => {
  it('dims unreached states by name and transitions by id or #k index', () => {
    expect(dimmedOf(result(['C'], ['back', '#2']), design)).toEqual({ dimmedStates: ['C'], dimmedTransitions: [1, 2] });
  });

  it('ignores names the design no longer has', () => {
    expect(dimmedOf(result([], ['gone', '#9']), design).dimmedTransitions).toEqual([]);
  });
});
