import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '..';
import { HARNESS_LINE } from './export';
import { SCRATCH, typeCheck } from '../testing/compile';
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
        fc.asyncProperty(fc.array(fc.nat({ max: 1000 }), { minLength: 5, maxLength: 30 }), async (choices) => {
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
    // Runs must get somewhere: five steps per run on average at least. Runs of 5 to 30 choices
    // took 2,057–2,143 steps in all over six seeds (against 1,575 here). Runs of 0 to 30 took
    // 1,002–1,129 over eight, against 3 a run (945), and one seed fell under it (944).
    expect(steps).toBeGreaterThan(designs.length * 15 * 5);
  });

  it('names a drop taken while a write is pending as the design does once a crash before the write takes the delivery out', async () => {
    // send #1, its retry, send #2, duplicate #1 (toMachine #1 #1 #2 #1), deliver #1, drop the last #1
    // (at 3 of #1 #2 #1), crash before the write: the design never saw the delivery, so that drop
    // is the one at 4 of #1 #1 #2 #1. Found by the property above (seed -1034312496).
    for (const name of ['conformance-kv-register', 'example-payment-service']) {
      const { model } = designs.find((d) => d.name === name)!;
      const { module, reference } = await importWithReference<HarnessModule>(model, 'harness');
      const result = await module.runChoices(module.spec, referenceAdapter(reference as MachineModule), [0, 990, 0, 0, 995, 997, 4]);
      expect(result.failure).toBeNull();
      expect(result.trace.filter((l) => l.startsWith('drop ')), name).toEqual([expect.stringMatching(/^drop \w+#1 \(at 4\)$/)]);
      const simulator = createSimulator(model);
      expect(simulator.replay(result.trace).ok, result.trace.join(' | ')).toBe(true);
    }
  });
});

describe('the exported harness as a user runs it', () => {
  const model = corpus().find((d) => d.name === 'example-payment-service')!.model;

  it('type-checks under the strictest flags beside the exported module', async () => {
    const files = { 'payment-service.ts': await exportDesign(model, 'ts'), 'payment-service.harness.ts': await exportDesign(model, 'harness') };
    expect(typeCheck(files)).toEqual([]);
  });

  it('runs under Vitest with the line its header shows', async () => {
    const { module, reference } = await importWithReference<{ harnessProperty: (adapter: unknown) => fc.IAsyncProperty<[number[]]> }>(model, 'harness');
    const adapter = referenceAdapter(reference as MachineModule);
    const harnessProperty = module.harnessProperty;
    // The header's line, as written (its `it` is this test; the run count is the header's).
    await fc.assert(harnessProperty(adapter), { numRuns: 200, includeErrorInReport: true });
    expect(HARNESS_LINE).toContain('fc.assert(harnessProperty(adapter), { numRuns: 200, includeErrorInReport: true })');
  });

  it('runs under node:test with the line its header shows, and fails with a trace file when the implementation departs', async () => {
    const dir = join(SCRATCH, 'node-test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'payment-service.ts'), await exportDesign(model, 'ts'));
    const adapter = (forgetful: boolean) => `{
  newStorage: () => reference.createMemoryStore(),
  async start(store: reference.Store, _durable: reference.Store, reply: (id: string, r: "ok" | "error") => void) {
    const machine = reference.createMachine(${forgetful ? 'reference.createMemoryStore()' : 'store'}, { acknowledge: reply });
    await machine.start();
    return { handle: async (r: unknown) => { await machine.handle(r); }, observe: () => ({ state: machine.snapshot().state, vars: { ...machine.snapshot().durable } }) };
  },
}`;
    const harness = await exportDesign(model, 'harness');
    const line = /node:test: {2}(.*)$/m.exec(harness)![1]!;
    const file = (forgetful: boolean) => `import { test } from "node:test";
import fc from "fast-check";
import * as reference from "./payment-service";
import { harnessProperty } from "./payment-service.harness";

const adapter = ${adapter(forgetful)};
${line}
`;
    const run = (name: string) => spawnSync(process.execPath, ['--import', 'tsx', '--test', join(dir, name)], { encoding: 'utf8', cwd: process.cwd() });
    writeFileSync(join(dir, 'payment-service.harness.ts'), harness);
    writeFileSync(join(dir, 'holds.test.ts'), file(false));
    const holds = run('holds.test.ts');
    expect(holds.stdout + holds.stderr).toMatch(/# pass 1/);
    expect(holds.status).toBe(0);
    // An implementation that writes to a store of its own: its writes do not survive a crash.
    writeFileSync(join(dir, 'departs.test.ts'), file(true));
    const departs = run('departs.test.ts');
    expect(departs.status).not.toBe(0);
    expect(departs.stdout + departs.stderr).toMatch(/"format":"protocol-studio-trace"/);
  });
});
