import { describe, expect, it } from 'vitest';
import { dedupeRecord } from './dedupe';

const record = (guard: string | undefined, updates: Record<string, string>) => dedupeRecord({ guard, updates });

describe('a transition that dedupes on an id its request carries', () => {
  it('reads a set, a map entry and a high-water mark, written either way round', () => {
    expect(record('!(event.id in seen)', { seen: 'seen + {event.id}' })).toBe('seen');
    expect(record('state == "up" && !(event.id in seen[sender])', { 'seen[sender]': '{event.id, 0} + seen[sender]' })).toBe('seen');
    expect(record('!done[event.id]', { 'done[event.id]': 'true' })).toBe('done');
    expect(record('count[event.id] == 0', { 'count[event.id]': 'count[event.id] + 1' })).toBe('count');
    expect(record('"new" == status[event.key]', { 'status[event.key]': '"applied"' })).toBe('status');
    expect(record('lastId < event.id', { lastId: 'max(lastId, event.id)' })).toBe('lastId');
    expect(record('event.id > lastId', { lastId: 'event.id' })).toBe('lastId');
  });

  it('needs the check and the record of the same key in one transition', () => {
    expect(record('event.id in seen', { seen: 'seen + {event.id}' })).toBeNull();
    expect(record('!(event.id in seen)', {})).toBeNull();
    expect(record('!(event.id in seen)', { seen: 'seen + {event.other}' })).toBeNull();
    expect(record('!(event.id in seen)', { seen: 'other + {event.id}' })).toBeNull();
    expect(record('!(lastId in seen)', { seen: 'seen + {lastId}' })).toBeNull();
    expect(record('!done[event.id]', { 'done[event.id]': 'false' })).toBeNull();
    expect(record('count[event.id] == 0', { 'count[event.id]': 'count[event.id] - 1' })).toBeNull();
    expect(record('event.id >= lastId', { lastId: 'event.id' })).toBeNull();
    expect(record('event.id > lastId || true', { lastId: 'event.id' })).toBeNull();
    expect(record(undefined, { lastId: 'event.id' })).toBeNull();
  });
});
