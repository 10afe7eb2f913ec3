import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceDir } from '../conformanceSuite';
import { loadDesign } from './load';

/** The conformance suite: valid designs load, invalid ones fail at the expected paths. */
describe('conformance: valid designs load with no error', () => {
  const dir = conformanceDir('valid');
  const files = readdirSync(dir).filter((f) => f.endsWith('.protocol.json'));
  it('has designs to load', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s', (file) => {
    const r = loadDesign(readFileSync(join(dir, file), 'utf8'));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('conformance: invalid designs fail at the expected paths', () => {
  const dir = conformanceDir('invalid');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, string[]>;
  const files = readdirSync(dir).filter((f) => f.endsWith('.protocol.json'));
  it('lists every invalid design in expected.json', () => {
    expect(files.filter((f) => !(f in expected))).toEqual([]);
  });
  it.each(Object.entries(expected))('%s', (file, paths) => {
    const r = loadDesign(readFileSync(join(dir, file), 'utf8'));
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    for (const path of paths) {
      expect(errors.some((e) => e.path.startsWith(path)), `no error at ${path}: ${JSON.stringify(errors)}`).toBe(true);
    }
    for (const e of errors) expect(e.message.trim()).not.toBe('');
  });
});
