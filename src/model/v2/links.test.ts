import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesignValueV2 } from './load';
import type { DesignV2 } from './schema';

/** `network.links` (docs/format-v2.md §6): what a link may say, and every way to get it wrong. */

const twoPhase = (): DesignV2 =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../examples/v2/tla-two-phase.protocol.json'), 'utf8'),
  ) as DesignV2;

function load(network: Record<string, unknown>) {
  const d = twoPhase();
  d.environment = { network: network as never };
  return loadDesignValueV2(d);
}

function errors(network: Record<string, unknown>): [string, string][] {
  const r = load(network);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

describe('network links', () => {
  it("give each kind its model and reliability; kinds without a link take the network's", () => {
    const r = load({
      model: 'channels',
      drop: 1,
      links: [
        { message: 'Prepared', model: 'pool' },
        { from: 'TM', to: 'RM', reliable: true },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.messages.map((m) => [m.name, m.pool, m.reliable])).toEqual([
      ['Prepared', true, false],
      ['Commit', false, true],
      ['Abort', false, true],
    ]);
    expect(r.model.network.size).toBe(3); // Prepared from each of 3 RMs to the one TM
    expect(r.model.network.channels).toHaveLength(3); // TM→RM[1..3]
  });

  it('allow channel keys on a pool network once some kind travels on channels', () => {
    expect(
      errors({ model: 'pool', capacity: 1, drop: 1, links: [{ message: 'Commit', model: 'channels' }] }),
    ).toEqual([]);
    expect(errors({ model: 'pool', capacity: 1 })).toEqual([
      ['/environment/network/capacity', 'not-for-pool'],
    ]);
    expect(
      errors({
        model: 'channels',
        capacity: 1,
        links: [
          { from: 'RM', to: 'TM', model: 'pool' },
          { from: 'TM', to: 'RM', model: 'pool' },
        ],
      }),
    ).toEqual([['/environment/network/capacity', 'not-for-pool']]);
  });

  it('refuse a link that names nothing, both a kind and a pair, half a pair, or unknown names', () => {
    expect(errors({ model: 'channels', links: [{ reliable: true }] })).toEqual([
      ['/environment/network/links/0', 'bad-link'],
    ]);
    expect(
      errors({ model: 'channels', links: [{ message: 'Commit', from: 'TM', to: 'RM', reliable: true }] }),
    ).toEqual([['/environment/network/links/0', 'bad-link']]);
    expect(errors({ model: 'channels', links: [{ from: 'TM', reliable: true }] })).toEqual([
      ['/environment/network/links/0', 'bad-link'],
    ]);
    expect(errors({ model: 'channels', links: [{ message: 'Comit', reliable: true }] })).toEqual([
      ['/environment/network/links/0/message', 'unknown-message'],
    ]);
    expect(errors({ model: 'channels', links: [{ from: 'TM', to: 'XX', reliable: true }] })).toEqual([
      ['/environment/network/links/0/to', 'unknown-role'],
    ]);
    expect(errors({ model: 'channels', links: [{ from: 'RM', to: 'RM', reliable: true }] })).toEqual([
      ['/environment/network/links/0', 'empty-link'],
    ]);
  });

  it('are at most 64, refused before the schema runs', () => {
    const links = Array.from({ length: 65 }, () => ({ message: 'Commit', reliable: true }));
    expect(errors({ model: 'channels', links })).toEqual([['/environment/network/links', 'too-many']]);
  });

  it('refuse a link that changes nothing, "reliable" in the pool, and a second link for a kind', () => {
    expect(errors({ model: 'channels', links: [{ message: 'Commit' }] })).toEqual([
      ['/environment/network/links/0', 'empty-link'],
    ]);
    expect(errors({ model: 'pool', links: [{ message: 'Commit', reliable: true }] })).toEqual([
      ['/environment/network/links/0/reliable', 'not-for-pool'],
    ]);
    expect(
      errors({ model: 'channels', links: [{ message: 'Commit', model: 'pool', reliable: false }] }),
    ).toEqual([['/environment/network/links/0/reliable', 'not-for-pool']]);
    expect(
      errors({
        model: 'channels',
        links: [
          { from: 'TM', to: 'RM', reliable: true },
          { message: 'Abort', model: 'pool' },
        ],
      }),
    ).toEqual([['/environment/network/links/1', 'duplicate-link']]);
  });
});
