import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnyDesignValueV2, loadDesignValueV2 } from '../../model/v2/load';
import type { ModelV2 } from '../../model/v2/model';
import type { DesignV2 } from '../../model/v2/schema';

/** Test fixture: a version-2 example as a model, with the last role's instance count changed and any edit applied. */
export function loadExampleV2(file: string, instances?: number, edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const design = readExampleV2(file);
  if (instances !== undefined) design.roles[design.roles.length - 1]!.instances = instances;
  edit(design);
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.model;
}

/** Test fixture: a published specification's design (test-fixtures/published) as a model, with any edit applied. */
export function loadPublishedV2(file: string, edit: (d: DesignV2) => void = () => {}): ModelV2 {
  const design = JSON.parse(readFileSync(join(__dirname, '../../../test-fixtures/published', file), 'utf8')) as DesignV2;
  edit(design);
  const r = loadDesignValueV2(design);
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.model;
}

export function readExampleV2(file: string): DesignV2 {
  return JSON.parse(readFileSync(join(__dirname, '../../../examples/v2', file), 'utf8')) as DesignV2;
}

/** The version-2 examples that are designs of participants (those with clients run on version 1's engine, §13). */
export function participantExamplesV2(): string[] {
  return readdirSync(join(__dirname, '../../../examples/v2'))
    .filter((f) => f.endsWith('.protocol.json'))
    .filter((f) => {
      const loaded = loadAnyDesignValueV2(readExampleV2(f));
      return loaded.ok && loaded.kind === 'participants';
    });
}
