// The one place that says which Chromium the browser tests and benchmarks launch: the system's
// (this machine cannot download Playwright's own), else Playwright's, with the flags that keep a
// headless Chromium quiet on a closed network.
import { existsSync } from 'node:fs';

const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p) => typeof p === 'string' && p !== '' && existsSync(p),
);

export const chromiumLaunchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
