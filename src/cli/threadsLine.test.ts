import { describe, expect, it } from 'vitest';
import { threadsTookPart } from './threadsLine';

describe('the verdict line says how many threads took part', () => {
  it('says nothing when one thread was asked for', () => expect(threadsTookPart(1, 1)).toBe(''));
  it('says one thread when the others sat out', () => expect(threadsTookPart(1, 2)).toBe(', on 1 thread'));
  it('says how many took part, not how many were allowed', () => {
    expect(threadsTookPart(2, 4)).toBe(', on 2 threads');
    expect(threadsTookPart(3, 3)).toBe(', on 3 threads');
  });
});
