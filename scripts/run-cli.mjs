#!/usr/bin/env node
// Runs the command line from its esbuild bundle (about 90 ms to start, against 600 ms through tsx),
// rebuilding the bundle first when any source under src/ is newer than it.
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(bundle) ||
  !existsSync(join(root, 'dist', 'check-thread.mjs')) ||
  ['src', 'examples'].some((d) => existsSync(join(root, d)) && newestSource(join(root, d)) > statSync(bundle).mtimeMs);
if (stale) {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
}
await import(pathToFileURL(bundle).href);
