import { describe, expect, it } from 'vitest';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { chosenTrace } from './index';
import { sequenceRowsV2 } from './sequenceRows';

describe('sequenceRowsV2', () => {
  it('classifies each step (event, receive, duplicate, drop, crash) and stops at a label not enabled', () => {
    const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, network: { model: 'channels', capacity: 2, drop: 1, duplicate: 1 } };
    });
    expect(model.instances.map((i) => i.name)).toEqual(['TM', 'RM[1]', 'RM[2]']);
    const labels = [
      'RM[1] Vote(value=yes)',
      'RM[2] Vote(value=yes)',
      'TM receive Vote(value=yes) from RM[1]',
      'duplicate Vote(value=yes) RM[2]→TM',
      'drop Vote(value=yes) RM[2]→TM (at 1)',
      'crash RM[1]',
      // RM[1]'s only vote was received: not enabled here, and nothing after it is replayed.
      'TM receive Vote(value=yes) from RM[1]',
      'crash TM',
    ];
    const run = sequenceRowsV2(model, labels);
    expect(run.rows.map(({ from, to, label, kind, fault }) => ({ from, to, label, kind, fault }))).toEqual([
      { from: 1, to: 1, label: labels[0], kind: 'event', fault: false },
      { from: 2, to: 2, label: labels[1], kind: 'event', fault: false },
      { from: 1, to: 0, label: labels[2], kind: 'receive', fault: false },
      { from: 2, to: 0, label: labels[3], kind: 'duplicate', fault: true },
      { from: 2, to: 0, label: labels[4], kind: 'drop', fault: true },
      { from: 1, to: 1, label: labels[5], kind: 'crash', fault: true },
    ]);
    expect(run.end).toEqual({ kind: 'not-enabled', label: 'TM receive Vote(value=yes) from RM[1]' });
    expect(run.initial).toEqual([]);
    expect(run.rows.flatMap((r) => r.violations)).toEqual([]);
  });

  it('ends a trace completed with the state invariant on the step that broke it', () => {
    const model = loadExampleV2('two-phase-commit-broken.protocol.json');
    const trace = chosenTrace(model);
    const run = sequenceRowsV2(model, trace.labels, trace.start);
    expect(run.end).toEqual({ kind: 'completed' });
    expect(run.rows).toHaveLength(trace.labels.length);
    const last = run.rows.at(-1)!;
    expect({ from: last.from, to: last.to, kind: last.kind }).toEqual({ from: 0, to: 2, kind: 'receive' });
    expect(last.violations.map((v) => [v.kind, v.name, v.step])).toEqual([['invariant', trace.violation!.name, false]]);
    expect(run.rows.slice(0, -1).flatMap((r) => r.violations)).toEqual([]);
  });

  it('ends on a step that violates while it is computed, the labels after it not replayed', () => {
    // The coordinator counts yes votes in a var that holds only 0: the first vote it hears is out of range.
    const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      const tm = d.roles[0]!;
      tm.vars = [...(tm.vars ?? []), { name: 'heard', type: { int: [0, 0] }, initial: 0 }];
      tm.transitions[0]!.updates = { ...tm.transitions[0]!.updates, heard: 'heard + 1' };
    });
    const run = sequenceRowsV2(model, ['RM[1] Vote(value=yes)', 'TM receive Vote(value=yes) from RM[1]', 'RM[2] Vote(value=yes)']);
    expect(run.end).toEqual({ kind: 'violated' });
    expect(run.rows.map((r) => [r.from, r.to, r.kind, r.fault])).toEqual([
      [1, 1, 'event', false],
      [1, 0, 'receive', false],
    ]);
    expect(run.rows[1]!.violations.map((v) => [v.kind, v.name, v.step])).toEqual([['out-of-range', 'TM.heard', true]]);
  });
});
