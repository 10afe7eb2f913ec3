#!/usr/bin/env node
// `node scripts/shapes-cpu-ab.mjs OLD_TREE NEW_TREE [RUNS]`: issue 16's shape rows (`npm run bench
// -- engine --shapes`) for two checkouts and the hand-specialized explorers (bench/specialized, of
// NEW_TREE) in one sitting. A tree is a directory holding src/, bench/ and examples/ (a `git worktree`,
// or `git archive REV src bench examples | tar -x -C DIR`). Each tree's `explore` (and `exploreV2`
// for the `v2 TwoPhase` rows, on that tree's examples/v2/tla-two-phase.protocol.json) is bundled with esbuild;
// then one process per row runs old, new and specialized alternately (and reversed), RUNS times
// (default 11; 7 for the four large rows, more for the two smallest) after one warm-up each, in CPU seconds
// (process.cpuUsage): min / median, and the ratio of each min to the specialized one's.
// On the shared machine only such an alternation separates A from B. Prints figures, asserts nothing.
// `SHAPES_ROWS="vars p4 c2,channels r2 d1 u1 c1"` runs only the rows named.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const [oldTree, newTree, runsArg] = process.argv.slice(2);
if (!oldTree || !newTree) throw new Error('usage: node scripts/shapes-cpu-ab.mjs OLD_TREE NEW_TREE [RUNS]');
const dir = mkdtempSync(join(tmpdir(), 'shapes-cpu-ab-'));

/** Row name → the design's parameters (bench/shapeDesigns.ts, bench/engineDesigns.ts) and the specialized explorer's. */
const ROWS = [
  ['channels r2 d1 u1 c1', 'channels', { requests: 2, drop: 1, duplicate: 1, crashes: 1 }],
  ['channels r2 d2 u2 c2', 'channels', { requests: 2, drop: 2, duplicate: 2, crashes: 2 }],
  ['channels r2 d3 u1 c3', 'channels', { requests: 2, drop: 3, duplicate: 1, crashes: 3 }],
  ['channels r3 d1 u1 c1', 'channels', { requests: 3, drop: 1, duplicate: 1, crashes: 1 }, 7],
  ['vars p4 c2', 'vars', { pairs: 4, crashes: 2 }],
  ['vars p5 c1', 'vars', { pairs: 5, crashes: 1 }, 7],
  ['register r1 b2 v64', 'register', { requests: 1, budget: 2, values: 64 }],
  ['register r2 b1 v8', 'register', { requests: 2, budget: 1, values: 8 }, 7],
  ['register r2 b1 v2', 'register', { requests: 2, budget: 1, values: 2 }],
  ['v2 TwoPhase 3 RMs', 'twoPhase', { rms: 3 }, 101],
  ['v2 TwoPhase 4 RMs', 'twoPhase', { rms: 4 }, 41],
  ['v2 TwoPhase 5 RMs', 'twoPhase', { rms: 5 }],
  ['v2 TwoPhase 6 RMs', 'twoPhase', { rms: 6 }],
  ['v2 TwoPhase 7 RMs', 'twoPhase', { rms: 7 }, 7],
];

const engine = (root) => `
import { readFileSync } from 'node:fs';
import { explore } from ${JSON.stringify(join(root, 'src/engine/explorer'))};
import { exploreV2 } from ${JSON.stringify(join(root, 'src/engine/v2/explorer'))};
import { loadDesignValue } from ${JSON.stringify(join(root, 'src/model/load'))};
import { loadDesignValueV2 } from ${JSON.stringify(join(root, 'src/model/v2/load'))};
import { registerDesign } from ${JSON.stringify(join(root, 'bench/engineDesigns'))};
import { channelsDesign, varsDesign } from ${JSON.stringify(join(root, 'bench/shapeDesigns'))};
const designs = { channels: channelsDesign, vars: varsDesign, register: registerDesign };
export function prepare(kind, params) {
  if (kind === 'twoPhase') {
    // TwoPhase.tla with params.rms resource managers (bench/engine.ts's v2 rows).
    const d = JSON.parse(readFileSync(${JSON.stringify(join(root, 'examples/v2/tla-two-phase.protocol.json'))}, 'utf8'));
    d.roles[1].instances = params.rms;
    const v2 = loadDesignValueV2(d);
    if (!v2.ok) throw new Error(kind + ' does not load');
    return () => { const x = exploreV2(v2.model); return { states: x.states, transitions: x.transitions, depth: x.depth, bytes: x.bytesPerState }; };
  }
  const r = loadDesignValue(designs[kind](params));
  if (!r.ok) throw new Error(kind + ' does not load');
  return () => { const x = explore(r.model); return { states: x.states, transitions: x.transitions, depth: x.depth, bytes: x.bytesPerState }; };
}
`;
const special = (root) => `
import { exploreChannels } from ${JSON.stringify(join(root, 'bench/specialized/channels'))};
import { exploreRegister } from ${JSON.stringify(join(root, 'bench/specialized/register'))};
import { exploreTwoPhase } from ${JSON.stringify(join(root, 'bench/specialized/twoPhase'))};
import { exploreVars } from ${JSON.stringify(join(root, 'bench/specialized/vars'))};
const explorers = { channels: exploreChannels, vars: exploreVars, register: exploreRegister, twoPhase: exploreTwoPhase };
export function prepare(kind, params) { return () => { const x = explorers[kind](params); return { ...x, bytes: x.bytesPerState }; }; }
`;
const bundle = async (name, code) => {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, code);
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return outfile;
};
const files = { old: await bundle('old', engine(resolve(oldTree))), new: await bundle('new', engine(resolve(newTree))), special: await bundle('special', special(resolve(newTree))) };

const row = `
const [kind, params, runs] = [process.argv[2], JSON.parse(process.argv[3]), Number(process.argv[4])];
const fns = {};
for (const [side, file] of Object.entries(${JSON.stringify(files)})) fns[side] = (await import(file)).prepare(kind, params);
const cpu = (f) => { const b = process.cpuUsage(); const r = f(); const u = process.cpuUsage(b); return [(u.user + u.system) / 1e6, r]; };
const info = {};
for (const side of Object.keys(fns)) info[side] = cpu(fns[side])[1];
const agree = (a, b) => a.states === b.states && a.transitions === b.transitions && a.depth === b.depth;
const same = agree(info.old, info.new) && agree(info.new, info.special);
const t = { old: [], new: [], special: [] };
for (let i = 0; i < runs; i++) for (const side of i % 2 === 0 ? ['old', 'new', 'special'] : ['special', 'new', 'old']) t[side].push(cpu(fns[side])[0]);
console.log(JSON.stringify({ t, states: info.new.states, bytes: [info.old.bytes, info.new.bytes, info.special.bytes], same }));
`;
const rowFile = join(dir, 'row.mjs');
writeFileSync(rowFile, row);

const stats = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  return [s[0], s[s.length >> 1]];
};
/** Seconds to three decimals, or to five below a hundredth (the smallest rows take a fraction of a millisecond). */
const sec = (x) => x.toFixed(x < 0.01 ? 5 : 3);
console.log(`old = ${oldTree}, new = ${newTree}; CPU seconds min / median; ratio = min / specialized min`);
console.log('| row (configurations) | old | new | specialized | ratio old → new | B/configuration old → new (specialized) |');
console.log('| --- | --- | --- | --- | --- | --- |');
const only = process.env.SHAPES_ROWS?.split(',').map((r) => r.trim());
for (const [name, kind, params, large] of ROWS.filter(([name]) => !only || only.includes(name))) {
  const runs = Number(runsArg ?? (large ?? 11));
  const r = JSON.parse(execFileSync('node', [rowFile, kind, JSON.stringify(params), String(runs)], { encoding: 'utf8' }));
  const [om, od] = stats(r.t.old);
  const [nm, nd] = stats(r.t.new);
  const [sm] = stats(r.t.special);
  const differ = r.same ? '' : ' COUNTS DIFFER';
  console.log(`| ${name} (${r.states.toLocaleString('en-US')}) | ${sec(om)}/${sec(od)} | ${sec(nm)}/${sec(nd)} | ${sec(sm)} | ${(om / sm).toFixed(2)} → ${(nm / sm).toFixed(2)} | ${r.bytes[0]} → ${r.bytes[1]} (${r.bytes[2]})${differ} |`);
}
