/**
 * Engine benchmark: configurations per second and bytes per stored configuration on one thread,
 * for the conformance `kv-register` and a scalable family; then the command line end to end on
 * a design of about a million configurations. Prints figures, asserts nothing.
 * Run as `npm run bench -- engine` (`--quick` for a shorter family, `--shapes` for the shape table
 * alone); `scripts/bench.mjs` bundles this file with esbuild first, so the engine runs as the
 * command line ships it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explore } from '../src/engine/explorer';
import { exploreV2 } from '../src/engine/v2/explorer';
import { loadDesign, loadDesignValue } from '../src/model/load';
import type { Model } from '../src/model/model';
import { loadDesignValueV2 } from '../src/model/v2/load';
import type { ModelV2 } from '../src/model/v2/model';
import { registerDesign, type FamilyParams } from './engineDesigns';
import { channelsDesign, varsDesign } from './shapeDesigns';
import { exploreChannels } from './specialized/channels';
import { exploreRegister } from './specialized/register';
import { exploreTwoPhase } from './specialized/twoPhase';
import { exploreVars } from './specialized/vars';
import type { SpecializedResult } from './specialized/packedSearch';

const root = process.cwd(); // scripts/bench.mjs runs every benchmark from the project root
const quick = process.argv.includes('--quick');
const shapesOnly = process.argv.includes('--shapes');
/** `--row=N`: run shape row N alone and print it as one JSON line (see `shapeJobs`). */
const rowOnly = process.argv.find((a) => a.startsWith('--row='));

function model(value: unknown): Model {
  const r = typeof value === 'string' ? loadDesign(value) : loadDesignValue(value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

const rows: string[][] = [['design', 'verdict', 'states', 'transitions', 'seconds', 'states/s', 'bytes/state']];
function row(name: string, r: { verdict: string; states: number; transitions: number; seconds: number; bytesPerState: number }): void {
  const rate = r.seconds > 0 ? Math.round(r.states / r.seconds) : 0;
  rows.push([name, r.verdict, String(r.states), String(r.transitions), r.seconds.toFixed(3), String(rate), String(r.bytesPerState)]);
}
/** The best of a few runs (after a warm-up for the JIT), as long as they take under a second or so. */
function measure(name: string, m: Model): void {
  explore(m, { maxStates: 50_000 });
  const limit = { maxSeconds: quick ? 3 : 10 }; // an `incomplete` row still gives the rate
  let best = explore(m, limit);
  let spent = best.seconds;
  for (let run = 1; run < 5 && spent < 1; run++) {
    const r = explore(m, limit);
    spent += r.seconds;
    if (r.seconds < best.seconds) best = r;
  }
  row(name, best);
}

// Warm the JIT on the whole path first: without it the first row ran at half the speed of the
// identical `register r2 b1 v2` row below.
for (let run = 0; run < 3; run++) explore(model(registerDesign({ requests: 2, budget: 2, values: 2 })));
const kvRegister = shapesOnly ? null : model(readFileSync(join(root, 'test-fixtures/conformance/valid/kv-register.protocol.json'), 'utf8'));
if (kvRegister) measure('kv-register', kvRegister);
/** Configurations per CPU second (process.cpuUsage), the best of `runs`: the v2 rows' yardstick. */
function cpuRate(runs: number, run: () => { states: number }): number {
  let best = Infinity;
  let states = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    states = run().states;
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return Math.round(states / Math.max(best, 1e-6));
}
const kvCpuRate = kvRegister ? cpuRate(5, () => explore(kvRegister)) : 0;
const family: FamilyParams[] = [];
for (const requests of [1, 2, 3]) for (const budget of [0, 1, 2]) family.push({ requests, budget, values: 2 });
family.push({ requests: 2, budget: 1, values: 3 }, { requests: 2, budget: 1, values: 2, reorder: true });
for (const p of shapesOnly ? [] : quick ? family.slice(0, 4) : family) {
  const d = registerDesign(p);
  measure(String(d.name), model(d));
}

// The shapes users write, each against a hand-specialized explorer for that one design
// (bench/specialized/), run alternately A B A B so a change in the machine's speed hits both alike;
// the best of each. Counts must agree, else the row says so.
const shapeRows: string[][] = [['shape', 'design', 'states', 'transitions', 'states/s', 'transitions/s', 'B/state', 'special states/s', 'special B/state', 'time ratio']];
/**
 * Whether a shape row runs its pair (general, specialized) again after `run` pairs that took
 * `spent` seconds: at least 3 (2 quick), up to 5 while under a second, and a small row (a few
 * ms a run) until a second, up to 5,000 pairs: the best of many, so a moment of load on the shared
 * machine (another process on the other core) does not decide a row of a few milliseconds.
 */
function moreRuns(run: number, spent: number): boolean {
  return run < (quick ? 2 : 3) || (run < 5 && spent < 1) || (!quick && run < 5000 && spent < 1);
}
/**
 * Runs both sides of a row alternately, untimed, for a second (at least once each; at most 5,000
 * pairs) before it is timed. The general explorers are large: V8 keeps optimizing them for 5 to
 * 15 runs of a mid-sized row (each search compiles the design into fresh closures), and for about
 * 800 runs of the smallest (TwoPhase 3 RMs, 0.1 ms a run: best ratio over pairs 1–50 1.68, 100–200
 * 1.43, 400–800 1.28, then level), while a hand explorer is warm after a few. Without this a row
 * timed the general explorer still warming (channels r2 d1 u1 c1: 74, 35, 31, 26 … 21 ms in its
 * first ten runs, against 60, 18, 16 … 15 ms for its specialized explorer). `--quick` skips it.
 */
function warm(general: () => unknown, special: () => unknown): void {
  if (quick) return;
  const t0 = performance.now();
  for (let run = 0; run < 5000 && (run < 1 || performance.now() - t0 < 1000); run++) {
    general();
    special();
  }
}
/** `run()` with `seconds` the wall time of the whole call: both sides of a shape row are timed alike (set-up and result included, as `scripts/shapes-cpu-ab.mjs` does). */
function called<R extends { seconds: number }>(run: () => R): R {
  const t0 = performance.now();
  const r = run();
  return { ...r, seconds: (performance.now() - t0) / 1000 };
}
/**
 * What one shape row gives: its cells, and for a TwoPhase row its line of the main table and its
 * CPU rate. Each row runs in a process of its own (`--row=N`, below), as a check from the command
 * line does: in one process the general explorer's shared code has already run every earlier
 * row's design, and V8's type feedback from them slows it on the next (vars p4 c2 after the
 * channel rows: 1.44–1.54× its specialized explorer, against 1.33–1.37× in a fresh process),
 * while each hand explorer is code of its own. Row order then no longer decides a row.
 */
interface ShapeOutput {
  readonly shape: string[];
  readonly main?: { name: string; r: Parameters<typeof row>[1] };
  readonly cpu?: string;
}
const shapeJobs: (() => ShapeOutput)[] = [];
function shape(kind: string, d: Record<string, unknown>, special: () => SpecializedResult): void {
  shapeJobs.push(() => shapeRun(kind, d, special));
}
function shapeRun(kind: string, d: Record<string, unknown>, special: () => SpecializedResult): ShapeOutput {
  const m = model(d);
  warm(() => explore(m, { maxSeconds: 60 }), special);
  let general: ExploreFigures | undefined;
  let hand: SpecializedResult | undefined;
  for (let run = 0, spent = 0; moreRuns(run, spent); run++) {
    const g = called(() => explore(m, { maxSeconds: 60 }));
    const h = called(special);
    spent += g.seconds + h.seconds;
    if (!general || g.seconds < general.seconds) general = g;
    if (!hand || h.seconds < hand.seconds) hand = h;
  }
  return { shape: shapeRow(kind, String(d.name), general!, hand!) };
}
type ExploreFigures = { states: number; transitions: number; depth: number; seconds: number; bytesPerState: number };
/** One row of the shape table: the general explorer's best run against the hand-specialized one's. */
function shapeRow(kind: string, name: string, g: ExploreFigures, h: SpecializedResult): string[] {
  const agree = g.states === h.states && g.transitions === h.transitions && g.depth === h.depth;
  const rate = (n: number, sec: number): string => String(Math.round(n / Math.max(sec, 1e-9)));
  return [
    kind, name, String(g.states), String(g.transitions), rate(g.states, g.seconds), rate(g.transitions, g.seconds), String(g.bytesPerState),
    rate(h.states, h.seconds), String(h.bytesPerState), agree ? (g.seconds / h.seconds).toFixed(2) : `counts differ: ${h.states}/${h.transitions}/${h.depth}`,
  ];
}
const channelRows = [
  { requests: 2, drop: 1, duplicate: 1, crashes: 1 },
  { requests: 2, drop: 2, duplicate: 2, crashes: 2 },
  { requests: 2, drop: 3, duplicate: 1, crashes: 3 },
  { requests: 3, drop: 1, duplicate: 1, crashes: 1 },
];
for (const p of quick ? channelRows.slice(0, 2) : channelRows) shape('channel-heavy', channelsDesign(p), () => exploreChannels(p));
const varRows = [{ pairs: 4, crashes: 2 }, { pairs: 5, crashes: 1 }];
for (const p of quick ? varRows.slice(0, 1) : varRows) shape('var-heavy', varsDesign(p), () => exploreVars(p));
const payloadRows: FamilyParams[] = [
  { requests: 1, budget: 2, values: 64 },
  { requests: 2, budget: 1, values: 8 },
];
for (const p of quick ? payloadRows.slice(0, 1) : payloadRows) shape('payload-heavy', registerDesign(p), () => exploreRegister(p));
shape('fifo (kv-register)', registerDesign({ requests: 2, budget: 1, values: 2 }), () => exploreRegister({ requests: 2, budget: 1, values: 2 }));

// Format version 2: Gray and Lamport's TwoPhase.tla (examples/v2/tla-two-phase.protocol.json) with
// 3 to 7 resource managers, the published family (288 configurations for 3, 50,816 for 6); each
// also a row of the shape table against bench/specialized/twoPhase.ts, run alternately.
function twoPhase(rms: number): ModelV2 {
  const d = JSON.parse(readFileSync(join(root, 'examples/v2/tla-two-phase.protocol.json'), 'utf8')) as { roles: { instances?: number }[] };
  d.roles[1]!.instances = rms;
  const r = loadDesignValueV2(d);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}
// Also in CPU seconds (process.cpuUsage): on the shared machine the wall clock measures the load.
const cpuRates: string[] = [];
for (const rms of quick ? [3, 4, 5] : [3, 4, 5, 6, 7]) shapeJobs.push(() => twoPhaseRun(rms));
function twoPhaseRun(rms: number): ShapeOutput {
  const m = twoPhase(rms);
  const timed = (maxSeconds: number) => {
    const before = process.cpuUsage();
    const t0 = performance.now();
    const r = exploreV2(m, { maxSeconds });
    const wall = (performance.now() - t0) / 1000; // unrounded (the result's `seconds` has 3 decimals)
    const used = process.cpuUsage(before);
    return { r, cpu: (used.user + used.system) / 1e6, wall };
  };
  // General and specialized alternately, as many runs as `shape` makes, once both are warm.
  warm(() => exploreV2(m, { maxSeconds: 30 }), () => exploreTwoPhase({ rms }));
  let best = timed(quick ? 3 : 30);
  let fastest = best;
  let hand = called(() => exploreTwoPhase({ rms }));
  for (let run = 1, spent = best.wall + hand.seconds; moreRuns(run, spent); run++) {
    const t = timed(30);
    const h = called(() => exploreTwoPhase({ rms }));
    spent += t.wall + h.seconds;
    if (t.cpu < best.cpu) best = t;
    if (t.wall < fastest.wall) fastest = t;
    if (h.seconds < hand.seconds) hand = h;
  }
  return {
    shape: shapeRow('v2 pool', `TwoPhase ${rms} RMs`, { ...fastest.r, seconds: fastest.wall }, hand),
    main: { name: `v2 TwoPhase ${rms} RMs`, r: best.r },
    cpu: `${rms} RMs ${Math.round(best.r.states / Math.max(best.cpu, 1e-6))}`,
  };
}

// Each shape row in a process of its own (see `ShapeOutput`): this script again with `--row=N`.
const ROW_LINE = 'shape-row ';
if (rowOnly) {
  console.log(ROW_LINE + JSON.stringify(shapeJobs[Number(rowOnly.slice('--row='.length))]!()));
  process.exit(0);
}
/**
 * Fresh processes per shape row: the best run in one process still moves from process to process
 * (channels r2 d1 u1 c1 alone, six processes in a row: 1.16–1.44), so a row shows the process
 * whose ratio is the median of three, with the range of the three beside it.
 */
const PROCESSES = quick ? 1 : 3;
const ratioOf = (out: ShapeOutput): number => Number(out.shape[out.shape.length - 1]);
for (let i = 0; i < shapeJobs.length; i++) {
  const flags = ['--shapes', ...(quick ? ['--quick'] : []), `--row=${i}`];
  const outs: ShapeOutput[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const child = spawnSync(process.execPath, [process.argv[1]!, ...flags], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.split('\n').find((l) => l.startsWith(ROW_LINE));
    if (!line) {
      console.log(`shape row ${i} failed (exit ${child.status}): ${child.stderr.slice(0, 300)}`);
      continue;
    }
    outs.push(JSON.parse(line.slice(ROW_LINE.length)) as ShapeOutput);
  }
  if (outs.length === 0) continue;
  // A process whose counts differ from the hand explorer's says so in its ratio cell: shown first.
  const differs = outs.find((o) => Number.isNaN(ratioOf(o)));
  const sorted = [...outs].sort((a, b) => ratioOf(a) - ratioOf(b));
  const out = differs ?? sorted[(sorted.length - 1) >> 1]!;
  const range = outs.length > 1 && !differs ? ` (${ratioOf(sorted[0]!).toFixed(2)}–${ratioOf(sorted.at(-1)!).toFixed(2)})` : '';
  shapeRows.push([...out.shape.slice(0, -1), out.shape.at(-1)! + range]);
  if (out.main && !shapesOnly) row(out.main.name, out.main.r);
  if (out.cpu) cpuRates.push(out.cpu);
}

// The command line end to end (npm, process start, load, explore, JSON out) on ~1M configurations:
// its `seconds` column is the wall time of the whole command, its states/s the states over that.
const big = registerDesign({ requests: 2, budget: 2, values: 5 }); // 1,259,403 configurations
if (shapesOnly) {
  print(shapeRows);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'ps-bench-'));
const file = join(dir, 'big.protocol.json');
writeFileSync(file, JSON.stringify(big));
spawnSync('npm', ['run', '-s', 'cli', '--', 'validate', file], { cwd: root }); // builds the CLI bundle if stale
// One thread (`--threads 1`) and the default (the machine's cores: the search splits after 0.15 s),
// alternating, so a change in the machine's speed hits both alike.
let explored = '';
for (let run = 0; run < (quick ? 1 : 4); run++) {
  for (const threads of ['1', 'default']) {
    const t0 = performance.now();
    const args = ['run', '-s', 'cli', '--', 'check', file, '--json', ...(threads === 'default' ? [] : ['--threads', threads])];
    const cli = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = (performance.now() - t0) / 1000;
    try {
      const r = JSON.parse(cli.stdout) as { verdict: string; states: number; transitions: number; seconds: number; bytesPerState: number; threads: number };
      row(`cli check ${String(big.name)} threads ${threads} (${r.threads}) #${run + 1}`, { ...r, seconds: wall });
      explored += ` ${r.seconds.toFixed(2)}`;
    } catch {
      console.log(`cli check failed (exit ${cli.status}): ${cli.stderr.slice(0, 300)}`);
    }
  }
}

function print(table: string[][]): void {
  const widths = table[0]!.map((_, k) => Math.max(...table.map((r) => r[k]!.length)));
  for (const r of table) console.log(r.map((c, k) => (k < 2 && table === shapeRows ? c.padEnd(widths[k]!) : k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));
}
print(rows);
console.log('');
print(shapeRows);
console.log(
  quick
    ? "time ratio (--quick): the general explorer's seconds over the hand-specialized one's, the best of two cold runs each in one process, without the warm-up: a smoke test of the table, not its measurement (run without --quick for that)"
    : `time ratio: the general explorer's seconds over the hand-specialized one's, each the wall time of the whole call (set-up and result included), the best of the alternating runs (small rows: a second of them, after a second untimed); each row in ${PROCESSES} processes of its own: the median process's row, the range of the ${PROCESSES} ratios in brackets`,
);
console.log(`v2 TwoPhase configurations per CPU second (best run): ${cpuRates.join(', ')}`);
if (kvRegister) console.log(`v1 kv-register configurations per CPU second (best of 5): ${kvCpuRate}`);
console.log(`\ncli rows: wall time of \`npm run -s cli -- check FILE --json [--threads 1]\` (in brackets: threads that took part); explore alone took${explored} s`);
