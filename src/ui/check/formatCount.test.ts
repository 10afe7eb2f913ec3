import { describe, expect, it } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  it('prints what toLocaleString("en-US") prints for whole numbers', () => {
    for (const n of [0, 7, 999, 1000, 12345, 296448, 1259403, 2000000, -4500, 12.6]) {
      expect(formatCount(n)).toBe(Math.round(n).toLocaleString('en-US'));
    }
  });
});
