#!/usr/bin/env node
// Editor benchmark: a generated design with 300 states and 600 transitions, opened in the app
// through its test hook. Prints time to interactive and pan/zoom frames per second (median of three
// windows) with renderer CPU time per frame; asserts nothing.
// Usage: node bench/editor.mjs [URL]   (without a URL it builds and serves the app).
import { openApp, withApp } from './browser.mjs';

const STATES = 300;
const TRANSITIONS = 600;
const PORT = Number(process.env.BENCH_PORT ?? 4199);

function generateDesign() {
  const states = Array.from({ length: STATES }, (_, i) => ({
    name: `S${i}`,
    ...(i === 0 ? { initial: true } : {}),
  }));
  const events = ['Start', 'Step', 'Jump', 'Reset'].map((name) => ({ name, source: 'client' }));
  const transitions = [];
  for (let i = 0; transitions.length < TRANSITIONS; i++) {
    const from = i % STATES;
    const to = transitions.length < STATES ? (from + 1) % STATES : (from + 17) % STATES;
    transitions.push({
      from: `S${from}`,
      event: events[i % 4].name,
      to: `S${to}`,
      ...(i % 5 === 0 ? { guard: 'true' } : {}),
    });
  }
  const layout = Object.fromEntries(
    states.map((s, i) => [s.name, { x: (i % 20) * 240, y: Math.floor(i / 20) * 160 }]),
  );
  return {
    format: 'protocol-studio',
    version: 1,
    name: 'Benchmark 300 x 600',
    vars: [],
    states,
    events,
    transitions,
    invariants: [],
    layout,
  };
}

await withApp(process.argv[2], PORT, async (browser, url) => {
  const page = await openApp(browser, url);
  const design = JSON.stringify(generateDesign());

  const tti = await page.evaluate(
    async ([json, states, transitions]) => {
      const t0 = performance.now();
      await window.__protocolStudio.openDesign(json);
      await new Promise((resolve) => {
        const check = () => {
          const nodes = document.querySelectorAll('.react-flow__node').length;
          const edges = document.querySelectorAll('.react-flow__edge').length;
          if (nodes === states && edges === transitions) requestAnimationFrame(() => resolve());
          else requestAnimationFrame(check);
        };
        check();
      });
      return performance.now() - t0;
    },
    [design, STATES, TRANSITIONS],
  );

  // Frames per second depend on what else runs on this 2-core machine; CPU time per frame (the
  // renderer process, from the DevTools protocol) varies much less, so both are printed, and each
  // mode runs three 2-second windows after a short warm-up, reporting the median.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpuTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0;
  };
  const window2s = (zoomed) =>
    page.evaluate(async (zoomIn) => {
      const set = window.__protocolStudio.setViewport;
      let frames = 0;
      const t0 = performance.now();
      await new Promise((resolve) => {
        const tick = (now) => {
          const t = (now - t0) / 1000;
          if (t >= 2) return resolve();
          frames++;
          const zoom = zoomIn ? 1.2 + 0.3 * Math.sin(t * 3) : 0.25 + 0.1 * Math.sin(t * 3);
          set({ x: -200 - 600 * Math.sin(t * 2), y: -100 - 300 * Math.cos(t * 2), zoom });
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { frames, fps: frames / ((performance.now() - t0) / 1000) };
    }, zoomed);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const measure = async (zoomed) => {
    await page.waitForTimeout(300);
    const fps = [];
    const cpu = [];
    for (let i = 0; i < 3; i++) {
      const before = await cpuTime();
      const w = await window2s(zoomed);
      fps.push(w.fps);
      cpu.push((((await cpuTime()) - before) * 1000) / Math.max(1, w.frames));
    }
    return `${median(fps).toFixed(1)} fps (runs ${fps.map((f) => f.toFixed(0)).join(', ')}), ${median(cpu).toFixed(1)} ms CPU/frame`;
  };

  const overview = await measure(false);
  const closeUp = await measure(true);
  console.log(`editor benchmark: ${STATES} states, ${TRANSITIONS} transitions`);
  console.log(`  time to interactive: ${tti.toFixed(0)} ms`);
  console.log(`  pan/zoom, whole graph in view: ${overview}`);
  console.log(`  pan/zoom, zoomed in:           ${closeUp}`);
});
