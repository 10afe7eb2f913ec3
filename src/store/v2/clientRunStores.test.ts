import { describe, expect, it } from 'vitest';
import { startRun, take } from '../../engine/run';
import { readExampleV2 } from '../../engine/v2/testDesigns';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import { clientRoleOverlay } from './clientRunStores';

function lowered(edit: (d: ReturnType<typeof readExampleV2>) => void = () => {}) {
  const design = readExampleV2('lease-service-retries-broken.protocol.json');
  edit(design);
  const loaded = loadAnyDesignValueV2(design);
  if (!loaded.ok || loaded.kind !== 'clients') throw new Error('not a design with clients');
  return loaded.model;
}
const coverage = (states: string[], transitions: string[]) => ({ coverage: { states: { reached: [], unreached: states }, transitions: { reached: [], unreached: transitions } } });

describe('the overlay of a design with clients on its role\'s canvas', () => {
  it('puts the role\'s one instance in its state, marks the last transition and the enabled ones', () => {
    let run = startRun(lowered());
    expect([...clientRoleOverlay(run, 'LockService', null).instancesIn]).toEqual([['free', ['LockService']]]);
    run = take(run, 'send Acquire#1').run;
    const sent = clientRoleOverlay(run, 'LockService', null);
    expect(sent.lastTransition).toBeUndefined();
    expect([...sent.enabledTransitions]).toEqual([0]);
    run = take(run, 'deliver Acquire#1').run;
    const granted = clientRoleOverlay(run, 'LockService', null);
    expect([...granted.instancesIn]).toEqual([['held', ['LockService']]]);
    expect(granted.lastTransition).toBe(0);
  });

  it('dims what a check never reached: states by name, transitions by id or by the Role#k the lowering gives one without', () => {
    const model = lowered((d) => delete d.roles[0]!.transitions[1]!.id);
    const o = clientRoleOverlay(startRun(model), 'LockService', coverage(['held'], ['LockService#1']));
    expect(o.dimmedStates).toEqual(['held']);
    expect(o.dimmedTransitions).toEqual([1]);
    expect(clientRoleOverlay(startRun(lowered()), 'LockService', coverage([], ['grant'])).dimmedTransitions).toEqual([0]);
  });
});
