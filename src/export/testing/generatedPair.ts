import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { Model } from '../../model/model';
import { fnv1a64 } from '../../model/fnv1a64';
import { harnessModule } from '../harness/export';
import { monitorModule } from '../monitor/export';
import { typeScriptModule } from '../typescript/module';
import { SCRATCH } from './compile';

/**
 * Test support: the design's exported module and a harness or monitor that imports it, written
 * side by side under `node_modules/.export-tests/` (so `fast-check` resolves) and imported.
 */
export async function importWithReference<T>(model: Model, kind: 'harness' | 'monitor'): Promise<{ module: T; reference: unknown }> {
  const referenceTs = typeScriptModule(model);
  const moduleTs = kind === 'harness' ? harnessModule(model, './reference.mjs') : monitorModule(model, './reference.mjs');
  const js = (source: string) => ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const dir = join(SCRATCH, `${kind}-${fnv1a64(referenceTs + moduleTs)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'reference.mjs'), js(referenceTs));
  writeFileSync(join(dir, `${kind}.mjs`), js(moduleTs));
  const reference: unknown = await import(/* @vite-ignore */ pathToFileURL(join(dir, 'reference.mjs')).href);
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(dir, `${kind}.mjs`)).href)) as T;
  return { module, reference };
}
