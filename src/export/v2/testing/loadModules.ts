import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { fnv1a64 } from '../../../model/fnv1a64';
import { SCRATCH } from '../../testing/compile';
import type { ExportFiles } from '../index';

/**
 * Test support: writes the generated version-2 modules as JavaScript into one scratch folder
 * (relative imports get their `.mjs`) and imports each, by file name.
 */
export async function importModulesV2(files: ExportFiles): Promise<Record<string, unknown>> {
  const dir = join(SCRATCH, `v2-${fnv1a64(files.map((f) => f.text).join('\0'))}`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const js = ts.transpileModule(f.text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, f.name.replace(/\.ts$/, '.mjs')), js.replace(/from (['"])\.\/([A-Za-z0-9_.-]+)\1/g, "from './$2.mjs'"));
  }
  const out: Record<string, unknown> = {};
  for (const f of files) out[f.name] = await import(/* @vite-ignore */ pathToFileURL(join(dir, f.name.replace(/\.ts$/, '.mjs'))).href);
  return out;
}
