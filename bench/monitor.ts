/**
 * Monitor benchmark on a generated log (a switch service: each request turns it on or off, one
 * request id in three is retried and answered from the durable dedupe table), so the figures
 * include JSON parsing, the design's guards and updates and its invariants:
 * - core: `Monitor.line` in process over 1 million lines held in memory (more requests than the
 *   monitor remembers, so forgetting the oldest is timed too), per CPU second and wall clock;
 * - command: lines per second and peak memory of `npm run -s cli -- monitor DESIGN -` on logs of
 *   1 and 10 million lines piped to it.
 * - version 2: observed steps per second of the exported monitor (`monitor.ts` over the running
 *   system) reading random runs of the engine on the two-phase commit example, a fresh monitor per run.
 * Prints figures, asserts nothing. Run as `npm run bench -- monitor` (`--quick`: 1 million lines only; `--core`: the core only).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Monitor } from '../src/export/monitor/monitorCore';
import { modelMonitorDesign } from '../src/export/monitor/modelDesign';
import { loadDesign } from '../src/model/load';
import { SimulationV2 } from '../src/engine/v2/simulator';
import { harnessOrMonitorFiles } from '../src/export/v2/index';
import type { MonitorOptions, StepMonitor } from '../src/export/v2/monitor/monitorRuntime';
import { importModulesV2 } from '../src/export/v2/testing/loadModules';
import { loadDesignValueV2 } from '../src/model/v2/load';

const root = process.cwd();
const quick = process.argv.includes('--quick');
const coreOnly = process.argv.includes('--core');
const design = {
  format: 'protocol-studio',
  version: 1,
  name: 'Switch',
  vars: [{ name: 'flips', type: { int: [0, 1] }, initial: 0 }],
  states: [{ name: 'Off', initial: true }, { name: 'On' }],
  events: [{ name: 'Flip', source: 'client', idempotency: 'durable', payload: [{ name: 'force', type: 'bool' }] }],
  transitions: [
    { from: 'Off', event: 'Flip', to: 'On', updates: { flips: '1 - flips' } },
    { from: 'On', event: 'Flip', to: 'Off', updates: { flips: '1 - flips' } },
  ],
  invariants: [{ name: 'flips follow the state', expr: '(state == "On") == (flips == 1)' }],
};
const file = join(mkdtempSync(join(tmpdir(), 'monitor-bench-')), 'switch.protocol.json');
writeFileSync(file, JSON.stringify(design));

/** Request i's lines; every third request is then retried once (a dedupe hit: received, replied). */
function chunk(from: number, requests: number): string {
  let out = '';
  for (let i = from; i < from + requests; i++) {
    out += `{"type":"received","id":"req-${i}","event":"Flip","payload":{"force":false}}\n{"type":"persisted","id":"req-${i}"}\n{"type":"replied","id":"req-${i}","reply":"ok"}\n`;
    if (i % 3 === 0) out += `{"type":"received","id":"req-${i}","event":"Flip","payload":{"force":false}}\n{"type":"replied","id":"req-${i}","reply":"ok"}\n`;
  }
  return out;
}

async function run(lines: number): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-cli.mjs'), 'monitor', file, '-'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const perRequest = 11 / 3; // 3 lines, plus 2 for one request in three
  const requests = Math.round(lines / perRequest);
  for (let i = 0; i < requests; i += 10_000) {
    if (!child.stdin.write(chunk(i, Math.min(10_000, requests - i)))) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return `exit ${code}: ${output.trim().split('\n').at(-1)}`;
}

/** The core alone: no process, no pipe, no line splitting. */
function core(lines: number): string {
  const loaded = loadDesign(JSON.stringify(design));
  if (!loaded.ok) throw new Error('the bench design does not load');
  const text = chunk(0, Math.round(lines / (11 / 3))).split('\n');
  text.pop();
  const monitor = new Monitor(modelMonitorDesign(loaded.model));
  const cpu = process.cpuUsage();
  const started = performance.now();
  let reports = 0;
  for (let i = 0; i < text.length; i++) reports += monitor.line(i + 1, text[i]!).length;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const perCpu = Math.round(text.length / ((used.user + used.system) / 1e6));
  return `${text.length} lines, ${reports} report(s), ${Math.round(text.length / seconds)} lines/s wall clock, ${perCpu} lines per CPU second`;
}

console.log(`monitor core in process, ~1,000,000 lines: ${core(1_000_000)}`);
for (const lines of coreOnly ? [] : quick ? [1_000_000] : [1_000_000, 10_000_000]) console.log(`monitor, ~${lines.toLocaleString('en')} lines: ${await run(lines)}`);

/** Version 2: random engine runs of the two-phase commit, each read by a fresh exported monitor. */
async function coreV2(runs: number): Promise<string> {
  const loaded = loadDesignValueV2(JSON.parse(readFileSync(join(root, 'examples', 'v2', 'two-phase-commit-fixed.protocol.json'), 'utf8')));
  if (!loaded.ok) throw new Error('two-phase-commit-fixed does not load');
  const model = loaded.model;
  const exported = (await importModulesV2(harnessOrMonitorFiles(model, 'monitor')))['monitor.ts'] as { createMonitor(o: MonitorOptions): Promise<StepMonitor> };
  let seed = 7;
  const walks: string[][] = [];
  for (let i = 0; i < runs; i++) {
    const sim = new SimulationV2(model);
    for (let k = 0; k < 40; k++) {
      const steps = sim.enabled().filter((s) => s.next !== null);
      if (steps.length === 0) break;
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      sim.take(sim.enabled().findIndex((s) => s.label === steps[seed % steps.length]!.label));
    }
    walks.push([...sim.taken]);
  }
  const started = performance.now();
  let lines = 0;
  let reports = 0;
  for (const walk of walks) {
    const monitor = await exported.createMonitor({});
    for (const label of walk) reports += (await monitor.observe(label)).length;
    lines += walk.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return `${lines} steps in ${runs} runs, ${reports} report(s), ${Math.round(lines / seconds)} steps/s`;
}
console.log(`version-2 monitor on two-phase-commit-fixed: ${await coreV2(2000)}`);
