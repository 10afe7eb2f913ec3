import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import { traceRowsV2 } from '../../engine/v2/traceTable';
import { modelOfV2, twoStarts as design } from '../../engine/v2/testDesigns';
import { initialDescriber } from '../../engine/v2/initialChoices';
import { createSimulationStoreV2 } from './runSimulation';
import * as R from './runValue';

const model = modelOfV2(design);

describe('several initial configurations in Simulate', () => {
  it('the check says which initial configuration each trace starts from', () => {
    expect(model.initials.length).toBe(2);
    const r = exploreV2(model);
    expect(r.verdict).toBe('violation');
    const v = r.violations[0]!;
    expect(v.trace.map((t) => t.label)).toEqual(['Counter[2] Bump']);
    expect(v.start).toBe(1);
    expect(v.initial?.instances.map((i) => i.vars['n'])).toEqual([0, 2]);
    expect(traceRowsV2(model, v, v.initial!).rows[0]!.slice(0, 4)).toEqual(['0', '(initial 2 of 2)', 'on n=0', 'on n=2']);
  });

  it('Replay starts from it and reaches the violation; from the first it would not', () => {
    const v = exploreV2(model).violations[0]!;
    const labels = v.trace.map((t) => t.label);
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc', false);
    store.getState().loadAtStart(labels, v.start);
    let run = R.jumpV2(store.getState().run!, labels.length);
    expect(run.start).toBe(1);
    expect(R.currentPointV2(run).violations.map((x) => x.name)).toEqual(['under three']);
    run = R.jumpV2(R.replayV2(R.startRunV2(model), labels).run, labels.length);
    expect(R.currentPointV2(run).violations).toEqual([]);
  });

  it('a chosen start is where the run, Reset and an edit of the same document begin', () => {
    const store = createSimulationStoreV2();
    store.getState().open(model, 'doc', false);
    expect(store.getState().run!.start).toBe(0);
    store.getState().startFrom(1);
    store.getState().take('Counter[2] Bump');
    store.getState().reset();
    expect(store.getState().run!.start).toBe(1);
    expect([...store.getState().run!.points[0]!.vector]).toEqual([...model.initials[1]!]);
    // The same document after an edit keeps its start; another document starts from the first.
    store.getState().open(modelOfV2(design), 'doc-2', true);
    expect(store.getState().run!.start).toBe(1);
    store.getState().open(modelOfV2(design), 'other', false);
    expect(store.getState().run!.start).toBe(0);
    // Out of range (the design lost that configuration): the first.
    expect(R.startRunV2(model, 5).start).toBe(0);
  });

  it('each initial configuration is told by what sets it apart', () => {
    const describe = initialDescriber(model);
    expect(describe(0)).toBe('Counter[2].n = 0');
    expect(describe(1)).toBe('Counter[2].n = 2');
    expect(initialDescriber(modelOfV2({ ...design, initially: undefined, roles: [{ ...design.roles[0]!, vars: [{ name: 'n', type: { int: [0, 3] }, initial: 0 }] }] }))(0)).toBe('the only initial configuration');
  });
});
