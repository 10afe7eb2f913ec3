#!/usr/bin/env node
// `node scripts/v2-cpu-ab.mjs OLD_TREE NEW_TREE [PROCESSES]`: configurations per CPU second of
// version 2's TwoPhase with 3 to 7 resource managers and version 1's kv-register (45,825) and two
// channel-heavy designs (103,142 and 236,435: bench/shapeDesigns.ts), for two checkouts
// (each a directory holding src/, examples/ and test-fixtures/, e.g. a `git worktree` or a `git
// archive` of a commit) in one sitting. Each tree's bench loop (as bench/engine.ts's, in CPU
// seconds by process.cpuUsage, the best of 5 runs after a warm-up) is bundled with esbuild; then
// one process per side runs, A B A B …, PROCESSES times (default 7); min and median per design.
// On the shared machine only such an alternation separates A from B. Prints figures, asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const [oldTree, newTree, processes = '7'] = process.argv.slice(2);
if (!oldTree || !newTree) throw new Error('usage: node scripts/v2-cpu-ab.mjs OLD_TREE NEW_TREE [PROCESSES]');
const dir = mkdtempSync(join(tmpdir(), 'v2-cpu-ab-'));

const loop = (root) => `
import { readFileSync } from 'node:fs';
import { explore } from ${JSON.stringify(join(root, 'src/engine/explorer'))};
import { exploreV2 } from ${JSON.stringify(join(root, 'src/engine/v2/explorer'))};
import { loadDesign } from ${JSON.stringify(join(root, 'src/model/load'))};
import { loadDesignValueV2 } from ${JSON.stringify(join(root, 'src/model/v2/load'))};
import { loadDesignValue } from ${JSON.stringify(join(root, 'src/model/load'))};
import { channelsDesign } from ${JSON.stringify(join(root, 'bench/shapeDesigns'))};
const twoPhase = (rms) => {
  const d = JSON.parse(readFileSync(${JSON.stringify(join(root, 'examples/v2/tla-two-phase.protocol.json'))}, 'utf8'));
  d.roles[1].instances = rms;
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error('TwoPhase does not load');
  return r.model;
};
const kv = loadDesign(readFileSync(${JSON.stringify(join(root, 'test-fixtures/conformance/valid/kv-register.protocol.json'))}, 'utf8'));
if (!kv.ok) throw new Error('kv-register does not load');
const best = (run) => {
  run();
  let cpu = Infinity;
  let r;
  for (let i = 0; i < 5; i++) {
    const t0 = process.cpuUsage();
    r = run();
    const u = process.cpuUsage(t0);
    cpu = Math.min(cpu, (u.user + u.system) / 1e6);
  }
  return { cpu, states: r.states, transitions: r.transitions, bytes: r.bytesPerState };
};
const out = { 'v1 kv-register': best(() => explore(kv.model)) };
// Version-1 designs about as large as TwoPhase 7 (296,448): per configuration, a search costs more
// as its set outgrows the processor's caches, so rates compare at like sizes.
for (const [name, p] of [['v1 channels r2 d3 u1 c3', { requests: 2, drop: 3, duplicate: 1, crashes: 3 }], ['v1 channels r2 d2 u2 c2', { requests: 2, drop: 2, duplicate: 2, crashes: 2 }]]) {
  const m = loadDesignValue(channelsDesign(p));
  if (!m.ok) throw new Error(name + ' does not load');
  out[name] = best(() => explore(m.model));
}
for (const n of [3, 4, 5, 6, 7]) {
  const m = twoPhase(n);
  out['v2 TwoPhase ' + n + ' RMs'] = best(() => exploreV2(m));
}
console.log(JSON.stringify(out));
`;
const bundles = [];
for (const [side, tree] of [['A', oldTree], ['B', newTree]]) {
  const entry = join(dir, `loop-${side}.ts`);
  writeFileSync(entry, loop(resolve(tree)));
  const outfile = join(dir, `loop-${side}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  bundles.push(outfile);
}
const runs = { A: [], B: [] };
for (let i = 0; i < Number(processes); i++) {
  runs.A.push(JSON.parse(execFileSync('node', [bundles[0]], { encoding: 'utf8' })));
  runs.B.push(JSON.parse(execFileSync('node', [bundles[1]], { encoding: 'utf8' })));
}
const median = (x) => {
  const s = [...x].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`A = ${oldTree}, B = ${newTree}; ${processes} processes per side, alternating; CPU seconds min / median; rates from the min`);
for (const design of Object.keys(runs.A[0])) {
  const a = runs.A.map((r) => r[design].cpu);
  const b = runs.B.map((r) => r[design].cpu);
  const [ra, rb] = [runs.A[0][design], runs.B[0][design]];
  const same = ra.states === rb.states && ra.transitions === rb.transitions ? '' : '  COUNTS DIFFER';
  const cell = (x, r) => `${Math.min(...x).toFixed(4)} / ${median(x).toFixed(4)}, ${Math.round(r.states / Math.min(...x))}/s, ${r.bytes} B`;
  console.log(`${design}: ${rb.states} configurations, ${rb.transitions} transitions; A ${cell(a, ra)}; B ${cell(b, rb)}; B/A medians ${(median(b) / median(a)).toFixed(3)}${same}`);
}
