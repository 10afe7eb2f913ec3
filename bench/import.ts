/**
 * Import benchmark: milliseconds to import Mermaid and XState texts of growing size, to show that
 * reading is linear (time per line stays flat) and that texts over the limits are refused at once.
 * Prints figures, asserts nothing. Run as `npm run bench -- import`.
 */
import { importDesign, type ImportSource } from '../src/export/import';

function mermaid(lines: number): string {
  const out = ['stateDiagram-v2', '[*] --> s0'];
  for (let i = 0; out.length < lines; i++) out.push(`s${i % 900} --> s${(i + 1) % 900} : e${i % 50}`);
  return out.join('\n');
}

function xstate(lines: number): string {
  const states: string[] = [];
  for (let i = 0; states.length < lines - 2; i++)
    states.push(`  s${i}: { on: { GO: 's${i + 1}', BACK: 's0' }, after: { 100: 's0' } },`);
  return `createMachine({ initial: 's0', states: {\n${states.join('\n')}\n  s${states.length}: {} } })`;
}

function time(text: string, from: ImportSource): { ms: number; outcome: string } {
  importDesign(text, from);
  const start = performance.now();
  const r = importDesign(text, from);
  const ms = performance.now() - start;
  return {
    ms,
    outcome: r.ok ? `${r.design.states.length} states` : `refused: ${r.errors[0]!.message.slice(0, 50)}`,
  };
}

const rows = [['source', 'lines', 'ms', 'µs/line', 'outcome']];
for (const [from, make, sizes] of [
  ['mermaid', mermaid, [1_000, 4_000, 16_000, 200_000]],
  ['xstate', xstate, [250, 500, 1_000, 200_000]],
] as const) {
  for (const lines of sizes) {
    const { ms, outcome } = time(make(lines), from);
    rows.push([from, String(lines), ms.toFixed(1), ((ms * 1000) / lines).toFixed(1), outcome]);
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
