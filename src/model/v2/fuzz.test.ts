import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreV2 } from '../../engine/v2/explorer';
import type { LoadResultV2 } from './model';
import { loadDesignV2, loadDesignValueV2 } from './load';

/** Whatever it is given, the version-2 loader returns data (a model or errors with pointers), and a model it accepts can be checked. */

const folder = join(__dirname, '../../../examples/v2');
const seeds: unknown[] = readdirSync(folder)
  .filter((f) => f.endsWith('.protocol.json'))
  .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as { version: number })
  .filter((d) => d.version === 2);

function wellFormed(r: LoadResultV2): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.path === '' || e.path.startsWith('/')).toBe(true);
    expect(e.message.trim()).not.toBe('');
    expect(e.code).toMatch(/^[a-z-]+$/);
  }
}

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 40 }),
  fc.boolean(),
  fc.constantFrom('', 'RM', 'TM', 'RM[2]', 'RM[0]', '$restart', 'sender', 'self', 'forall r in RM: r.state == "working"', 'count r in RM: true', 'prepared[sender]', 'prepared[', 'x[1]', 'pool', 'channels', 'Commit', 'working', '1 / 0'),
  fc.string(),
  fc.dictionary(fc.constantFrom('name', 'id', 'map', 'from', 'to', 'toAll', 'int', 'enum', 'x-a', '__proto__'), fc.jsonValue(), { maxKeys: 3 }),
);

function mutate(seed: unknown, edits: { at: number; value: unknown }[]): unknown {
  const copy = structuredClone(seed);
  for (const edit of edits) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = all[edit.at % all.length]!;
    let parent = copy as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (edit.value === undefined) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else parent[key] = edit.value;
  }
  return copy;
}

describe('the version-2 loader under mutation', () => {
  it('returns a model or errors at pointers, and every model it accepts checks to a verdict', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.record({ at: fc.nat(), value: replacement }), { minLength: 1, maxLength: 3 }), (seed, edits) => {
        const r = loadDesignValueV2(mutate(seed, edits));
        wellFormed(r);
        if (r.ok) expect(['ok', 'violation', 'incomplete']).toContain(exploreV2(r.model, { maxStates: 2000 }).verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('hostile text never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => wellFormed(loadDesignV2(text))),
      { numRuns: 200 },
    );
    wellFormed(loadDesignV2(`{"format":"protocol-studio","version":2,"name":"x","roles":${'['.repeat(100)}${']'.repeat(100)}}`));
  });
});
