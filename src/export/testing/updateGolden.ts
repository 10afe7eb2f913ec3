import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, goldenTexts } from './golden';

/** `npm run update-golden`: rewrites every golden file and removes those no design makes any more. */
const texts = await goldenTexts();
mkdirSync(GOLDEN_DIR, { recursive: true });
const wanted = new Set(texts.map((t) => t.file));
for (const f of readdirSync(GOLDEN_DIR)) if (f.endsWith('.golden') && !wanted.has(f)) rmSync(join(GOLDEN_DIR, f));
for (const t of texts) writeFileSync(join(GOLDEN_DIR, t.file), t.text);
console.log(`wrote ${texts.length} golden files to ${GOLDEN_DIR}`);
