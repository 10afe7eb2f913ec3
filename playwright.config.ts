import { defineConfig, devices } from '@playwright/test';
// The system Chromium when there is one, else Playwright's own (shared with the benchmarks).
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// Each concurrent run (or developer) may pick its own port.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: port === 4173 ? 'test-results' : `test-results/port-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: port === 4173 ? 'reports/playwright.json' : `reports/playwright-${port}.json` }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npx vite build --logLevel error --outDir dist/app-${port} && npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir dist/app-${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
