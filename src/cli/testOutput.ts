import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Test helper: what the commands of the calling test file write to stdout and stderr, reset
 * before each test (assign `''` to start over within one).
 */
export function captureOutput(): { out: string; err: string } {
  const io = { out: '', err: '' };
  beforeEach(() => {
    io.out = '';
    io.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((io.out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((io.err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return io;
}
