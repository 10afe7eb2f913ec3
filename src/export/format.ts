import * as prettier from 'prettier/standalone';
import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';

/** Formats generated TypeScript with prettier's standalone build (runs in Node and in the browser). */
export async function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, { parser: 'typescript', plugins: [estree, typescript], printWidth: 100 });
}
