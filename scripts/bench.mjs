#!/usr/bin/env node
// `npm run bench`: the engine benchmark first, then every other benchmark under bench/
// (*.mjs through node; *.ts bundled by esbuild into dist/bench/ and run by node, so the engine is
// timed as the command line ships it: through tsx's per-file transform it ran about 2x slower).
// Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { rawText } from './rawText.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
// `npm run bench -- engine --quick`: plain words pick benchmarks by name; flags go to each one.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const extra = process.argv.slice(2).filter((a) => a.startsWith('--'));
const helper = /Designs?\.ts$|\.d\.ts$|\.test\.ts$|^browser\.mjs$/;

const files = existsSync(benchDir) ? readdirSync(benchDir).filter((f) => /\.(mjs|ts)$/.test(f) && !helper.test(f)).sort() : [];
const picked = only.length > 0 ? files.filter((f) => only.some((w) => f.includes(w))) : files;
const ordered = [...picked.filter((f) => f === 'engine.ts'), ...picked.filter((f) => f !== 'engine.ts')];
let failures = 0;
for (const f of ordered) {
  console.log(`\n== bench/${f}`);
  let script = join(benchDir, f);
  if (f.endsWith('.ts')) {
    const outfile = join(root, 'dist', 'bench', f.replace(/\.ts$/, '.mjs'));
    await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', plugins: [rawText], logLevel: 'error' });
    script = outfile;
  }
  const command = ['node', [script, ...extra]];
  const r = spawnSync(command[0], command[1], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
if (failures > 0) console.log(`\n${failures} benchmark(s) exited with an error`);
process.exitCode = failures > 0 ? 1 : 0;
