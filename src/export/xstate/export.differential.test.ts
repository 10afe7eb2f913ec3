import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { applyStep } from '../../engine/apply';
import { initialConfiguration } from '../../engine/configuration';
import { enabledSteps } from '../../engine/enabled';
import { loadDesignValue } from '../../model/load';
import { showValue } from '../../model/model';
import { formatTypeScript } from '../format';
import { arbitraryDesign } from '../testing/arbitraryDesign';
import { importGenerated, typeCheck } from '../testing/compile';
import { xstateModule } from './export';

describe('the XState export', () => {
  it('takes the same transitions as the engine when run by xstate', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryDesign, fc.array(fc.nat(), { minLength: 5, maxLength: 30 }), async (raw, choices) => {
        // A statechart has no crash or dedupe table: runs without crashes, transitions only.
        const design = { ...raw, environment: { ...(raw.environment as object), crashes: 0 } };
        const loaded = loadDesignValue(design);
        if (!loaded.ok) return;
        const model = loaded.model;
        const mod = await importGenerated<{ machine: AnyStateMachine }>(xstateModule(model));
        const actor = createActor(mod.machine).start();
        let config = initialConfiguration(model);
        for (const choice of choices) {
          const steps = enabledSteps(model, config);
          if (steps.length === 0) break;
          const step = steps[choice % steps.length]!;
          const outcome = applyStep(model, config, step, { checkConfiguration: false });
          if (!outcome.next) break;
          if (outcome.transition !== null && (step.kind === 'deliver' || step.kind === 'fire')) {
            const event = step.kind === 'fire' ? model.events[step.event]! : model.events[config.clients[step.request - 1]!.event]!;
            const payload: Record<string, unknown> = {};
            if (step.kind === 'deliver') {
              event.payload.forEach((f, j) => {
                payload[f.name] = showValue(f.type, config.clients[step.request - 1]!.payload[j]!);
              });
            }
            actor.send(event.payload.length > 0 ? { type: event.name, payload } : { type: event.name });
            const snap = actor.getSnapshot();
            const next = outcome.next;
            expect(snap.value).toBe(model.states[next.state]!.name);
            const context = model.vars.map((v) => showValue(v.type, next.vars[v.index]!));
            expect(model.vars.map((v) => (snap.context as Record<string, unknown>)[v.name])).toEqual(context);
            compared++;
          }
          config = outcome.next;
        }
        actor.stop();
      }),
      { numRuns: 100 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it('compiles under strict TypeScript for a design with payloads, enums and a restart', async () => {
    const loaded = loadDesignValue({
      format: 'protocol-studio', version: 1, name: 'x',
      vars: [{ name: 'n', type: { int: [0, 3] }, initial: 0 }, { name: 'mode', type: { enum: ['a', 'b'] }, initial: 'a', storage: 'volatile' }],
      states: [{ name: 'A', initial: true }, { name: 'B', final: true }],
      events: [{ name: 'Go', source: 'client', payload: [{ name: 'k', type: { int: [0, 2] } }] }],
      transitions: [
        { from: 'A', event: 'Go', to: 'B', guard: 'event.k > 0 && state == "A"', updates: { n: 'n + event.k', mode: '"b"' } },
        { from: 'B', event: '$restart', to: 'A' },
      ],
      invariants: [],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const diagnostics = typeCheck({ 'xstate-strict.ts': await formatTypeScript(xstateModule(loaded.model)) });
    expect(diagnostics).toEqual([]);
  });
});
