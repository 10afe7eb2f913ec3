/**
 * Engine benchmark: configurations per second and bytes per stored configuration on one thread,
 * for the conformance `kv-register` and a scalable family; then the command line on a design of
 * about a million configurations. Prints figures, asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explore } from '../src/engine/explorer';
import { loadDesign, loadDesignValue } from '../src/model/load';
import type { Model } from '../src/model/model';
import { registerDesign, type FamilyParams } from './engineDesigns';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');

function model(value: unknown): Model {
  const r = typeof value === 'string' ? loadDesign(value) : loadDesignValue(value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

const rows: string[][] = [['design', 'verdict', 'states', 'transitions', 'seconds', 'states/s', 'bytes/state']];
function measure(name: string, m: Model): void {
  explore(m, { maxStates: 50_000 }); // warm-up (JIT), not reported
  const r = explore(m, { maxSeconds: quick ? 3 : 10 }); // an `incomplete` row still gives the rate
  rows.push([name, r.verdict, String(r.states), String(r.transitions), r.seconds.toFixed(3), String(r.statesPerSecond), String(r.bytesPerState)]);
}

measure('kv-register', model(readFileSync(join(root, 'src/engine/__fixtures__/conformance/kv-register.protocol.json'), 'utf8')));
const family: FamilyParams[] = [];
for (const requests of [1, 2, 3]) for (const budget of [0, 1, 2]) family.push({ requests, budget, values: 2 });
family.push({ requests: 2, budget: 1, values: 3 }, { requests: 2, budget: 1, values: 2, reorder: true });
for (const p of quick ? family.slice(0, 4) : family) {
  const d = registerDesign(p);
  measure(String(d.name), model(d));
}

const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));

// The command line end to end (process start, load, explore, JSON out) on a ~1M-configuration design.
const big = registerDesign({ requests: 2, budget: 2, values: 5 }); // 1,259,403 configurations
const dir = mkdtempSync(join(tmpdir(), 'ps-bench-'));
const file = join(dir, 'big.protocol.json');
writeFileSync(file, JSON.stringify(big));
spawnSync('npm', ['run', '-s', 'cli', '--', 'validate', file], { cwd: root }); // builds the CLI bundle if stale
const t0 = performance.now();
const cli = spawnSync('npm', ['run', '-s', 'cli', '--', 'check', file, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
const wall = (performance.now() - t0) / 1000;
try {
  const r = JSON.parse(cli.stdout) as { verdict: string; states: number; seconds: number };
  console.log(`\ncli check ${String(big.name)}: ${r.verdict}, ${r.states} states, explore ${r.seconds.toFixed(2)} s, wall ${wall.toFixed(2)} s (exit ${cli.status})`);
} catch {
  console.log(`\ncli check failed (exit ${cli.status}): ${cli.stderr.slice(0, 300)}`);
}
