#!/usr/bin/env node
// The shared part of the browser benchmarks (editor.mjs, check-responsiveness.mjs): build the
// app, serve it with `vite preview`, launch the same Chromium as playwright.config.ts. Measures
// nothing itself; `scripts/bench.mjs` runs every bench/*.mjs, so running this file directly
// just says so and exits.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Vite's own entry run by node (not through `npx`), so that stopping the server stops vite
// itself: killing an `npx` wrapper leaves its vite child serving the port.
const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

// Same browser choice as playwright.config.ts.
export const launchOptions = chromiumLaunchOptions;

const listening = (url) =>
  fetch(url).then(
    () => true,
    () => false,
  );
const answers = (url) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Builds the app into its own folder and serves it on the first free port from `wanted`;
 * resolves once the page answers.
 */
export async function serve(wanted) {
  // A server left on a port (another run, another engineer) would answer instead of this build.
  let port = wanted;
  while (await listening(`http://127.0.0.1:${port}/`))
    if (++port > wanted + 20) throw new Error('no free port: set BENCH_PORT');
  const url = `http://127.0.0.1:${port}/`;
  const out = `dist/app-bench-${port}`;
  const build = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'error', '--outDir', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn(
    process.execPath,
    [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', out],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  for (let i = 0; i < 100 && !exited; i++) {
    if ((await answers(url)) && !exited) return { url, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(
    exited
      ? `vite preview could not listen on port ${port} (set BENCH_PORT)`
      : 'preview server did not start',
  );
}

/**
 * Serves the app (or uses `givenUrl` when it is an http URL), launches Chromium, runs
 * `body(browser, url)`, and always closes both.
 */
export async function withApp(givenUrl, port, body) {
  // `scripts/bench.mjs` passes its own flags (e.g. --quick) along: only a URL names a server.
  const server = givenUrl?.startsWith('http') ? { url: givenUrl, stop: () => {} } : await serve(port);
  let browser;
  try {
    browser = await chromium.launch(launchOptions);
    return await body(browser, server.url);
  } finally {
    await browser?.close();
    server.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log('bench/browser.mjs: shared set-up of the browser benchmarks; nothing to measure here.');
}

/** Opens the app in a new 1280x720 page and waits until its start-up document is drawn (else it would replace ours). */
export async function openApp(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.waitForFunction(
    () => window.__protocolStudio?.setViewport !== undefined && document.querySelector('.react-flow__node') !== null,
  );
  return page;
}
