/**
 * Formats generated TypeScript with prettier's standalone build (runs in Node and in the browser).
 * Prettier and its parser are loaded on first use: they are most of the command line's start-up
 * otherwise, and only `export` needs them. The parser is babel's TypeScript dialect (`babel-ts`,
 * a 0.3 MB plugin) rather than prettier's `typescript` plugin (0.9 MB): the generated code uses
 * nothing only the TypeScript compiler's own parser reads, and the export dialog loads less.
 */
export async function formatTypeScript(source: string): Promise<string> {
  const [prettier, estree, babel] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/estree'),
    import('prettier/plugins/babel'),
  ]);
  return prettier.format(source, { parser: 'babel-ts', plugins: [estree, babel], printWidth: 100 });
}
