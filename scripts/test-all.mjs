#!/usr/bin/env node
// The one test command: type check, lint, unit and property tests (Vitest), browser tests
// (Playwright in real Chromium). Every runner runs even when an earlier one fails; the last line
// totals them as `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureTools } from './toolSetup.mjs';

mkdirSync('reports', { recursive: true });
const results = [];

function run(name, cmd, args, count) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NPM_CONFIG_LOGLEVEL: 'error' } });
  const code = r.status ?? 1;
  const counted = count(code);
  results.push({ name, ...counted });
  console.log(`=== ${name}: ${counted.passed} passed, ${counted.failed} failed`);
}

const single = (code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });

function fromJson(path, read, code) {
  if (!existsSync(path)) return { passed: 0, failed: 1 };
  try {
    const counted = read(JSON.parse(readFileSync(path, 'utf8')));
    // A runner that failed without a failing test (a crash, a config error) still counts as a failure.
    if (code !== 0 && counted.failed === 0) counted.failed = 1;
    return counted;
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const only = process.argv.slice(2);
const want = (k) => only.length === 0 || only.includes(k);

if (want('types')) run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json'], single);
if (want('lint')) run('lint', 'npx', ['eslint', '.', '--max-warnings=0'], single);
if (want('unit')) {
  // The Spin cross-check needs spin and gcc; a missing one is installed where the machine allows,
  // else named with its command (those tests then fail with the same sentence).
  if (existsSync('src/export/promela')) ensureTools(['spin', 'gcc']);
  rmSync('reports/vitest.json', { force: true });
  run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'], (code) =>
    fromJson('reports/vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0) }), code),
  );
}
if (want('e2e')) {
  rmSync('reports/playwright.json', { force: true });
  // A fresh machine gets its browser here (Playwright's download, else Debian's package as root);
  // when none can be had the browser tests stop before starting, with the command to run.
  const missing = ensureTools(['chromium']);
  if (missing.length > 0) {
    console.log(`\n=== e2e: not run. ${missing[0].sentence}`);
    results.push({ name: 'e2e', passed: 0, failed: 1 });
  } else run('e2e', 'npx', ['playwright', 'test'], (code) =>
    fromJson('reports/playwright.json', (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky + (j.errors?.length ?? 0) }), code),
  );
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of results) console.log(`${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
