import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paymentDesign } from '../model/designFixture';
import { exportCommand } from './export';
import { captureOutput } from './testOutput';

const io = captureOutput();
const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'payment.protocol.json');
writeFileSync(file, JSON.stringify(paymentDesign()));

describe('export --to', () => {
  it('names a target it does not know, with the closest one, before the usage line', async () => {
    expect(await exportCommand([file, '--to', 'mermiad'])).toBe(2);
    expect(io.err).toMatch(/^export: there is no target "mermiad" \(did you mean mermaid\?\)\.\nusage: export FILE --to ts\|/);
    io.err = '';
    expect(await exportCommand([file])).toBe(2);
    expect(io.err).toMatch(/^export: --to is missing: name a target\.\nusage:/);
  });

  it('reads --to typescript as ts', async () => {
    expect(await exportCommand([file, '--to', 'typescript'])).toBe(0);
    const typescript = io.out;
    io.out = '';
    expect(await exportCommand([file, '--to', 'ts'])).toBe(0);
    expect(typescript).toBe(io.out);
    expect(typescript.length).toBeGreaterThan(0);
  });
});
