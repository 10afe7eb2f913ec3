import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExampleV2, participantExamplesV2 } from '../../engine/v2/testDesigns';
import { SCRATCH, typeCheck } from '../testing/compile';
import { exportDesignV2, typeScriptModulesV2 } from './index';
import { xstateFilesV2 } from './xstate';

const EXAMPLES = participantExamplesV2();

describe('version-2 TypeScript modules', () => {
  it.each(EXAMPLES)('%s: every module compiles under strict tsc', (file) => {
    const files = typeScriptModulesV2(loadExampleV2(file));
    const prefix = file.replace(/\.protocol\.json$/, '');
    mkdirSync(join(SCRATCH, `v2-${prefix}`), { recursive: true });
    const dir: Record<string, string> = {};
    for (const f of files) dir[`v2-${prefix}/${f.name}`] = f.text;
    expect(typeCheck(dir)).toEqual([]);
  });
});

describe('version-2 XState machines', () => {
  it.each(EXAMPLES)('%s: the machines and the system compile under strict tsc', (file) => {
    const model = loadExampleV2(file);
    const prefix = `x-${file.replace(/\.protocol\.json$/, '')}`;
    mkdirSync(join(SCRATCH, prefix), { recursive: true });
    const dir: Record<string, string> = {};
    for (const f of [...typeScriptModulesV2(model), ...xstateFilesV2(model)]) dir[`${prefix}/${f.name}`] = f.text;
    expect(typeCheck(dir)).toEqual([]);
  });
});

describe('version-2 exports as the command line writes them (prettier-formatted)', () => {
  it('still compile under strict tsc', async () => {
    const files = await exportDesignV2(loadExampleV2('two-phase-commit-fixed.protocol.json'), 'xstate');
    mkdirSync(join(SCRATCH, 'v2-formatted'), { recursive: true });
    expect(typeCheck(Object.fromEntries(files.map((f) => [`v2-formatted/${f.name}`, f.text])))).toEqual([]);
  });
});
