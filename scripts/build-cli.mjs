// Bundles src/cli/main.ts into dist/cli.mjs for Node (one file, no runtime TypeScript), and
// src/cli/checkThread.ts into dist/check-thread.mjs (what `check`'s worker threads run).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `import text from './file.ts?raw'` (Vite's syntax): the exporters emit some source files verbatim.
const raw = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

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
    plugins: [raw],
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
