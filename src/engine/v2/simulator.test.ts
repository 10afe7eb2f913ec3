import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationStore } from './configurationStore';
import { exploreV2 } from './explorer';
import { Packing } from './packing';
import { SimulationV2 } from './simulator';
import { StepRules } from './stepRules';
import { loadExampleV2 } from './testDesigns';

/** Every configuration the explorer can reach, packed (a test helper: the explorer keeps no public set). */
function reachable(file: string): { packing: Packing; store: ConfigurationStore } {
  const model = loadExampleV2(file);
  const rules = new StepRules(model);
  const packing = new Packing(model);
  const store = new ConfigurationStore(packing.words);
  const key = new Int32Array(packing.words);
  packing.pack(model.initial, key, 0);
  store.add(key, 0);
  const cur = new Float64Array(model.size);
  for (let i = 0; i < store.count; i++) {
    packing.unpack(store.records, i * packing.words, cur);
    rules.forEachStep(cur, (_, next) => {
      if (next) {
        packing.pack(next, key, 0);
        store.add(key, 0);
      }
    });
  }
  return { packing, store };
}

describe('the version-2 simulator', () => {
  it('walks only through configurations the explorer stores, and the explorer stores every one a walk can reach', () => {
    const file = 'two-phase-commit-fixed.protocol.json';
    const model = loadExampleV2(file);
    const { packing, store } = reachable(file);
    expect(store.count).toBe(exploreV2(model).states);
    const key = new Int32Array(packing.words);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        const sim = new SimulationV2(model);
        for (const c of choices) {
          const enabled = sim.enabled();
          if (enabled.length === 0) break;
          sim.take(c % enabled.length);
          packing.pack(sim.current, key, 0);
          const before = store.count;
          store.add(key, 0);
          expect(store.count).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('labels name the instance, and undo steps back', () => {
    const sim = new SimulationV2(loadExampleV2('tla-two-phase.protocol.json'));
    const labels = sim.enabled().map((s) => s.label);
    expect(labels).toEqual(['TM Abort', 'RM[1] Prepare', 'RM[1] ChooseToAbort', 'RM[2] Prepare', 'RM[2] ChooseToAbort', 'RM[3] Prepare', 'RM[3] ChooseToAbort']);
    expect(sim.take(1)).toBe(true);
    expect(sim.enabled().map((s) => s.label)).toContain('TM receive Prepared from RM[1]');
    expect(sim.view().network).toEqual(['Prepared RM[1]→TM']);
    expect(sim.undo()).toBe(true);
    expect(sim.view().network).toEqual([]);
  });

  it('a crash names the instance and restores its last durable state; a restart takes $restart', () => {
    const sim = new SimulationV2(loadExampleV2('two-phase-commit-broken.protocol.json'));
    const take = (label: string) => {
      const i = sim.enabled().findIndex((s) => s.label === label);
      expect(i, `${label} in ${sim.enabled().map((s) => s.label).join(', ')}`).toBeGreaterThanOrEqual(0);
      sim.take(i);
    };
    for (const l of ['RM[1] Vote(value=yes)', 'RM[2] Vote(value=yes)', 'TM receive Vote(value=yes) from RM[1]', 'TM receive Vote(value=yes) from RM[2]', 'TM Decide']) take(l);
    expect(sim.view().instances[0]).toMatchObject({ name: 'TM', state: 'committing' });
    take('crash TM');
    expect(sim.view().instances[0]).toMatchObject({ state: 'collecting', recovering: true, vars: { yes: { 'RM[1]': false, 'RM[2]': false } } });
    expect(sim.enabled().map((s) => s.label)).toContain('restart TM (presume-abort)');
    take('restart TM (presume-abort)');
    expect(sim.view().instances[0]).toMatchObject({ state: 'aborted', recovering: false });
    expect(sim.view().used.crashes).toBe(1);
    expect(sim.enabled().some((s) => s.label.startsWith('crash'))).toBe(false);
  });
});
