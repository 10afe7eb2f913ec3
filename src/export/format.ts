/**
 * Formats generated TypeScript with prettier's standalone build (runs in Node and in the browser).
 * Prettier and its TypeScript plugin are loaded on first use: they are most of the command line's
 * start-up otherwise, and only `export` needs them.
 */
export async function formatTypeScript(source: string): Promise<string> {
  const [prettier, estree, typescript] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/estree'),
    import('prettier/plugins/typescript'),
  ]);
  return prettier.format(source, { parser: 'typescript', plugins: [estree, typescript], printWidth: 100 });
}
