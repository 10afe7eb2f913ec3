import { describe, expect, it } from 'vitest';
import { RecordLinks } from './recordLinks';

describe('RecordLinks', () => {
  it('keeps parents, ordinals (widened past 255) and blocked bits across growth', () => {
    const links = new RecordLinks();
    for (let r = 0; r < 5000; r++) links.set(r, r - 1, r % 200);
    links.set(5000, 4999, 70_000);
    links.block(4097);
    for (let r = 0; r < 5000; r++) {
      expect(links.parent[r]).toBe(r - 1);
      expect(links.ordinal[r]).toBe(r % 200);
    }
    expect(links.ordinal[5000]).toBe(70_000);
    expect(links.isBlocked(4097)).toBe(true);
    expect(links.isBlocked(4096)).toBe(false);
    expect(links.isBlocked(4098)).toBe(false);
  });
});
