import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { fnv1a64 } from '../../model/fnv1a64';

/**
 * Test support: turns generated TypeScript into a module the test can call. Files go under
 * `node_modules/.export-tests/` so that imports of `zod` and `xstate` resolve like the app's.
 */

export const SCRATCH = join(process.cwd(), 'node_modules', '.export-tests');

export async function importGenerated<T>(source: string): Promise<T> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  mkdirSync(SCRATCH, { recursive: true });
  const file = join(SCRATCH, `${fnv1a64(js)}.mjs`);
  writeFileSync(file, js);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}

/** Type-checks files with the compiler API under the strictest flags a team might use; returns the diagnostics as text. */
export function typeCheck(files: Record<string, string>): string[] {
  return [...typeCheckEach(files).values()].flat();
}

/**
 * `typeCheck` of many files in one program (a program costs seconds: the libraries' types are
 * read once), the problems keyed by each file's name in `files` (problems outside them under '').
 */
export function typeCheckEach(files: Record<string, string>): Map<string, string[]> {
  mkdirSync(SCRATCH, { recursive: true });
  const byPath = new Map<string, string>();
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(SCRATCH, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    byPath.set(path, name);
    return path;
  });
  const program = ts.createProgram(paths, {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitReturns: true,
    noPropertyAccessFromIndexSignature: true,
    noFallthroughCasesInSwitch: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  const problems = new Map<string, string[]>(Object.keys(files).map((name) => [name, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const where = d.file ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    const key = (d.file && byPath.get(d.file.fileName)) ?? '';
    problems.set(key, [...(problems.get(key) ?? []), `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
  }
  return problems;
}
