import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '.';
import { corpus } from './testing/corpus';
import { typeCheck } from './testing/compile';
import { GOLDEN_DIR, goldenTexts } from './testing/golden';

const designs = corpus();
const texts = await goldenTexts();

describe('exports of every conformance design and example', () => {
  it('finds designs to export', () => {
    expect(designs.length).toBeGreaterThan(10);
  });

  // A test never writes its expectations: a missing or different file fails; `npm run update-golden` rewrites them.
  for (const name of new Set(texts.map((t) => t.design))) {
    it(`${name} matches its golden files`, () => {
      for (const t of texts.filter((x) => x.design === name)) {
        const path = join(GOLDEN_DIR, t.file);
        expect(existsSync(path), `${t.file} is missing: run npm run update-golden`).toBe(true);
        expect(t.text, `${name} → ${t.target} (npm run update-golden rewrites the golden files)`).toBe(readFileSync(path, 'utf8'));
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
