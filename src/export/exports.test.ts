import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDesign, TARGETS } from '.';
import { corpus } from './testing/corpus';
import { typeCheck } from './testing/compile';

const GOLDEN = join(__dirname, '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';
const designs = corpus();

describe('exports of every conformance design and example', () => {
  it('finds designs to export', () => {
    expect(designs.length).toBeGreaterThan(10);
  });

  for (const { name, model } of designs) {
    it(`${name} matches its golden files (UPDATE_GOLDEN=1 regenerates)`, async () => {
      mkdirSync(GOLDEN, { recursive: true });
      // The harness and the monitor are a verbatim runtime plus a small binding: their own tests
      // (harness/, monitor/) type-check and run them instead of freezing 25 copies of the runtime.
      for (const target of TARGETS.filter((t) => t !== 'harness' && t !== 'monitor')) {
        const text = await exportDesign(model, target);
        const file = join(GOLDEN, `${name}.${target}.golden`);
        if (update || !existsSync(file)) writeFileSync(file, text);
        expect(text, `${name} → ${target}`).toBe(readFileSync(file, 'utf8'));
      }
    });
  }

  it('compile under tsc --strict (and stricter flags), with and without zod', async () => {
    const files: Record<string, string> = {};
    for (const { name, model } of designs) {
      files[`${name}.ts`] = await exportDesign(model, 'ts');
      files[`${name}.zod.ts`] = await exportDesign(model, 'ts', { zod: true });
      files[`${name}.xstate.ts`] = await exportDesign(model, 'xstate');
    }
    expect(typeCheck(files)).toEqual([]);
  });
});
