import { describe, expect, it } from 'vitest';
import { emptyDesignV2 } from './designEditsV2';
import { createDesignStoreV2 } from './designStoreV2';

describe('the version-2 design store', () => {
  it('undoes and redoes edits; typing in one field is one step', () => {
    const store = createDesignStoreV2(emptyDesignV2());
    const { apply } = store.getState();
    apply({ type: 'set', path: '/name', value: 'T' }, { merge: '/name' });
    apply({ type: 'set', path: '/name', value: 'Tw' }, { merge: '/name' });
    apply({ type: 'set', path: '/name', value: 'Two' }, { merge: '/name' });
    apply({ type: 'insert', path: '/roles', value: { name: 'B', states: [{ name: 's', initial: true }], transitions: [] } });
    expect(store.getState().history.past).toHaveLength(2);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().design.roles).toHaveLength(1);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().design.name).toBe('Untitled multi-participant protocol');
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().design.name).toBe('Two');
  });

  it('deletes the selection of one role and drops a selection an undo made stale', () => {
    const store = createDesignStoreV2(emptyDesignV2());
    store.getState().apply({ type: 'insert', path: '/roles/0/states', value: { name: 'done' } });
    store.getState().apply({ type: 'insert', path: '/roles/0/transitions', value: { from: 'idle', event: '$restart', to: 'done' } });
    store.getState().select({ role: 0, states: ['done'], transitions: [] });
    expect(store.getState().deleteSelection()).toBe(true);
    expect(store.getState().design.roles[0]!.states.map((s) => s.name)).toEqual(['idle']);
    expect(store.getState().design.roles[0]!.transitions).toEqual([]);
    store.getState().undo();
    store.getState().select({ role: 0, states: ['done'], transitions: [0] });
    // Back before the transition was added: the state is still there, transition 0 no longer is.
    store.getState().undo();
    expect(store.getState().selection).toEqual({ role: 0, states: ['done'], transitions: [] });
  });

  it('keeps a renamed state selected under its new name', () => {
    const store = createDesignStoreV2(emptyDesignV2());
    store.getState().apply({ type: 'insert', path: '/roles/0/states', value: { name: 's1' } });
    store.getState().select({ role: 0, states: ['s1'], transitions: [] });
    store.getState().apply({ type: 'renameState', role: 0, state: 1, name: 'waiting' });
    expect(store.getState().selection).toEqual({ role: 0, states: ['waiting'], transitions: [] });
    // Onto a taken name it would point at the other state: nothing is selected.
    store.getState().apply({ type: 'renameState', role: 0, state: 1, name: 'idle' });
    expect(store.getState().selection).toEqual({ role: 0, states: [], transitions: [] });
  });
});
