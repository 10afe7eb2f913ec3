import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnyDesignValueV2 } from '../../../model/v2/load';
import type { ModelV2 } from '../../../model/v2/model';
import { setsDesign } from './setsDesign';

/**
 * Test support: the designs with sets and maps keyed by values (docs/format-v2.md §2, §5) the
 * export tests run beside the examples: three published specifications (no example uses sets;
 * simple-allocator builds sets from literals, `(event.r1 ? {"r1"} : {}) + …`, typed by the other side) and
 * `setsDesign.ts`, by a name for the test titles.
 */
export const PUBLISHED_SET_DESIGNS = ['voting-sets', 'missionaries-and-cannibals', 'simple-allocator'] as const;

export function loadParticipants(value: unknown): ModelV2 {
  const r = loadAnyDesignValueV2(value);
  if (!r.ok || r.kind !== 'participants') throw new Error('not a design of several participants');
  return r.model;
}

export function publishedSetDesign(name: (typeof PUBLISHED_SET_DESIGNS)[number]): ModelV2 {
  return loadParticipants(JSON.parse(readFileSync(join('test-fixtures/published', `${name}.protocol.json`), 'utf8')));
}

/** Every one of them: [name, model]. */
export function setDesignsV2(): [string, ModelV2][] {
  return [...PUBLISHED_SET_DESIGNS.map((f): [string, ModelV2] => [`published ${f}`, publishedSetDesign(f)]), ['testing/setsDesign.ts', loadParticipants(setsDesign())]];
}
