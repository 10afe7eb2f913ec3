import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it, afterAll } from 'vitest';
import { explore } from '../../engine/explorer';
import { loadDesignValue } from '../../model/load';
import { importDesign, type ImportResult } from '.';

/**
 * The import corpora: real Mermaid and XState machines from public projects, sources and
 * licences in each folder's MANIFEST.json. `test-fixtures/import-corpus/` holds Mermaid's and
 * XState's own docs and examples; `test-fixtures/import-corpus-wild/` files written by others
 * (application code, other projects' docs, Markdown pages with several diagrams). For each file
 * the test pins what the import gives: its class (faithful, approximated with a summary, refused
 * with a reason), the states, the transition count, the states reachable from the initial one,
 * and the summary. Expectations change only through `UPDATE_CORPUS=1 npx vitest run
 * src/export/import/corpus.test.ts`; the totals are printed.
 */

const DIRS = ['test-fixtures/import-corpus', 'test-fixtures/import-corpus-wild'];
/** A file's format is in its name: `mermaid-…` (or `.mmd`), else XState. */
const sourceOf = (file: string) =>
  file.startsWith('mermaid-') || file.endsWith('.mmd') ? 'mermaid' : 'xstate';

type Outcome = ReturnType<typeof describeImport>;

function reachable(r: Extract<ImportResult, { ok: true }>): string[] {
  const seen = new Set([r.design.states.find((s) => s.initial)!.name]);
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    for (const t of r.design.transitions) {
      if (t.from === queue[i] && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return r.design.states.map((s) => s.name).filter((s) => seen.has(s));
}

/**
 * The states the checker reaches with 4 client requests (the most a design allows) and no faults:
 * the imported design must be checkable, and with enough requests reach what the graph reaches.
 */
function checked(r: Extract<ImportResult, { ok: true }>): { verdict: string; reached: string[] } {
  const loaded = loadDesignValue({
    ...r.design,
    environment: { requests: 4, checks: { deadlock: false, replay: false } },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const result = explore(loaded.model, { maxStates: 20_000 });
  return { verdict: result.verdict, reached: [...result.coverage.states.reached] };
}

function describeImport(r: ImportResult) {
  if (!r.ok) return { class: 'refused' as const, reasons: r.errors.map((e) => `${e.line}: ${e.message}`) };
  return {
    class: r.summary.approximated.length > 0 ? ('approximated' as const) : ('faithful' as const),
    states: r.design.states.map((s) => s.name),
    transitions: r.design.transitions.length,
    reachable: reachable(r),
    checked: checked(r),
    imported: r.summary.imported,
    approximated: r.summary.approximated.map((n) => `${n.line}: ${n.message}`),
    dropped: r.summary.dropped.map((n) => `${n.line}: ${n.message}`),
  };
}

for (const DIR of DIRS) {
  const EXPECTED = `${DIR}/expected.json`;
  const files = readdirSync(DIR)
    .filter(
      (f) =>
        /\.(mmd|md|mdx|js|jsx|ts|tsx|json)$/.test(f) &&
        !/^(MANIFEST\.json|expected\.json|README\.md)$/.test(f),
    )
    .sort();
  const expected: Record<string, Outcome> = existsSync(EXPECTED)
    ? JSON.parse(readFileSync(EXPECTED, 'utf8'))
    : {};
  const actual: Record<string, Outcome> = {};

  describe(`the import corpus ${DIR}`, () => {
    it('has a source and a licence for every file', () => {
      const manifest = JSON.parse(readFileSync(`${DIR}/MANIFEST.json`, 'utf8')) as {
        file: string;
        repo: string;
        path: string;
        commit: string;
        licence: string;
      }[];
      expect(manifest.map((m) => m.file).sort()).toEqual(files);
      for (const m of manifest)
        expect(m.repo && m.path && /^[0-9a-f]{40}$/.test(m.commit) && m.licence).toBeTruthy();
    });

    for (const file of files) {
      it(`imports ${file} as pinned`, () => {
        const text = readFileSync(`${DIR}/${file}`, 'utf8');
        const r = importDesign(text, sourceOf(file));
        const outcome = describeImport(r);
        actual[file] = outcome;
        if (r.ok) {
          // Nothing silently changed: a design that loses reachable states says so.
          if (outcome.class === 'faithful') expect(r.summary.approximated).toEqual([]);
        } else for (const e of r.errors) expect(e.message).toMatch(/[;:] .*|\.$/);
        if (process.env['UPDATE_CORPUS'] !== '1') expect(outcome).toEqual(expected[file]);
      });
    }

    afterAll(() => {
      const counts = { faithful: 0, approximated: 0, refused: 0 };
      for (const o of Object.values(actual)) counts[o.class]++;
      console.log(
        `import corpus ${DIR}: ${files.length} files: ${counts.faithful} faithful, ${counts.approximated} approximated with a summary, ${counts.refused} refused with a reason`,
      );
      if (process.env['UPDATE_CORPUS'] === '1' && Object.keys(actual).length === files.length)
        writeFileSync(EXPECTED, `${JSON.stringify(actual, null, 1)}\n`);
    });
  });
}
