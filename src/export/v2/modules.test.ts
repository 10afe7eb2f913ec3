import { beforeAll, describe, expect, it } from 'vitest';
import { loadExampleV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import { typeCheck, typeCheckEach } from '../testing/compile';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import { exportDesignV2, harnessOrMonitorFiles, typeScriptModulesV2 } from './index';
import { importModulesV2 } from './testing/loadModules';
import { nestedDesign, nestedSetsDesign } from './testing/nestedDesign';
import { setDesignsV2 } from './testing/setDesigns';
import { xstateFilesV2 } from './xstate';

const EXAMPLES = participantExamplesV2();

/**
 * Every example's modules, and its XState machines beside a second copy of them, each in its
 * own folder, type-checked in one program (a program per example read xstate's types again each
 * time: a minute of the suite); each example's problems are then asserted on their own.
 */
let problems = new Map<string, string[]>();
const folders = new Map<string, string[]>();
beforeAll(() => {
  const files: Record<string, string> = {};
  for (const file of EXAMPLES) {
    const model = loadExampleV2(file);
    const name = file.replace(/\.protocol\.json$/, '');
    const add = (folder: string, exported: readonly { name: string; text: string }[]) => {
      folders.set(folder, exported.map((f) => `${folder}/${f.name}`));
      for (const f of exported) files[`${folder}/${f.name}`] = f.text;
    };
    add(`v2-${name}`, typeScriptModulesV2(model));
    add(`x-${name}`, [...typeScriptModulesV2(model), ...xstateFilesV2(model)]);
  }
  problems = typeCheckEach(files);
}, 120_000);

const problemsIn = (folder: string): string[] => [...(problems.get('') ?? []), ...folders.get(folder)!.flatMap((f) => problems.get(f) ?? [])];

describe('version-2 TypeScript modules', () => {
  it.each(EXAMPLES)('%s: every module compiles under strict tsc', (file) => {
    expect(problemsIn(`v2-${file.replace(/\.protocol\.json$/, '')}`)).toEqual([]);
  });
});

describe('version-2 XState machines', () => {
  it.each(EXAMPLES)('%s: the machines and the system compile under strict tsc', (file) => {
    expect(problemsIn(`x-${file.replace(/\.protocol\.json$/, '')}`)).toEqual([]);
  });
});

describe('version-2 TypeScript and XState of designs with sets and maps keyed by values', () => {
  it.each(setDesignsV2())('%s: the modules and machines compile under strict tsc', (name, model) => {
    const files = [...typeScriptModulesV2(model), ...xstateFilesV2(model)];
    const folder = `sets-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
    expect(typeCheck(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, f.text])))).toEqual([]);
  }, 60_000);
});

describe('version-2 TypeScript, XState, harness and monitor of designs with nested maps', () => {
  const designs: [string, ModelV2][] = [
    ['crdt-nested', loadV2(JSON.parse(readFileSync(join('test-fixtures/published', 'crdt-nested.protocol.json'), 'utf8')))],
    ['nested', loadV2(nestedDesign())],
    ['nested-sets', loadV2(nestedSetsDesign())],
  ];
  it.each(designs)('%s: records of records compile under strict tsc', (name, model) => {
    const files = [...harnessOrMonitorFiles(model, 'harness'), ...harnessOrMonitorFiles(model, 'monitor').slice(-1), ...xstateFilesV2(model)];
    expect(typeCheck(Object.fromEntries(files.map((f) => [`nested-${name}/${f.name}`, f.text])))).toEqual([]);
  }, 60_000);

  it.each(designs)('%s: the harness passes the exported modules as the implementation', async (_name, model) => {
    const harness = (await importModulesV2(harnessOrMonitorFiles(model, 'harness')))['harness.ts'] as { runChoices(a: unknown, c: number[]): Promise<{ failure: unknown; trace: string[] }>; referenceAdapters(): unknown };
    const run = await harness.runChoices(harness.referenceAdapters(), [0, 3, 1, 4, 2, 5, 1, 1, 0, 2]);
    expect(run.failure).toBeNull();
    expect(run.trace.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('version-2 exports as the command line writes them (prettier-formatted)', () => {
  it('still compile under strict tsc', async () => {
    const files = await exportDesignV2(loadExampleV2('two-phase-commit-fixed.protocol.json'), 'xstate');
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-formatted/${f.name}`, f.text])))).toEqual([]);
  });
});

function loadV2(value: unknown): ModelV2 {
  const r = loadDesignValueV2(value);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.model;
}
