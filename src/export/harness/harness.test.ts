import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../engine/simulator';
import { corpus } from '../testing/corpus';
import { importWithReference } from '../testing/generatedPair';
import { referenceAdapter, type MachineModule } from '../testing/referenceAdapter';
import type { HarnessSpec, runChoices } from './harnessRuntime';

type HarnessModule = { spec: HarnessSpec; runChoices: typeof runChoices };

describe('the exported harness', () => {
  const designs = corpus();

  it('passes the reference itself on every design, and every run replays step for step in the simulator', async () => {
    let steps = 0;
    for (const { name, model } of designs) {
      const { module, reference } = await importWithReference<HarnessModule>(model, 'harness');
      const adapter = referenceAdapter(reference as MachineModule);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat({ max: 1000 }), { maxLength: 30 }), async (choices) => {
          const result = await module.runChoices(module.spec, adapter, choices);
          expect(result.failure, `${name}: ${result.failure?.problems.join('; ')}`).toBeNull();
          const simulator = createSimulator(model);
          const replay = simulator.replay(result.trace);
          // A replay may stop only where the design itself violates while computing the step (MODEL.md §6).
          if (!replay.ok) expect(simulator.refusal()?.step.label, `${name}: ${result.trace.join(' | ')}: ${replay.reason}`).toBe(replay.stale);
          steps += result.steps;
        }),
        { numRuns: 15 },
      );
    }
    expect(steps).toBeGreaterThan(designs.length * 50);
  });
});
