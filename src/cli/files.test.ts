import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../model/designFixture';
import { LIMITS } from '../model/limits';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { readBoundedText } from './files';
import { validateCommand } from './validate';
import { captureOutput } from './testOutput';

const io = captureOutput();

const dir = mkdtempSync(join(tmpdir(), 'files-'));

describe('files are read with a bound', () => {
  it('refuses a device before reading from it', async () => {
    expect(await readBoundedText('/dev/zero')).toEqual({ ok: false, message: expect.stringMatching(/is a device, not a regular file/) });
    expect(await validateCommand(['/dev/zero'])).toBe(2);
  });

  it('refuses a FIFO instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.protocol.json');
    execFileSync('mkfifo', [fifo]);
    expect(await readBoundedText(fifo)).toEqual({ ok: false, message: expect.stringMatching(/FIFO/) });
    expect(await checkCommand([fifo])).toBe(2);
  });

  it('refuses a folder and a file over the limit', async () => {
    expect((await readBoundedText(dir)).ok).toBe(false);
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(LIMITS.fileBytes + 10));
    expect(await readBoundedText(big)).toEqual({ ok: false, message: expect.stringMatching(/larger than 2097152 bytes/) });
  });

  it('refuses invalid UTF-8 with the byte offset', async () => {
    const bad = join(dir, 'latin1.protocol.json');
    writeFileSync(bad, Buffer.from([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x3a, 0x31, 0x7d])); // {"né":1} in Latin-1
    expect(await validateCommand([bad])).toBe(2);
    expect(io.out).toMatch(/not UTF-8 text: the byte at offset 3/);
  });
});

describe('output files', () => {
  it('export -o into a missing folder exits 2 with a sentence', async () => {
    const path = join(dir, 'ok.protocol.json');
    writeFileSync(path, JSON.stringify(paymentDesign()));
    expect(await exportCommand([path, '--to', 'json', '-o', join(dir, 'missing', 'out.json')])).toBe(2);
    expect(io.err).toMatch(/Cannot write .* \(its folder does not exist\)/);
    expect(await exportCommand([path, '--to', 'json', '-o', join(path, 'out.json')])).toBe(2);
    expect(io.err).toMatch(/not a folder/);
    expect(await exportCommand([path, '--to', 'json', '-o', join(dir, 'out.json')])).toBe(0);
  });
});

describe('what reaches the terminal', () => {
  it('shows control characters from a hostile design escaped, never raw', async () => {
    const d = paymentDesign() as Record<string, unknown>;
    d.name = 'x\u001b]0;owned\u0007\u001b[2J\u202e';
    d['bad\u001b[2Jkey'] = 1;
    const path = join(dir, 'hostile.protocol.json');
    writeFileSync(path, JSON.stringify(d));
    expect(await validateCommand([path])).toBe(2);
    expect(await checkCommand([path])).toBe(2);
    expect(await validateCommand([path, '--json'])).toBe(2);
    const all = io.out + io.err;
    expect(all).toContain('\\u{1b}[2J');
    // eslint-disable-next-line no-control-regex -- no raw control character may be printed
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
