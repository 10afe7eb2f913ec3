// esbuild plugin for Vite's `import text from './file.ts?raw'`: the harness and monitor exporters
// emit their runtimes' source verbatim. Every esbuild bundle that reaches src/export uses it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};
