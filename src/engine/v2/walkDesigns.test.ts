import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from '../../model/v2/load';
import { exploreV2 } from './explorer';

/** The designs of test-fixtures/walk-v2 (written from the docs alone): each loads, and the cheap ones check as its README says. */
const dir = join(__dirname, '../../../test-fixtures/walk-v2');
const model = (slug: string) => {
  const r = loadDesignValueV2(JSON.parse(readFileSync(join(dir, `${slug}.protocol.json`), 'utf8')));
  if (!r.ok) throw new Error(`${slug}: ${JSON.stringify(r.errors)}`);
  return r.model;
};

describe('the designs written from the docs alone', () => {
  it.each([
    ['consumer-broken', 'violation', [['invariant', 'acked is applied', 4]], 54],
    ['consumer-nodedupe', 'violation', [['invariant', 'applied at most once', 4]], 47],
    ['consumer-fixed', 'ok', [], 693],
    ['quorum-broken', 'violation', [['invariant', 'read sees the last acknowledged write', 8]], 46448],
    ['lock-token-volatile', 'violation', [['invariant', 'one writer per token', 12]], 1744],
    ['lock-token-durable', 'ok', [], 12132],
    ['queue-calls-no-dedupe', 'violation', [['invariant', 'applied at most once', 5], ['replay', 'Deliver', 5]], 58],
    ['queue-calls-request-id', 'violation', [['invariant', 'applied at most once', 8]], 265],
    ['queue-calls-message-id', 'ok', [], 4775],
  ] as const)('%s', (slug, verdict, violations, states) => {
    const r = exploreV2(model(slug));
    expect(r.verdict).toBe(verdict);
    expect(r.violations.map((v) => [v.kind, v.name, v.depth])).toEqual(violations);
    expect(r.states).toBe(states);
  });

  it('the Paxos pair loads (its checks are too large for the tests)', () => {
    for (const slug of ['paxos-acceptor-volatile', 'paxos-acceptor-durable']) expect(model(slug).instances.map((i) => i.name)).toEqual(['Proposer[1]', 'Proposer[2]', 'Acceptor[1]', 'Acceptor[2]', 'Acceptor[3]']);
  });

  it('the fixed quorum design loads (its check is too large for the tests)', () => {
    expect(model('quorum-fixed').instances.map((i) => i.name)).toEqual(['Writer', 'Replica[1]', 'Replica[2]', 'Replica[3]', 'Reader']);
  });
});
