import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../model/load';
import { importDesign, guessSource } from '.';

describe('importing a Mermaid state diagram', () => {
  it('reads states, events, initial and final states, and stubs guards', () => {
    const r = importDesign('stateDiagram-v2\n  [*] --> Idle\n  Idle --> Busy : Start [x > 1] / go\n  Busy --> Idle : Done\n  Busy --> [*]\n', 'mermaid');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.design.states).toEqual([{ name: 'Idle', initial: true }, { name: 'Busy', final: true }]);
    expect(r.design.events.map((e) => e.name)).toEqual(['Start', 'Done']);
    expect(r.design.transitions[0]).toMatchObject({ from: 'Idle', event: 'Start', to: 'Busy', guard: 'true' });
    expect(r.design.transitions[0]!.description).toContain('x > 1');
    expect(loadDesignValue(r.design).ok).toBe(true);
    expect(Object.keys(r.design.layout ?? {})).toEqual(['Idle', 'Busy']);
  });

  it('reports unreadable lines with their line numbers', () => {
    const r = importDesign('stateDiagram-v2\n  A --> B\n  A -> B\n', 'mermaid');
    expect(r.ok ? [] : r.errors).toEqual([{ line: 3, message: expect.stringContaining('Cannot read') }]);
  });

  it('turns labels that are not identifiers into identifiers', () => {
    const r = importDesign('stateDiagram-v2\n  [*] --> A\n  A --> class : do it!\n', 'mermaid');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.design.events[0]!.name).toBe('do_it_');
    expect(r.design.states.map((s) => s.name)).toEqual(['A', 'class_']);
  });
});

describe('importing an XState machine', () => {
  const source = `import { createMachine, assign } from 'xstate';
export const m = createMachine({
  id: 'toggle',
  initial: 'inactive',
  context: { count: 0, on: false, label: 'x' },
  states: {
    inactive: { on: { TOGGLE: { target: 'active', guard: 'canToggle', actions: assign({ count: ({ context }) => context.count + 1 }) } } },
    active: {
      on: { TOGGLE: 'inactive', FAIL: { target: '#toggle.broken' } },
      after: { 1000: 'inactive' },
    },
    broken: { type: 'final' }, // trailing comma, comments
  },
});`;

  it('reads states, events, timers and context without running the code', () => {
    expect(guessSource(source)).toBe('xstate');
    const r = importDesign(source, 'xstate');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.design.name).toBe('toggle');
    expect(r.design.states.map((s) => s.name)).toEqual(['inactive', 'active', 'broken']);
    expect(r.design.states[2]).toMatchObject({ final: true });
    expect(r.design.events).toEqual([
      { name: 'TOGGLE', source: 'client' },
      { name: 'FAIL', source: 'client' },
      { name: 'after_1000', source: 'timer', afterMs: 1000 },
    ]);
    expect(r.design.transitions[0]).toMatchObject({ from: 'inactive', to: 'active', guard: 'true' });
    expect(r.design.transitions[0]!.description).toContain('canToggle');
    expect(r.design.vars.map((v) => v.name)).toEqual(['count', 'on']);
    expect(r.warnings.some((w) => w.line === 5)).toBe(true);
  });

  it('reads plain JSON configs', () => {
    const r = importDesign('{"initial":"a","states":{"a":{"on":{"GO":"b"}},"b":{}}}', 'xstate');
    expect(r.ok).toBe(true);
  });

  it('reports an unknown target with its line', () => {
    const r = importDesign('createMachine({\n  initial: "a",\n  states: {\n    a: { on: { GO: "nowhere" } },\n  },\n})', 'xstate');
    expect(r.ok ? [] : r.errors).toEqual([{ line: 4, message: 'Unknown target state "nowhere".' }]);
  });

  it('reports a syntax error with its line', () => {
    const r = importDesign('createMachine({\n  initial: "a",\n  states: {\n    a: { on: { GO: "b" }\n  ,,\n})', 'xstate');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBeGreaterThan(3);
  });
});
