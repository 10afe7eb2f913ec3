#!/usr/bin/env node
// `npm run bench`: the engine benchmark first, then every other benchmark under bench/
// (*.mjs through node, *.ts through tsx). Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const extra = process.argv.slice(2);
const helper = /Designs?\.ts$|\.d\.ts$|\.test\.ts$/;

const files = existsSync(benchDir) ? readdirSync(benchDir).filter((f) => /\.(mjs|ts)$/.test(f) && !helper.test(f)).sort() : [];
const ordered = [...files.filter((f) => f === 'engine.ts'), ...files.filter((f) => f !== 'engine.ts')];
let failures = 0;
for (const f of ordered) {
  console.log(`\n== bench/${f}`);
  const command = f.endsWith('.ts') ? ['npx', ['tsx', join(benchDir, f), ...extra]] : ['node', [join(benchDir, f), ...extra]];
  const r = spawnSync(command[0], command[1], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
if (failures > 0) console.log(`\n${failures} benchmark(s) exited with an error`);
process.exitCode = failures > 0 ? 1 : 0;
