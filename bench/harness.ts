/**
 * Harness benchmark: generated steps per second when the exported harness drives the design's
 * own in-memory reference (the exported module's machine over its memory store) as the
 * implementation, on examples/payment-service.protocol.json. The harness and the reference are
 * exported by the command line, as a user gets them. Version 2: steps per second of the exported
 * harness with the exported role modules as every role's implementation (`referenceAdapters()`),
 * on the two-phase commit and lease examples. Prints figures, asserts nothing.
 * Run as `npm run bench -- harness`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import type { HarnessSpec, runChoices } from '../src/export/harness/harnessRuntime';
import type { AnyAdapters, HarnessRun } from '../src/export/v2/harness/harnessRuntime';
import { harnessOrMonitorFiles } from '../src/export/v2/index';
import { importModulesV2 } from '../src/export/v2/testing/loadModules';
import { loadDesignValueV2 } from '../src/model/v2/load';
import { referenceAdapter, type MachineModule } from '../src/export/testing/referenceAdapter';

const root = process.cwd();
const design = join(root, 'examples', 'payment-service.protocol.json');
const dir = join(root, 'node_modules', '.export-tests', 'bench-harness');
mkdirSync(dir, { recursive: true });
for (const [target, file] of [['ts', 'payment-service.ts'], ['harness', 'payment-service.harness.ts']] as const) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'run-cli.mjs'), 'export', design, '--to', target], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const js = ts.transpileModule(r.stdout.replace('"./payment-service"', '"./payment-service.mjs"'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(join(dir, file.replace(/\.ts$/, '.mjs')), js);
}
const reference = (await import(pathToFileURL(join(dir, 'payment-service.mjs')).href)) as MachineModule;
const harness = (await import(pathToFileURL(join(dir, 'payment-service.harness.mjs')).href)) as { spec: HarnessSpec; runChoices: typeof runChoices };
const adapter = referenceAdapter(reference);

let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
async function measure(runs: number): Promise<{ steps: number; seconds: number }> {
  const started = performance.now();
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    const choices = Array.from({ length: 40 }, () => random() % 1000);
    const result = await harness.runChoices(harness.spec, adapter, choices);
    if (result.failure !== null) throw new Error(`the reference departs from itself: ${result.failure.problems.join('; ')}`);
    steps += result.steps;
  }
  return { steps, seconds: (performance.now() - started) / 1000 };
}

await measure(50); // warm-up
let best = await measure(500);
for (let i = 0; i < 2; i++) {
  const r = await measure(500);
  if (r.steps / r.seconds > best.steps / best.seconds) best = r;
}
console.log(`harness on payment-service against the in-memory reference: ${best.steps} steps in ${best.seconds.toFixed(2)} s, ${Math.round(best.steps / best.seconds)} steps/s (best of 3 × 500 runs of up to 40 steps)`);

for (const example of ['two-phase-commit-fixed', 'lease-with-fencing']) {
  const loaded = loadDesignValueV2(JSON.parse(readFileSync(join(root, 'examples', 'v2', `${example}.protocol.json`), 'utf8')));
  if (!loaded.ok) throw new Error(`${example} does not load`);
  const v2 = (await importModulesV2(harnessOrMonitorFiles(loaded.model, 'harness')))['harness.ts'] as {
    referenceAdapters(): AnyAdapters;
    runChoices(a: AnyAdapters, choices: readonly number[]): Promise<HarnessRun>;
  };
  const adapters = v2.referenceAdapters();
  const measureV2 = async (runs: number) => {
    const started = performance.now();
    let steps = 0;
    for (let i = 0; i < runs; i++) {
      const result = await v2.runChoices(adapters, Array.from({ length: 40 }, () => random() % 1000));
      if (result.failure !== null) throw new Error(`the role modules depart from the design: ${result.failure.problems.join('; ')}`);
      steps += result.trace.length;
    }
    return { steps, seconds: (performance.now() - started) / 1000 };
  };
  await measureV2(20); // warm-up
  const r = await measureV2(200);
  console.log(`version-2 harness on ${example} with the exported role modules: ${r.steps} steps in ${r.seconds.toFixed(2)} s, ${Math.round(r.steps / r.seconds)} steps/s (200 runs of up to 40 steps)`);
}
