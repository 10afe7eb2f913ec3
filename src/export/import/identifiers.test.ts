import { describe, expect, it } from 'vitest';
import { identifierProblem } from '../../model/identifiers';
import { identifierFor } from './identifiers';

describe('identifierFor', () => {
  it('drops accents, spells other letters by code point, and keeps different names apart', () => {
    const taken = new Set<string>();
    const names = [
      'Ünï',
      'Uni',
      '名前',
      '走る',
      'naïve-event',
      'a-b',
      'a_b',
      '__proto__',
      'constructor',
      '9lives',
      '📋 Done',
      '',
    ].map((n) => identifierFor(n, taken));
    expect(names).toEqual([
      'Uni',
      'Uni_2',
      'u540d_u524d',
      'u8d70_u308b',
      'naive_event',
      'a_b',
      'a_b_2',
      '__proto___',
      'constructor',
      '_9lives',
      '__Done',
      'unnamed',
    ]);
    for (const n of names) expect(identifierProblem(n, 'state name')).toBeNull();
  });

  it('keeps a long name within 64 characters when it needs a suffix', () => {
    const taken = new Set<string>();
    const long = 'x'.repeat(200);
    const names = Array.from({ length: 12 }, () => identifierFor(long, taken));
    expect(new Set(names).size).toBe(12);
    for (const n of names) expect(identifierProblem(n, 'state name')).toBeNull();
  });
});
