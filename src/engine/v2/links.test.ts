import { describe, expect, it } from 'vitest';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';
import { createExplorationV2, exploreV2 } from './explorer';
import { SimulationV2 } from './simulator';
import { StepRules } from './stepRules';
import type { StepRef } from './stepTypes';
import { loadExampleV2 } from './testDesigns';

/** Per-link network models (docs/format-v2.md §6, "Links"). */

/** An example with another network; deadlocks unchecked (a dropped vote leaves the coordinator waiting: the search would end there). */
function withNetwork(file: string, network: Record<string, unknown>): ModelV2 {
  return loadExampleV2(file, undefined, (d: DesignV2) => {
    d.environment = { ...d.environment, network: network as never, checks: { deadlock: false } };
  });
}

/** Every step from every reachable configuration (small designs only). */
function everyStep(model: ModelV2): StepRef[] {
  const e = createExplorationV2(model);
  while (!e.run(1000));
  const states = e.result().states;
  const rules = new StepRules(model);
  const steps: StepRef[] = [];
  for (let r = 0; r < states; r++)
    rules.forEachStep(e.stored(r).configuration, (step) => steps.push({ ...step }));
  return steps;
}

describe('per-link network models', () => {
  it('every kind linked into the pool is the pool: TwoPhase keeps its 288 configurations and 1,145 transitions', () => {
    const model = withNetwork('tla-two-phase.protocol.json', {
      model: 'channels',
      links: [
        { from: 'RM', to: 'TM', model: 'pool' },
        { from: 'TM', to: 'RM', model: 'pool' },
      ],
    });
    expect(model.network.channels).toHaveLength(0);
    expect(exploreV2(model)).toMatchObject({ verdict: 'ok', states: 288, transitions: 1145, depth: 10 });
  });

  it('a kind on channels next to the pool: its receive consumes it, the pool keeps the others', () => {
    const model = withNetwork('tla-two-phase.protocol.json', {
      model: 'pool',
      links: [{ message: 'Commit', model: 'channels' }],
    });
    const sim = new SimulationV2(model);
    const take = (label: string) => {
      const i = sim.enabled().findIndex((s) => s.label === label);
      expect(
        i,
        `${label} in ${sim
          .enabled()
          .map((s) => s.label)
          .join(', ')}`,
      ).toBeGreaterThanOrEqual(0);
      sim.take(i);
    };
    for (const rm of [1, 2, 3]) take(`RM[${rm}] Prepare`);
    for (const rm of [1, 2, 3]) take(`TM receive Prepared from RM[${rm}]`);
    take('TM Commit');
    expect(sim.view().network).toEqual([
      'Prepared RM[1]→TM',
      'Prepared RM[2]→TM',
      'Prepared RM[3]→TM',
      'TM→RM[1]: Commit',
      'TM→RM[2]: Commit',
      'TM→RM[3]: Commit',
    ]);
    take('RM[1] receive Commit');
    expect(sim.view().network).toEqual([
      'Prepared RM[1]→TM',
      'Prepared RM[2]→TM',
      'Prepared RM[3]→TM',
      'TM→RM[2]: Commit',
      'TM→RM[3]: Commit',
    ]);
    // Received once: the channel is empty, so RM[1] cannot receive Commit again (the pool's Prepared stay, above)
    expect(sim.enabled().map((s) => s.label)).not.toContain('RM[1] receive Commit');
    const r = exploreV2(model);
    // A Commit still in RM[i]'s channel is exactly "TM committed and RM[i] not yet": the same 288
    // configurations as the pool, but no more receiving Commit again and again.
    expect(r).toMatchObject({ verdict: 'ok', states: 288 });
    expect(r.transitions).toBeLessThan(1145);
  });

  it('a reliable kind is never dropped nor duplicated; the others still are', () => {
    const faulty = { model: 'channels', capacity: 3, drop: 1, duplicate: 1 };
    const model = withNetwork('two-phase-commit-fixed.protocol.json', {
      ...faulty,
      links: [{ message: 'Commit', reliable: true }],
    });
    const commit = model.messages.find((m) => m.name === 'Commit')!.index;
    const faults = everyStep(model).filter((s) => s.kind === 'drop' || s.kind === 'duplicate');
    expect(faults.some((s) => s.what === commit)).toBe(false);
    expect(new Set(faults.map((s) => `${s.kind} ${model.messages[s.what]!.name}`))).toEqual(
      new Set(['drop Vote', 'duplicate Vote', 'drop Abort', 'duplicate Abort']),
    );
    const everyKindFaulty = withNetwork('two-phase-commit-fixed.protocol.json', faulty);
    expect(everyStep(everyKindFaulty).some((s) => s.kind === 'drop' && s.what === commit)).toBe(true);
    expect(exploreV2(model).states).toBeLessThan(exploreV2(everyKindFaulty).states);
  });

  it('a reliable role pair covers every kind between them', () => {
    const model = withNetwork('two-phase-commit-fixed.protocol.json', {
      model: 'channels',
      capacity: 3,
      drop: 1,
      links: [{ from: 'TM', to: 'RM', reliable: true }],
    });
    expect(model.messages.map((m) => `${m.name}:${m.reliable}`)).toEqual([
      'Vote:false',
      'Commit:true',
      'Abort:true',
    ]);
    const drops = everyStep(model).filter((s) => s.kind === 'drop');
    expect(new Set(drops.map((s) => model.messages[s.what]!.name))).toEqual(new Set(['Vote']));
  });
});
