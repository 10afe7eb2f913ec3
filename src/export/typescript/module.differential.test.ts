import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../model/load';
import { arbitraryDesign } from '../testing/arbitraryDesign';
import { importGenerated } from '../testing/compile';
import { drive, type GeneratedModule } from '../testing/machineDriver';
import { typeScriptModule } from './module';

describe('the exported TypeScript module', () => {
  it('takes the same states, vars, replies and faults as the engine on random designs and runs', async () => {
    let valid = 0;
    let machineSteps = 0;
    let faults = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryDesign, fc.array(fc.nat(), { minLength: 5, maxLength: 40 }), async (design, choices) => {
        const loaded = loadDesignValue(design);
        if (!loaded.ok) return;
        valid++;
        const mod = await importGenerated<GeneratedModule>(typeScriptModule(loaded.model));
        const result = await drive(loaded.model, mod, choices);
        machineSteps += result.machineSteps;
        faults += result.faults;
      }),
      { numRuns: 150 },
    );
    // The generator must mostly produce valid designs, or the property says little.
    expect(valid).toBeGreaterThan(75);
    expect(machineSteps).toBeGreaterThan(300);
    expect(faults).toBeGreaterThan(0);
  });
});
