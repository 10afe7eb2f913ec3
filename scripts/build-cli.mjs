// Bundles src/cli/main.ts into dist/cli.mjs for Node (one file, no runtime TypeScript), and
// src/cli/checkThread.ts into dist/check-thread.mjs (what `check`'s worker threads run).
import { build } from 'esbuild';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawText } from './rawText.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    entryPoints: [join(root, 'src/cli/checkThread.ts')],
    outfile: join(root, 'dist/check-thread.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  await build({
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
