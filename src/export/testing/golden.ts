import { join } from 'node:path';
import { exportDesign, TARGETS } from '..';
import { corpus } from './corpus';

/** Where the golden files live: one per corpus design and export target. */
export const GOLDEN_DIR = join(process.cwd(), 'src', 'export', '__golden__');

/**
 * Every golden file's name and the text the exporters make for it now. `exports.test.ts`
 * compares them with the files; only `npm run update-golden` (`scripts/update-golden.mjs`)
 * writes them.
 */
export async function goldenTexts(): Promise<{ file: string; design: string; target: string; text: string }[]> {
  const out: { file: string; design: string; target: string; text: string }[] = [];
  for (const { name, model } of corpus()) {
    for (const target of TARGETS) out.push({ file: `${name}.${target}.golden`, design: name, target, text: await exportDesign(model, target) });
  }
  return out;
}
