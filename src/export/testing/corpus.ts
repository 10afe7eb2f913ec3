import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformanceDir } from '../../conformanceSuite';
import { loadDesign } from '../../model/load';
import type { Model } from '../../model/model';

/** Every valid design the project knows: the shared conformance designs and examples/. */
export function corpus(): { name: string; model: Model }[] {
  const dirs = [conformanceDir('valid'), join(process.cwd(), 'examples')];
  const out: { name: string; model: Model }[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.protocol.json')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const loaded = loadDesign(readFileSync(join(dir, f), 'utf8'));
      if (!loaded.ok) throw new Error(`${f}: ${JSON.stringify(loaded.errors)}`);
      out.push({ name: `${dir.includes('conformance') ? 'conformance' : 'example'}-${f.replace('.protocol.json', '')}`, model: loaded.model });
    }
  }
  return out;
}
