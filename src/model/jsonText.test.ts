import { describe, expect, it } from 'vitest';
import { lineColumn, readJsonText, scanJson, utf8Length } from './jsonText';

describe('readJsonText', () => {
  it('parses valid JSON, with or without a byte-order mark', () => {
    expect(readJsonText('{"a": [1, 2.5e3, -0, true, null, "x\\u00e9\\n"]}')).toEqual({ ok: true, value: { a: [1, 2500, -0, true, null, 'xé\n'] } });
    expect(readJsonText('\ufeff{}')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['', 1, 1, 'expected a value but found the end of the file'],
    ['{"a": ', 1, 7, 'expected a value'],
    ['{\n  "a" 1}', 2, 7, 'expected ":" after a property name'],
    ['[1,]', 1, 4, 'expected a value but found "]"'],
    ['{"a":tru}', 1, 6, 'expected a value'],
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes'],
    ['{"a": 1} x', 1, 10, 'expected the end of the file'],
    ['{"a": "x\ny"}', 1, 9, 'control character'],
    ['{"a": "\\q"}', 1, 8, 'unknown escape'],
    ['{"a": "open', 1, 12, 'not closed'],
    ['{"a": 01}', 1, 8, 'expected "," or "}"'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes or "}"'],
  ])('reports bad JSON %j at line %i, column %i', (text, line, column, words) => {
    const r = readJsonText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.path).toBe('');
    expect(r.error.code).toBe('not-json');
    expect(r.error.message).toContain(words);
    expect(r.error.message).toContain(`line ${line}, column ${column}`);
  });

  it('refuses nesting deeper than 64 levels without parsing it', () => {
    const ok = '['.repeat(64) + ']'.repeat(64);
    expect(readJsonText(ok).ok).toBe(true);
    const deep = '['.repeat(65) + ']'.repeat(65);
    expect(readJsonText(deep)).toMatchObject({ ok: false, error: { path: '', code: 'too-deep' } });
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(readJsonText(JSON.stringify({ s: '['.repeat(500) })).ok).toBe(true);
  });

  it('refuses a file over 2 MiB, counting UTF-8 bytes', () => {
    const big = JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) });
    expect(readJsonText(big)).toMatchObject({ ok: false, error: { path: '', code: 'file-too-large' } });
    // 0.8 Mi characters of "é" are 1.6 MiB; of "€", 2.4 MiB.
    expect(readJsonText(JSON.stringify({ d: 'é'.repeat(800_000) })).ok).toBe(true);
    expect(readJsonText(JSON.stringify({ d: '€'.repeat(800_000) }))).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
  });

  it('refuses 5 MB of hostile text quickly and without a stack overflow', () => {
    for (const hostile of ['['.repeat(5_000_000), '{"a":'.repeat(1_000_000), '"' + 'x'.repeat(5_000_000)]) {
      const r = readJsonText(hostile);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/2 MiB/);
    }
    // Under the size limit, deep nesting is refused by the scanner, not by JSON.parse.
    expect(readJsonText('['.repeat(1_500_000))).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });
});

describe('helpers', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
  it('finds lines and columns', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('scanJson accepts every JSON shape', () => {
    expect(scanJson('  {"a":{"b":[[],{}]},"c":-1.5E+2}  ', 64)).toBeNull();
  });
});

describe('values JSON.parse would change silently', () => {
  it('refuses a repeated key at the later key, however deep', () => {
    expect(readJsonText('{"name":"a","vars":[],"name":"b"}')).toMatchObject({ ok: false, error: { code: 'duplicate-key', path: '/name' } });
    const nested = readJsonText('{"states":[{"name":"A"},{"name":"B","initial":true,"initial":false}]}');
    expect(nested).toMatchObject({ ok: false, error: { code: 'duplicate-key', path: '/states/1/initial' } });
    if (!nested.ok) expect(nested.error.message).toMatch(/"initial" appears twice.*line 1/);
    // The same key in sibling objects is fine.
    expect(readJsonText('[{"a":1},{"a":2}]').ok).toBe(true);
  });

  it('says a number beyond a double is too large, at its path', () => {
    const r = readJsonText('{"vars":[{"type":{"int":[0, 1e400]}}]}');
    expect(r).toMatchObject({ ok: false, error: { code: 'number-too-large', path: '/vars/0/type/int/1' } });
    if (!r.ok) expect(r.error.message).toMatch(/1e400 is too large/);
    expect(readJsonText('[-1e400]')).toMatchObject({ ok: false, error: { path: '/0' } });
    expect(readJsonText('[1e300, 1e-400]').ok).toBe(true);
  });
});
