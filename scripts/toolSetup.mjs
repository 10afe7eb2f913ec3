// What the test command needs from the machine beyond npm (a Chromium for the browser tests;
// Spin and gcc for the Promela engine), and how to get each on a fresh machine: the decision is
// pure (`planTool`) so it is tested without a machine that lacks the tool; `ensureTools` carries
// it out.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';

/** The tools, each with where it may already be and how it can be installed. */
export const TOOLS = {
  chromium: {
    purpose: 'the browser tests',
    // Same order as scripts/chromium.mjs: $CHROMIUM_PATH, Debian's, then Playwright's own.
    candidates: (env) => [env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()],
    playwright: true,
    apt: 'chromium',
  },
  spin: { purpose: 'the Spin cross-check', candidates: (env, exists) => [onPath('spin', env, exists)], apt: 'spin' },
  gcc: { purpose: 'the Spin cross-check', candidates: (env, exists) => [onPath('gcc', env, exists)], apt: 'gcc' },
};

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

function onPath(name, env, exists) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && exists(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Decide, from facts about the machine, what to do for one tool: use what is there, try the
 * installers that can work here in order, or stop with the one command a person should run.
 * facts: { found: string|undefined, isRoot, hasApt } — all plain values.
 */
export function planTool(name, tool, facts) {
  if (facts.found) return { kind: 'ready', path: facts.found };
  const installs = [];
  if (tool.playwright) installs.push({ label: 'Playwright', cmd: 'npx', args: ['playwright', 'install', 'chromium'] });
  if (tool.apt && facts.hasApt && facts.isRoot) {
    installs.push({ label: "Debian's package", cmd: 'sh', args: ['-c', `apt-get update -qq && apt-get install -y -qq --reinstall ${tool.apt}`] });
  }
  return { kind: 'install', installs, otherwise: missingSentence(name, tool, facts) };
}

/** The one sentence printed when a tool cannot be had: it names the command to run. */
export function missingSentence(name, tool, facts) {
  const sudo = facts.isRoot ? '' : 'sudo ';
  const cmd = tool.playwright
    ? `${sudo}apt-get install -y ${tool.apt} (or: npx playwright install chromium)`
    : `${sudo}apt-get install -y ${tool.apt}`;
  return `No ${name} for ${tool.purpose}: run \`${cmd}\`${tool.playwright ? ', or set CHROMIUM_PATH to a Chromium' : ''}, then npm test again.`;
}

export function machineFacts(env = process.env) {
  return {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version'),
  };
}

export function findTool(tool, env, exists = existsSync) {
  return tool.candidates(env, exists).find((p) => typeof p === 'string' && p !== '' && exists(p));
}

/**
 * Make sure each named tool is there, installing it when this machine allows. Returns the names
 * that could not be had, each with its sentence (already printed).
 */
export function ensureTools(
  names,
  { env = process.env, facts = machineFacts(env), exists = existsSync, run = runQuietly, log = console.log } = {},
) {
  const missing = [];
  for (const name of names) {
    const tool = TOOLS[name];
    const plan = planTool(name, tool, { ...facts, found: findTool(tool, env, exists) });
    if (plan.kind === 'ready') continue;
    let found;
    for (const step of plan.installs) {
      log(`${name} is missing: installing it with ${step.label} (${[step.cmd, ...step.args].join(' ')})`);
      run(step.cmd, step.args);
      found = findTool(tool, env, exists);
      if (found) break;
    }
    if (found) {
      log(`${name}: ${found}`);
      continue;
    }
    log(plan.otherwise);
    missing.push({ name, sentence: plan.otherwise });
  }
  return missing;
}

function runQuietly(cmd, args) {
  // Bounded: an unreachable download host must not hold the test command for long.
  spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
}
