import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Use the system Chromium when there is one (this machine cannot download Playwright's own);
// a user with Playwright's browsers installed gets them when neither path exists.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p): p is string => typeof p === 'string' && p !== '' && existsSync(p),
);

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
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel error --outDir dist/app-${port} && npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir dist/app-${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
