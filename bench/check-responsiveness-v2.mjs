#!/usr/bin/env node
// Check responsiveness for a version-2 design: a check of TwoPhase with 7 resource managers
// (examples/v2/tla-two-phase.protocol.json, 296,448 configurations) started from the Check view
// of a version-2 design (`CheckV2`), the explorer in its Web Worker. Records the page's long
// tasks (PerformanceObserver 'longtask') and the largest requestAnimationFrame gap from the click
// on "Run check" to the verdict. Goal (issue 14): no main-thread task over 50 ms.
//
// Until the version-2 shell mounts CheckV2 in its Check mode, the view is mounted the way the
// shell will mount it by a harness page (bench/v2-check/), built here in production mode into
// its own folder: nothing is added to the app's build.
// Prints figures; asserts nothing. Usage: node bench/check-responsiveness-v2.mjs
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 4199);
const RMS = Number(process.env.RMS ?? 7);

// The harness's production build, served by `vite preview` from its own folder.
const out = `dist/bench-v2-check-${PORT}`;
const vite = join(root, 'node_modules/vite/bin/vite.js');
const config = ['--config', 'bench/v2-check/vite.config.ts'];
const built = spawnSync(process.execPath, [vite, 'build', ...config, '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build of the harness failed');
const server = spawn(process.execPath, [vite, 'preview', ...config, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', out], { cwd: root, stdio: 'ignore' });
const url = `http://127.0.0.1:${PORT}/bench/v2-check/index.html?rms=${RMS}`;
let browser;
try {
  for (let i = 0; i < 150; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Run check' }).waitFor();
  await page.waitForTimeout(1000); // let loading settle before measuring
  await page.evaluate(() => {
    const probe = { longTasks: [], frames: [], click: 0, verdict: 0, text: '' };
    window.__v2bench = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    const frame = (now) => {
      probe.frames.push(now);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('click', () => (probe.click = performance.now()), true);
    new MutationObserver(() => {
      const v = document.querySelector('[data-testid="verdict"]');
      if (v && !probe.verdict) {
        probe.verdict = performance.now();
        probe.text = v.textContent;
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Run check' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(500);
  const p = await page.evaluate(() => structuredClone(window.__v2bench));
  const to = p.verdict + 500;
  const tasks = p.longTasks.filter((t) => t.start + t.duration >= p.click && t.start <= to);
  const frames = p.frames.filter((t) => t >= p.click && t <= to);
  let maxGap = 0;
  for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i] - frames[i - 1]);
  const summary = await page.getByRole('region', { name: 'Check result' }).textContent();
  console.log(`check responsiveness v2: TwoPhase with ${RMS} RMs from CheckV2 (goal: no main-thread task over 50 ms)`);
  console.log(`  (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  console.log(`  verdict: ${p.text}`);
  console.log(`  ${/([\d,]+) configurations/.exec(summary)?.[0] ?? '?'} · click to verdict ${(p.verdict - p.click).toFixed(0)} ms`);
  console.log(`  long tasks (>= 50 ms): ${tasks.length}; longest: ${tasks.length ? `${Math.max(...tasks.map((t) => t.duration)).toFixed(0)} ms` : 'none (< 50 ms)'}`);
  console.log(`  frames: ${frames.length}; largest frame gap: ${maxGap.toFixed(0)} ms`);
  // Where each long task fell: after the click, and relative to the verdict (negative: before it).
  for (const t of tasks) console.log(`    ${t.duration.toFixed(0)} ms task at click+${(t.start - p.click).toFixed(0)} ms (verdict${t.start - p.verdict >= 0 ? '+' : ''}${(t.start - p.verdict).toFixed(0)} ms)`);
} finally {
  await browser?.close();
  server.kill();
}
