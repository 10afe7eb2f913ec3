import { describe, expect, it } from 'vitest';
import { escapeToken, parsePointer, toPointer } from './pointer';

describe('JSON Pointers (RFC 6901)', () => {
  it('is empty for the whole file', () => {
    expect(toPointer([])).toBe('');
  });
  it('joins keys and indices', () => {
    expect(toPointer(['transitions', 0, 'guard'])).toBe('/transitions/0/guard');
  });
  it('escapes ~ before /', () => {
    expect(escapeToken('a~/b')).toBe('a~0~1b');
    expect(toPointer(['updates', 'x/y', '~1'])).toBe('/updates/x~1y/~01');
  });
  it('round-trips through parsePointer', () => {
    for (const path of [['a/b', '~', '~1', ''], ['x', '0']]) expect(parsePointer(toPointer(path))).toEqual(path);
  });
});
