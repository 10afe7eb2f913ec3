import { describe, expect, it } from 'vitest';
import { checkCommand } from './check';
import { captureOutput } from './testOutput';

/** A wrong option (`check --help`) shows both forms of `check`, so the Spin engine is found from the usage line. */
const io = captureOutput();

describe('check with an option it does not know', () => {
  it('says which, and shows the usage of both engines', async () => {
    expect(await checkCommand(['design.json', '--help'])).toBe(2);
    expect(io.err).toContain('check: unknown option --help');
    expect(io.err).toContain('usage: check FILE [--json] [--max-states N]');
    expect(io.err).toContain('check FILE --engine spin [--cores N] [--bitstate]');
  });
});
