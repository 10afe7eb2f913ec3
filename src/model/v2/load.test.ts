import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignV2 } from './load';

const example = (name: string) => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

describe('loading a version-2 design', () => {
  it('loads TwoPhase and TCommit', () => {
    for (const f of ['tla-two-phase.protocol.json', 'tla-tcommit.protocol.json']) {
      const r = loadDesignV2(example(f));
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });
});
