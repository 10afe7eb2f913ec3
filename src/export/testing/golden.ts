import { join } from 'node:path';
import { exportDesign, TARGETS } from '..';
import { loadAnyDesignValueV2 } from '../../model/v2/load';
import { exportDesignV2, joinSections } from '../v2/index';
import { startsDesign } from '../v2/testing/startsDesign';
import { corpus } from './corpus';

/** Where the golden files live: one per corpus design and export target, and the version-2 ones. */
export const GOLDEN_DIR = join(process.cwd(), 'src', 'export', '__golden__');

/**
 * Every golden file's name and the text the exporters make for it now. `exports.test.ts`
 * compares them with the files; only `npm run update-golden` (`scripts/update-golden.mjs`)
 * writes them.
 */
export async function goldenTexts(): Promise<{ file: string; design: string; target: string; text: string }[]> {
  const out: { file: string; design: string; target: string; text: string }[] = [];
  for (const { name, model } of corpus()) {
    // The harness and the monitor are a verbatim runtime plus a small binding: their own tests
    // (harness/, monitor/) type-check and run them instead of freezing a copy per design.
    for (const target of TARGETS.filter((t) => t !== 'harness' && t !== 'monitor')) out.push({ file: `${name}.${target}.golden`, design: name, target, text: await exportDesign(model, target) });
  }
  // Version 2: a design whose instances choose how they start (several initial states, listed values, \`initially\`), every code target.
  const loaded = loadAnyDesignValueV2(startsDesign());
  if (!loaded.ok || loaded.kind !== 'participants') throw new Error('testing/startsDesign.ts does not load');
  for (const target of ['ts', 'xstate', 'scxml', 'promela'] as const) out.push({ file: `v2-initial-choices.${target}.golden`, design: 'v2-initial-choices', target, text: joinSections(await exportDesignV2(loaded.model, target), target) });
  return out;
}
