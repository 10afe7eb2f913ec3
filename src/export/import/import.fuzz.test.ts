import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../model/load';
import { importDesign, type ImportResult, type ImportSource } from '.';

/**
 * Random Mermaid- and XState-like text, and real corpus files cut and spliced at random: an
 * import always returns (no exception, bounded by the text's size), a refusal names a line inside
 * the text and says something, and an accepted design loads.
 */

const MERMAID_TOKENS = [
  'stateDiagram-v2',
  'stateDiagram',
  '[*]',
  '-->',
  '--',
  ':',
  ' : ',
  'state',
  'as',
  '"A b"',
  '{',
  '}',
  '<<choice>>',
  '<<fork>>',
  '<<join>>',
  'note right of',
  'end note',
  'direction LR',
  'classDef x fill:#f00',
  ':::x',
  '%%',
  '---',
  'title: T',
  'accTitle: t',
  'accDescr {',
  'A',
  'B',
  'Ünï',
  '名前',
  'a.b',
  'A_to_B',
  '[x > 1]',
  '/ act',
  '<br/>',
  '\\n',
  '#35;',
  '#99999999;',
  'constructor',
  '__proto__',
  '```mermaid',
  '```',
  '\n',
  '\n',
  '\n',
  ' ',
  '\t',
];
const XSTATE_TOKENS = [
  'createMachine(',
  'Machine(',
  'setup({ types: {} as T }).createMachine(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  "'",
  '"',
  '`',
  '${x}',
  'initial',
  'states',
  'on',
  'after',
  'always',
  'invoke',
  'onDone',
  'onError',
  'target',
  'guard',
  'cond',
  "'a'",
  "'b'",
  "'#id.x'",
  "'.c'",
  'type',
  "'parallel'",
  "'final'",
  "'history'",
  '...rest',
  '...shared',
  'as const',
  'satisfies X',
  'and([',
  'not(',
  "stateIn('a')",
  '() => {}',
  '// c\n',
  '/* c */',
  'const shared = ',
  '1000',
  '-1',
  '1e400',
  'null',
  'undefined',
  'true',
  '<T, U>',
  '=>',
  '\n',
  ' ',
];

const textOf = (tokens: readonly string[]) =>
  fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((parts) => parts.join(' '));

function checkResult(text: string, r: ImportResult): void {
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    const lines = text.split('\n').length;
    for (const e of r.errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.line).toBeGreaterThanOrEqual(0);
      expect(e.line).toBeLessThanOrEqual(lines);
    }
    return;
  }
  const loaded = loadDesignValue(r.design);
  if (!loaded.ok)
    throw new Error(`an accepted import does not load: ${JSON.stringify(loaded.errors)}\n${text}`);
}

function importsCleanly(text: string, from: ImportSource): void {
  let r: ImportResult;
  try {
    r = importDesign(text, from);
  } catch (e) {
    throw new Error(`import threw ${String(e)} on:\n${text}`);
  }
  checkResult(text, r);
}

const corpus = ['test-fixtures/import-corpus', 'test-fixtures/import-corpus-wild'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => !/^(MANIFEST|expected)\.json$|README\.md$/.test(f))
    .map((f) => ({
      text: readFileSync(`${dir}/${f}`, 'utf8'),
      from: (f.startsWith('mermaid-') || f.endsWith('.mmd') ? 'mermaid' : 'xstate') as ImportSource,
    })),
);

describe('importing random text', () => {
  it('never throws on Mermaid-like text', () => {
    fc.assert(
      fc.property(textOf(MERMAID_TOKENS), fc.boolean(), (body, header) =>
        importsCleanly(header ? `stateDiagram-v2\n${body}` : body, 'mermaid'),
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on XState-like text', () => {
    fc.assert(
      fc.property(textOf(XSTATE_TOKENS), (body) => importsCleanly(`createMachine({ ${body}`, 'xstate')),
      { numRuns: 400 },
    );
  });

  it('never throws on real files cut and spliced at random', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat({ max: 40 }),
            fc.constantFrom('', '{', '}', '\n', "'", '`', '...', '-->', ':'),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (file, cuts) => {
          let text = file.text;
          for (const [at, length, insert] of cuts) {
            const k = text.length === 0 ? 0 : at % text.length;
            text = text.slice(0, k) + insert + text.slice(k + length);
          }
          importsCleanly(text, file.from);
        },
      ),
      { numRuns: 300 },
    );
  });
});
