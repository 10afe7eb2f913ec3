// Takes a picture of the canvas for each payment example, from an app already being served:
//   node scripts/canvas-screenshots.mjs --url http://127.0.0.1:4173 --out docs --tag after
// writes docs/canvas-payment-retried-after.png and docs/canvas-payment-idempotent-after.png.
// Pictures change only through this explicit command (the tests never write them).
import { readFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4173' },
    out: { type: 'string', default: 'docs' },
    tag: { type: 'string', default: 'after' },
    theme: { type: 'string', default: 'light' },
  },
});

const examples = ['payment-retried', 'payment-idempotent'];
mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: values.theme === 'dark' ? 'dark' : 'light' });
  await page.goto(values.url);
  await page.getByRole('group', { name: /^State / }).first().waitFor();
  for (const name of examples) {
    const text = readFileSync(`examples/${name}.protocol.json`, 'utf8');
    await page.evaluate((t) => window.__protocolStudio.openDesign(t), text);
    const design = JSON.parse(text);
    for (const s of design.states) await page.getByRole('group', { name: `State ${s.name}`, exact: true }).waitFor();
    await page.waitForTimeout(800); // fit-view animation
    const file = `${values.out}/canvas-${name}-${values.tag}.png`;
    await page.getByRole('application').screenshot({ path: file });
    console.log(file);
  }
} finally {
  await browser.close();
}
