import { describe, expect, it } from 'vitest';
import { parseCommandArguments } from './arguments';

const spec = { flags: ['json'], options: { to: '', out: 'o' } };

describe('parseCommandArguments', () => {
  it('reads one file, flags and options in any order', () => {
    const parsed = parseCommandArguments(['--to', 'ts', 'a.json', '-o', 'out.ts', '--json'], spec);
    expect(parsed).toEqual({ file: 'a.json', flags: new Set(['json']), options: { to: 'ts', out: 'out.ts' } });
  });

  it('says shortly what is wrong instead of throwing', () => {
    expect(parseCommandArguments([], spec)).toBe('missing FILE');
    expect(parseCommandArguments(['a', 'b'], spec)).toBe('unexpected argument b');
    expect(parseCommandArguments(['a', '--yaml'], spec)).toBe('unknown option --yaml');
    expect(parseCommandArguments(['a', '--to'], spec)).toBe('option --to needs a value');
  });
});
