import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { TOOLS, ensureTools, findTool, planTool } from './toolSetup.mjs';

type Fact = { isRoot: boolean; hasApt: boolean };
const root: Fact = { isRoot: true, hasApt: true };
const user: Fact = { isRoot: false, hasApt: true };
const env = { PATH: '/bin:/usr/bin' };

/** A machine where only the given paths exist, and installers that make paths appear. */
function machine(present: string[], installs: Record<string, string> = {}) {
  const files = new Set(present);
  const ran: string[] = [];
  const lines: string[] = [];
  return {
    ran,
    lines,
    exists: (p: string) => files.has(p),
    run: (cmd: string, args: string[]) => {
      const line = [cmd, ...args].join(' ');
      ran.push(line);
      for (const [needle, path] of Object.entries(installs)) if (line.includes(needle)) files.add(path);
    },
    log: (l: string) => lines.push(l),
  };
}

describe('which browser the tests use', () => {
  it('prefers CHROMIUM_PATH, then Debian, then Playwright', () => {
    const m = machine(['/opt/c', '/usr/bin/chromium']);
    expect(findTool(TOOLS.chromium, { CHROMIUM_PATH: '/opt/c' }, m.exists)).toBe('/opt/c');
    expect(findTool(TOOLS.chromium, { CHROMIUM_PATH: '/nowhere' }, m.exists)).toBe('/usr/bin/chromium');
  });

  it('uses a browser that is there without installing anything', () => {
    const m = machine(['/usr/bin/chromium']);
    expect(ensureTools(['chromium'], { env, facts: root, ...m })).toEqual([]);
    expect(m.ran).toEqual([]);
  });

  it("tries Playwright's download first, then Debian's package as root", () => {
    const m = machine([], { 'apt-get install -y -qq --reinstall chromium': '/usr/bin/chromium' });
    expect(ensureTools(['chromium'], { env, facts: root, ...m })).toEqual([]);
    expect(m.ran).toEqual(['npx playwright install chromium', 'sh -c apt-get update -qq && apt-get install -y -qq --reinstall chromium']);
  });

  it('stops at Playwright when its download works', () => {
    const m = machine([], { 'playwright install': '/usr/bin/chromium' });
    ensureTools(['chromium'], { env, facts: root, ...m });
    expect(m.ran).toEqual(['npx playwright install chromium']);
  });

  it('names the one command to run when no browser can be had', () => {
    const m = machine([]);
    const missing = ensureTools(['chromium'], { env, facts: user, ...m });
    expect(m.ran).toEqual(['npx playwright install chromium']); // no apt-get without root
    expect(missing).toHaveLength(1);
    expect(missing[0].sentence).toBe(
      'No chromium for the browser tests: run `sudo apt-get install -y chromium (or: npx playwright install chromium)`, or set CHROMIUM_PATH to a Chromium, then npm test again.',
    );
    expect(m.lines.at(-1)).toBe(missing[0].sentence);
  });
});

describe('spin and gcc', () => {
  it('are found on PATH', () => {
    const m = machine(['/usr/bin/spin']);
    expect(findTool(TOOLS.spin, env, m.exists)).toBe('/usr/bin/spin');
    expect(findTool(TOOLS.gcc, env, m.exists)).toBeUndefined();
  });

  it("install from Debian's packages only (no Playwright step)", () => {
    expect(planTool('spin', TOOLS.spin, { ...root, found: undefined }).installs.map((s: { label: string }) => s.label)).toEqual([
      "Debian's package",
    ]);
    expect(planTool('gcc', TOOLS.gcc, { isRoot: true, hasApt: false, found: undefined })).toEqual({
      kind: 'install',
      installs: [],
      otherwise: 'No gcc for the Spin cross-check: run `apt-get install -y gcc`, then npm test again.',
    });
  });
});
