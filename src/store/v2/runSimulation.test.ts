import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { loadExampleV2 } from '../../engine/v2/testDesigns';
import { composeRoleOverlay, coverageByRole } from './roleOverlay';
import { createSimulationStoreV2 } from './runSimulation';
import { runSequenceV2 } from './runSequence';
import * as R from './runValue';
import { runViewV2, stepsInOrderV2 } from './runView';
import { takeAllV2 } from './testRuns';

// The broken 2PC with one drop allowed (a message loss and a crash in one run); a lost message
// leaves participants waiting forever, so the deadlock check is off to find the real bug.
const model = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
  d.environment!.network!.drop = 1;
  d.environment!.checks = { deadlock: false };
});

const takeAll = takeAllV2;

describe('the version-2 run value', () => {
  it('takes, undoes, redoes and forks like version 1', () => {
    let run = takeAll(R.startRunV2(model), ['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)']);
    expect(R.runLengthV2(run)).toBe(2);
    run = R.undoV2(run);
    expect(run.cursor).toBe(1);
    expect(R.redoV2(run).cursor).toBe(2);
    // Taking another step behind the end forks: the later row is dropped.
    run = takeAll(run, ['RM[2] Vote(value=no)']);
    expect(R.runLabelsV2(run)).toEqual(['RM[1] Vote(value=yes)', 'RM[2] Vote(value=no)']);
    expect(R.takeV2(run, 'TM Decide').ok).toBe(false);
  });

  it('shows memory beside the persisted record, and a crash keeps only the record', () => {
    let run = takeAll(R.startRunV2(model), ['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)', 'TM receive Vote(value=yes) from RM[1]', 'TM receive Vote(value=yes) from RM[2]', 'TM Decide']);
    let tm = runViewV2(run).instances[0]!;
    expect(tm.state).toBe('committing');
    expect(tm.persisted.state).toBe('collecting');
    expect(tm.memory.find((v) => v.name === 'yes')!.value).toBe('RM[1]=true, RM[2]=true');
    run = takeAll(run, ['crash TM']);
    tm = runViewV2(run).instances[0]!;
    expect(tm.up).toBe(false);
    expect(tm.state).toBe('collecting');
    expect(tm.memory.find((v) => v.name === 'yes')!.value).toBe('RM[1]=false, RM[2]=false');
    expect(runViewV2(run).budgets).toContainEqual({ name: 'crashes', used: 1, max: 1 });
    expect(runViewV2(run).steps.map((s) => s.label)).toContain('restart TM (presume-abort)');
  });

  it("shows each instance's own crashes where its role limits them, and offers crash only where allowed", () => {
    const limited = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment = { ...d.environment, crashes: 2 };
      d.roles.find((r) => r.name === 'TM')!.crashes = 0;
      d.roles.find((r) => r.name === 'RM')!.crashes = 1;
    });
    const crashes = (run: R.RunV2) => runViewV2(run).steps.filter((s) => s.kind === 'crash').map((s) => s.label);
    let run = R.startRunV2(limited);
    expect(crashes(run)).toEqual(['crash RM[1]', 'crash RM[2]']);
    run = takeAll(run, ['crash RM[1]', 'restart RM[1]']);
    expect(crashes(run)).toEqual(['crash RM[2]']);
    expect(runViewV2(run).budgets).toEqual([
      { name: 'crashes', used: 1, max: 2 },
      { name: 'RM[1] crashes', used: 1, max: 1 },
      { name: 'RM[2] crashes', used: 0, max: 1 },
    ]);
    expect(runViewV2(R.startRunV2(model)).budgets.map((b) => b.name)).toEqual(['crashes', 'drops']);
  });

  it('groups steps by actor and instance in a stable order for the digit keys', () => {
    const run = takeAll(R.startRunV2(model), ['RM[1] Vote(value=yes)']);
    const view = runViewV2(run);
    const order = stepsInOrderV2(view, model.instances.map((i) => i.name));
    expect(order.map((s) => `${s.actor} ${s.label}`)).toEqual([
      'instance TM receive Vote(value=yes) from RM[1]',
      'instance RM[2] Vote(value=yes)',
      'instance RM[2] Vote(value=no)',
      'network drop Vote(value=yes) RM[1]→TM',
      'fault crash TM',
      'fault crash RM[1]',
      'fault crash RM[2]',
    ]);
    expect(view.network).toEqual([expect.objectContaining({ text: 'Vote(value=yes)', from: 1, to: 0, position: 1 })]);
  });

  it('follows messages for the sequence diagram: sent, received, dropped, still in flight', () => {
    const run = takeAll(R.startRunV2(model), ['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)', 'drop Vote(value=yes) RM[1]→TM', 'TM receive Vote(value=yes) from RM[2]', 'crash RM[1]']);
    const seq = runSequenceV2(run);
    expect(seq.lifelines).toEqual(['TM', 'RM[1]', 'RM[2]']);
    expect(seq.rows.map((r) => r.kind)).toEqual(['start', 'event', 'event', 'drop', 'receive', 'crash']);
    expect(seq.messages).toEqual([
      { text: 'Vote(value=yes)', from: 1, to: 0, sentRow: 1, duplicate: false, ends: [{ row: 3, how: 'dropped' }] },
      { text: 'Vote(value=yes)', from: 2, to: 0, sentRow: 2, duplicate: false, ends: [{ row: 4, how: 'received' }] },
    ]);
    // Moving the cursor keeps the rows: the diagram is not rebuilt.
    expect(runSequenceV2(R.jumpV2(run, 1))).toBe(seq);
  });

  it('follows pool messages: a message stays in the pool, so each receive of it is one more end', () => {
    const pool = loadExampleV2('tla-two-phase.protocol.json', 2);
    const run = takeAll(R.startRunV2(pool), ['TM Abort', 'RM[1] receive Abort', 'RM[1] receive Abort']);
    const seq = runSequenceV2(run);
    expect(seq.messages.map((m) => [m.text, m.from, m.to, m.sentRow, m.ends.map((e) => e.row)])).toEqual([
      ['Abort', 0, 1, 1, [2, 3]],
      ['Abort', 0, 2, 1, []],
    ]);
    expect(runViewV2(run).networkModel).toBe('pool');
  });

  it('marks a duplicate as a second copy of the message it copies', () => {
    const dup = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment!.network!.duplicate = 1;
    });
    const run = takeAll(R.startRunV2(dup), ['RM[1] Vote(value=yes)', 'duplicate Vote(value=yes) RM[1]→TM', 'TM receive Vote(value=yes) from RM[1]']);
    expect(runSequenceV2(run).messages).toEqual([
      { text: 'Vote(value=yes)', from: 1, to: 0, sentRow: 1, duplicate: false, ends: [{ row: 3, how: 'received' }] },
      { text: 'Vote(value=yes)', from: 1, to: 0, sentRow: 2, duplicate: true, ends: [] },
    ]);
  });

  it('ends the run on a step that violates while computed (a send into a full channel), and replays onto it', () => {
    const full = loadExampleV2('two-phase-commit-broken.protocol.json', undefined, (d) => {
      d.environment!.network!.capacity = 1;
    });
    const labels = ['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)', 'TM receive Vote(value=yes) from RM[1]', 'TM receive Vote(value=yes) from RM[2]', 'TM Decide', 'TM SendCommit(rm=RM[1])', 'crash TM'];
    const before = takeAll(R.startRunV2(full), labels);
    const t = R.takeV2(before, 'restart TM (presume-abort)');
    expect(t.ok).toBe(false);
    expect(R.standingOnRefusedV2(t.run)).not.toBeNull();
    expect(runViewV2(t.run).refused).toEqual({ row: 8, label: 'restart TM (presume-abort)' });
    expect(runViewV2(t.run).violations.map((v) => v.kind)).toEqual(['channel-full']);
    expect(runViewV2(t.run).steps).toEqual([]);
    expect(runSequenceV2(t.run).rows.at(-1)).toMatchObject({ row: 8, kind: 'restart', refused: true, violation: true });
    const replayed = R.replayV2(R.startRunV2(full), [...labels, 'restart TM (presume-abort)']);
    expect(replayed.ok).toBe(true);
    expect(R.runLengthV2(replayed.run)).toBe(8);
    expect(R.undoV2(replayed.run).cursor).toBe(7);
  });

  it('replays a check violation and stops on the false invariant', () => {
    const result = exploreV2(model);
    expect(result.verdict).toBe('violation');
    expect(result.violations.map((v) => v.name)).toEqual(['all or nothing']);
    const labels = result.violations[0]!.trace.map((s) => s.label);
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc\nid', false);
    const replayed = store.getState().loadAtStart(labels)!;
    expect(replayed.ok).toBe(true);
    expect(store.getState().run!.cursor).toBe(0);
    expect(runViewV2(store.getState().run!).invariants).toEqual([{ name: 'all or nothing', scope: 'design', holds: true }]);
    store.getState().jump(labels.length);
    expect(runViewV2(store.getState().run!).violations.map((v) => v.name)).toContain('all or nothing');
    expect(runViewV2(store.getState().run!).invariants).toEqual([{ name: 'all or nothing', scope: 'design', holds: false }]);
  });

  it('takes a random run from a seed: the same seed, the same run, ending at the first violation', () => {
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc\nid', false);
    store.getState().randomRun(7);
    const first = R.runLabelsV2(store.getState().run!);
    store.getState().randomRun(7);
    expect(R.runLabelsV2(store.getState().run!)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    const end = store.getState().run!;
    // It stops where nothing is enabled, on a violation, or after 200 steps.
    expect(R.enabledV2(end).length === 0 || R.currentPointV2(end).violations.length > 0 || R.standingOnRefusedV2(end) !== null || first.length === 200).toBe(true);
  });

  it('walks a happy path: no fault, the protocol commits', () => {
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc\nid', false);
    store.getState().happyPath();
    const run = store.getState().run!;
    expect(R.runLabelsV2(run).some((l) => /^(crash|drop|duplicate|restart)/.test(l))).toBe(false);
    expect(runViewV2(run).instances.map((i) => i.state)).toEqual(['committed', 'committed', 'committed']);
    expect(R.enabledV2(run).filter((s) => s.step.kind !== 'crash' && s.step.kind !== 'drop' && s.step.kind !== 'duplicate')).toEqual([]);
  });

  it('rebuilds the run after an edit of the same document, replaying as far as it applies', () => {
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc\na', false);
    store.getState().take('RM[1] Vote(value=yes)');
    store.getState().take('crash TM');
    const edited = loadExampleV2('two-phase-commit-broken.protocol.json');
    store.getState().open(edited, 'doc\nb', true);
    expect(R.runLabelsV2(store.getState().run!)).toEqual(['RM[1] Vote(value=yes)', 'crash TM']);
    store.getState().open(edited, 'other\nb', false);
    expect(R.runLengthV2(store.getState().run!)).toBe(0);
  });
});

describe('the role overlay', () => {
  it('puts instances on their states, marks the last and enabled transitions', () => {
    const run = takeAll(R.startRunV2(model), ['RM[1] Vote(value=yes)']);
    const roles = composeRoleOverlay(run, null);
    const rm = roles.get('RM')!;
    expect([...rm.instancesIn]).toEqual([['prepared', ['RM[1]']], ['working', ['RM[2]']]]);
    expect(rm.lastTransition).toBe(0);
    expect([...rm.enabledTransitions].sort()).toEqual([0, 1]);
    expect(roles.get('TM')!.lastTransition).toBeUndefined();
    expect([...roles.get('TM')!.enabledTransitions]).toEqual([0]);
  });

  it('dims what a check never reached, per role', () => {
    const marks = coverageByRole(model, ['TM.committed', 'RM.committed'], ['log-decision', 'rm-commit']);
    expect(marks.get('TM')).toEqual({ dimmedStates: ['committed'], dimmedTransitions: [4] });
    expect(marks.get('RM')).toEqual({ dimmedStates: ['committed'], dimmedTransitions: [2] });
  });
});
