import { describe, expect, it } from 'vitest';
import type { Design } from '../model/schema';
import { applyEdit, copyFragment, emptyDesign, freeName, paste } from './designEdits';

const design: Design = {
  ...emptyDesign('Payment'),
  vars: [{ name: 'charges', type: { int: [0, 3] }, initial: 0 }],
  states: [{ name: 'Idle', initial: true }, { name: 'Charged' }, { name: 'Failed' }],
  events: [{ name: 'Charge', source: 'client' }],
  transitions: [
    { from: 'Idle', event: 'Charge', to: 'Charged', updates: { charges: 'charges + 1' } },
    { from: 'Charged', event: 'Charge', to: 'Charged' },
    { from: 'Idle', event: 'Charge', to: 'Failed' },
  ],
  layout: { Idle: { x: 0, y: 0 }, Charged: { x: 200, y: 0 }, Failed: { x: 0, y: 200 } },
};

describe('applyEdit', () => {
  it('never mutates the design it is given', () => {
    const frozen = structuredClone(design);
    applyEdit(design, { type: 'removeSelection', states: ['Idle'], transitions: [] });
    applyEdit(design, { type: 'updateState', index: 0, patch: { name: 'Start' } });
    expect(design).toEqual(frozen);
  });

  it('adds a state with its position in the layout', () => {
    const next = applyEdit(design, { type: 'addState', state: { name: 'Refunded' }, position: { x: 5, y: 6 } });
    expect(next.states.map((s) => s.name)).toEqual(['Idle', 'Charged', 'Failed', 'Refunded']);
    expect(next.layout?.['Refunded']).toEqual({ x: 5, y: 6 });
  });

  it('renames a state together with its transitions and its layout entry', () => {
    const next = applyEdit(design, { type: 'updateState', index: 0, patch: { name: 'Start' } });
    expect(next.states[0]?.name).toBe('Start');
    expect(next.transitions.map((t) => t.from)).toEqual(['Start', 'Charged', 'Start']);
    expect(next.layout?.['Start']).toEqual({ x: 0, y: 0 });
    expect(next.layout?.['Idle']).toBeUndefined();
  });

  it('renames only the state itself when the new name is taken, so transitions are not merged', () => {
    const next = applyEdit(design, { type: 'updateState', index: 2, patch: { name: 'Charged' } });
    expect(next.transitions[2]?.to).toBe('Failed');
  });

  it('keeps exactly one initial state when another is marked initial', () => {
    const next = applyEdit(design, { type: 'updateState', index: 1, patch: { initial: true } });
    expect(next.states.filter((s) => s.initial).map((s) => s.name)).toEqual(['Charged']);
  });

  it('removes a state together with every transition touching it', () => {
    const next = applyEdit(design, { type: 'removeSelection', states: ['Charged'], transitions: [] });
    expect(next.states.map((s) => s.name)).toEqual(['Idle', 'Failed']);
    expect(next.transitions).toEqual([design.transitions[2]]);
    expect(next.layout?.['Charged']).toBeUndefined();
  });

  it('removes selected transitions by index', () => {
    const next = applyEdit(design, { type: 'removeSelection', states: [], transitions: [0, 2] });
    expect(next.transitions).toEqual([design.transitions[1]]);
  });

  it('drops optional keys patched to undefined', () => {
    const withGuard = applyEdit(design, { type: 'updateTransition', index: 1, patch: { guard: 'charges < 3', ack: 'best-effort' } });
    expect(withGuard.transitions[1]).toMatchObject({ guard: 'charges < 3', ack: 'best-effort' });
    const cleared = applyEdit(withGuard, { type: 'updateTransition', index: 1, patch: { guard: undefined } });
    expect('guard' in cleared.transitions[1]!).toBe(false);
  });

  it('renames a var in the updates that assign it and in the expressions that read it', () => {
    const next = applyEdit(design, { type: 'updateVar', index: 0, patch: { name: 'count' } });
    expect(next.transitions[0]?.updates).toEqual({ count: 'count + 1' });
  });

  it('renames an enum value in place in the var, its initial value and the literals typed by it', () => {
    const modes: Design = {
      ...design,
      vars: [{ name: 'mode', type: { enum: ['slow', 'fast'] }, initial: 'slow' }],
      transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', guard: 'mode == "slow"', updates: { mode: '"fast"' } }],
    };
    const next = applyEdit(modes, { type: 'updateVar', index: 0, patch: { type: { enum: ['calm', 'fast'] } } });
    expect(next.vars[0]).toMatchObject({ type: { enum: ['calm', 'fast'] }, initial: 'calm' });
    expect(next.transitions[0]).toMatchObject({ guard: 'mode == "calm"', updates: { mode: '"fast"' } });
  });

  it('renames a payload field in the transitions on its event', () => {
    const paid: Design = {
      ...design,
      events: [{ name: 'Charge', source: 'client', payload: [{ name: 'amount', type: { int: [1, 2] } }] }],
      transitions: [{ from: 'Idle', event: 'Charge', to: 'Charged', guard: 'event.amount > 1' }],
    };
    const next = applyEdit(paid, { type: 'updateEvent', index: 0, patch: { payload: [{ name: 'cents', type: { int: [1, 2] } }] } });
    expect(next.transitions[0]?.guard).toBe('event.cents > 1');
  });

  it('renames an event in its transitions, and removing it removes them', () => {
    const renamed = applyEdit(design, { type: 'updateEvent', index: 0, patch: { name: 'Pay' } });
    expect(renamed.transitions.every((t) => t.event === 'Pay')).toBe(true);
    const removed = applyEdit(design, { type: 'removeEvent', index: 0 });
    expect(removed.events).toEqual([]);
    expect(removed.transitions).toEqual([]);
  });

  it('moves states by replacing only the layout', () => {
    const next = applyEdit(design, { type: 'moveStates', positions: { Idle: { x: 9, y: 9 } } });
    expect(next.layout?.['Idle']).toEqual({ x: 9, y: 9 });
    expect(next.states).toBe(design.states);
    expect(next.transitions).toBe(design.transitions);
  });

  it('edits the environment and the design name', () => {
    const next = applyEdit(design, { type: 'setEnvironment', environment: { crashes: 1 } });
    expect(next.environment).toEqual({ crashes: 1 });
    expect(applyEdit(next, { type: 'setEnvironment', environment: undefined }).environment).toBeUndefined();
    expect(applyEdit(design, { type: 'setMeta', name: 'Refund' }).name).toBe('Refund');
  });
});

describe('copy and paste', () => {
  it('copies states with only the transitions among them', () => {
    const fragment = copyFragment(design, ['Idle', 'Charged']);
    expect(fragment.states.map((s) => s.name)).toEqual(['Idle', 'Charged']);
    expect(fragment.transitions).toHaveLength(2);
  });

  it('pastes under fresh names, without a second initial state, offset from the originals', () => {
    const fragment = copyFragment(design, ['Idle', 'Charged']);
    const r = paste(design, fragment, { x: 40, y: 40 });
    expect(r.names).toEqual(['Idle_2', 'Charged_2']);
    expect(r.design.states.filter((s) => s.initial)).toHaveLength(1);
    expect(r.design.transitions.slice(3).map((t) => [t.from, t.to])).toEqual([
      ['Idle_2', 'Charged_2'],
      ['Charged_2', 'Charged_2'],
    ]);
    expect(r.design.layout?.['Charged_2']).toEqual({ x: 240, y: 40 });
  });

  it('finds a free name by counting up', () => {
    expect(freeName('A', new Set(['A', 'A_2']))).toBe('A_3');
  });
});
