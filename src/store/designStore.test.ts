import { describe, expect, it } from 'vitest';
import { emptyDesign } from './designEdits';
import { createDesignStore } from './designStore';
import { HISTORY_LIMIT } from './history';

function storeWithTwoStates() {
  const store = createDesignStore(emptyDesign());
  const { apply } = store.getState();
  apply({ type: 'addState', state: { name: 'A', initial: true }, position: { x: 0, y: 0 } });
  apply({ type: 'addState', state: { name: 'B' }, position: { x: 100, y: 0 } });
  return store;
}

describe('the design store history', () => {
  it('undoes and redoes create, rename, move and delete in order', () => {
    const store = storeWithTwoStates();
    const s = () => store.getState();
    s().apply({ type: 'addTransition', transition: { from: 'A', event: 'Go', to: 'B' } });
    s().apply({ type: 'updateState', index: 1, patch: { name: 'Done' } });
    s().apply({ type: 'moveStates', positions: { A: { x: 50, y: 50 } } });
    s().select({ states: ['Done'], transitions: [] });
    s().deleteSelection();
    expect(s().design.states.map((x) => x.name)).toEqual(['A']);
    expect(s().design.transitions).toEqual([]);

    expect(s().undo()).toBe(true); // delete: the state and its transition come back together
    expect(s().design.states.map((x) => x.name)).toEqual(['A', 'Done']);
    expect(s().design.transitions).toHaveLength(1);
    s().undo(); // move
    expect(s().design.layout?.['A']).toEqual({ x: 0, y: 0 });
    s().undo(); // rename
    expect(s().design.transitions[0]?.to).toBe('B');
    s().redo();
    s().redo();
    expect(s().design.layout?.['A']).toEqual({ x: 50, y: 50 });
    expect(s().design.states[1]?.name).toBe('Done');
    s().redo();
    expect(s().design.states).toHaveLength(1);
    expect(s().redo()).toBe(false);
  });

  it('makes one undo step of edits sharing a merge key (one drag)', () => {
    const store = storeWithTwoStates();
    for (let x = 1; x <= 10; x++) store.getState().apply({ type: 'moveStates', positions: { A: { x, y: 0 } } }, { merge: 'drag-1' });
    expect(store.getState().design.layout?.['A']).toEqual({ x: 10, y: 0 });
    store.getState().undo();
    expect(store.getState().design.layout?.['A']).toEqual({ x: 0, y: 0 });
  });

  it('starts a new step after breakMerge even with the same key', () => {
    const store = storeWithTwoStates();
    const s = () => store.getState();
    s().apply({ type: 'setMeta', description: 'a' }, { merge: 'description' });
    s().breakMerge();
    s().apply({ type: 'setMeta', description: 'ab' }, { merge: 'description' });
    s().undo();
    expect(s().design.description).toBe('a');
  });

  it('keeps silent edits out of the history', () => {
    const store = storeWithTwoStates();
    const before = store.getState().history.past.length;
    store.getState().apply({ type: 'setLayout', layout: { A: { x: 1, y: 1 } } }, { silent: true });
    expect(store.getState().history.past.length).toBe(before);
  });

  it('records nothing for an edit that changes nothing', () => {
    const store = storeWithTwoStates();
    const before = store.getState().history;
    store.getState().apply({ type: 'updateState', index: 9, patch: { name: 'X' } });
    expect(store.getState().history).toBe(before);
  });

  it('bounds the history', () => {
    const store = createDesignStore(emptyDesign());
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().apply({ type: 'setMeta', description: String(i) });
    expect(store.getState().history.past.length).toBe(HISTORY_LIMIT);
  });

  it('pastes copied states as one undoable step and selects them', () => {
    const store = storeWithTwoStates();
    const s = () => store.getState();
    s().apply({ type: 'addTransition', transition: { from: 'A', event: 'Go', to: 'B' } });
    s().select({ states: ['A', 'B'], transitions: [] });
    expect(s().copy()).toBe(true);
    expect(s().paste()).toBe(true);
    expect(s().selection.states).toEqual(['A_2', 'B_2']);
    expect(s().design.transitions).toHaveLength(2);
    s().undo();
    expect(s().design.states).toHaveLength(2);
  });

  it('leaves selection out of the history', () => {
    const store = storeWithTwoStates();
    const before = store.getState().history;
    store.getState().select({ states: ['A'], transitions: [] });
    expect(store.getState().history).toBe(before);
  });
});
