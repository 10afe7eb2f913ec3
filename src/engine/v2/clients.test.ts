import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnyDesignV2 } from '../../model/v2/load';
import { exploreWithClients } from './clients';

/** The lease service whose clients retry an acquire after a timeout (examples/v2/lease-service-retries-*). */
function check(file: string) {
  const loaded = loadAnyDesignV2(readFileSync(join(import.meta.dirname, '../../../examples/v2', file), 'utf8'));
  if (!loaded.ok || loaded.kind !== 'clients') throw new Error(`${file} is not a design with clients`);
  return exploreWithClients(loaded.model, loaded.role);
}

describe('a version-2 design with clients', () => {
  it('broken: after a crash the retry of a granted acquire is processed again and refused', () => {
    const r = check('lease-service-retries-broken.protocol.json');
    expect(r).toMatchObject({ version: 2, verdict: 'violation', states: 88, transitions: 160, depth: 6 });
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual([['replay', 'Acquire', 6]]);
    expect(r.violations[0]!.trace.map((s) => s.label)).toEqual([
      'send Acquire#1',
      'deliver Acquire#1',
      'timeout Acquire#1 (retry 2 of 2)',
      'crash',
      'restart',
      'deliver Acquire#1',
    ]);
  });

  it('fixed: a durable dedupe table answers every retry; some clients are still left ambiguous', () => {
    const r = check('lease-service-retries-fixed.protocol.json');
    expect(r).toMatchObject({ version: 2, verdict: 'ok', states: 156, transitions: 394, depth: 10, outcomes: { ok: 6, error: 0, ambiguous: 4 } });
    expect(r.coverage.states.reached).toEqual(['LockService.free', 'LockService.held']);
    expect(r.coverage.transitions.unreached).toEqual([]);
  });

  it('both carry a lesson of two to four sentences', () => {
    for (const f of ['lease-service-retries-broken.protocol.json', 'lease-service-retries-fixed.protocol.json']) {
      const d = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/v2', f), 'utf8')) as { description: string };
      const sentences = d.description.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
    }
  });
});
