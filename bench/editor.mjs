#!/usr/bin/env node
// Editor benchmark: a generated design with 300 states and 600 transitions, opened in the app
// through its test hook. Prints time to interactive and pan/zoom frames per second; asserts
// nothing. Usage: node bench/editor.mjs [URL]   (without a URL it builds and serves the app).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const STATES = 300;
const TRANSITIONS = 600;
const PORT = Number(process.env.BENCH_PORT ?? 4199);

function generateDesign() {
  const states = Array.from({ length: STATES }, (_, i) => ({ name: `S${i}`, ...(i === 0 ? { initial: true } : {}) }));
  const events = ['Start', 'Step', 'Jump', 'Reset'].map((name) => ({ name, source: 'client' }));
  const transitions = [];
  for (let i = 0; transitions.length < TRANSITIONS; i++) {
    const from = i % STATES;
    const to = transitions.length < STATES ? (from + 1) % STATES : (from + 17) % STATES;
    transitions.push({ from: `S${from}`, event: events[i % 4].name, to: `S${to}`, ...(i % 5 === 0 ? { guard: 'true' } : {}) });
  }
  const layout = Object.fromEntries(states.map((s, i) => [s.name, { x: (i % 20) * 240, y: Math.floor(i / 20) * 160 }]));
  return { format: 'protocol-studio', version: 1, name: 'Benchmark 300 x 600', vars: [], states, events, transitions, invariants: [], layout };
}

// Same browser choice as playwright.config.ts.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => typeof p === 'string' && p !== '' && existsSync(p));
const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

async function serve() {
  const out = 'dist/app-bench';
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', out], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error('preview server did not start');
}

const given = process.argv[2];
const server = given ? { url: given, stop: () => {} } : await serve();
const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__protocolStudio?.setViewport !== undefined && document.querySelector('.react-flow__node') !== null);
  const design = JSON.stringify(generateDesign());

  const tti = await page.evaluate(async ([json, states, transitions]) => {
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
  }, [design, STATES, TRANSITIONS]);

  const measure = (zoomed) =>
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
      return frames / ((performance.now() - t0) / 1000);
    }, zoomed);

  const overview = await measure(false);
  const closeUp = await measure(true);
  console.log(`editor benchmark: ${STATES} states, ${TRANSITIONS} transitions`);
  console.log(`  time to interactive: ${tti.toFixed(0)} ms`);
  console.log(`  pan/zoom, whole graph in view: ${overview.toFixed(1)} fps`);
  console.log(`  pan/zoom, zoomed in:           ${closeUp.toFixed(1)} fps`);
} finally {
  await browser.close();
  server.stop();
}
