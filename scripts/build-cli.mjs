// Bundles src/cli/main.ts into dist/cli.mjs for Node (one file, no runtime TypeScript), and
// src/cli/checkThread.ts into dist/check-thread.mjs (what `check`'s worker threads run).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawText } from './rawText.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds in memory, then writes each file beside its place and renames it there: a rename is
 * atomic, so a `node dist/cli.mjs` started while another process (a test file running in
 * parallel) rebuilds reads the old bundle or the new one, never a half-written one.
 */
async function buildAtomically(options) {
  const { outputFiles } = await build({ ...options, write: false });
  for (const file of outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

export async function buildCli() {
  await buildAtomically({
    entryPoints: [join(root, 'src/cli/checkThread.ts')],
    outfile: join(root, 'dist/check-thread.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  await buildAtomically({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // zod is bundled: one file loads faster than its many ESM modules; prettier stays outside
    // (loaded on first use by `export`).
    external: ['prettier', 'prettier/*'],
    plugins: [rawText],
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
