#!/usr/bin/env node
// `npm run update-golden`: the only way golden files change. Bundles src/export/testing/updateGolden.ts
// with esbuild (like the command line) and runs it from the project root. Review the diff after.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'update-golden.mjs');
await build({ entryPoints: [join(root, 'src/export/testing/updateGolden.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
const r = spawnSync('node', [outfile], { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
