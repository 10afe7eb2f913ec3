import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test support: where the conformance designs are. The live shared suite (`../shared/conformance`
 * beside the checkout, as in CI) when it is there, so tests grow with it; otherwise the copy in
 * `test-fixtures/conformance`, so `npm test` also runs on a clone without the shared folder.
 */
const root = join(import.meta.dirname, '..');
const live = join(root, '..', 'shared', 'conformance');

export function conformanceDir(half: 'valid' | 'invalid'): string {
  const dir = join(live, half);
  return existsSync(join(dir, 'expected.json')) ? dir : join(root, 'test-fixtures', 'conformance', half);
}
