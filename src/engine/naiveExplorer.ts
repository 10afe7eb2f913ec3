import type { Model } from '../model/model';
import { applyStep } from './apply';
import { checkConfiguration } from './checks';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps } from './enabled';

/**
 * A deliberately naive explorer: readable configurations as JSON strings in a Set, levels as
 * arrays, the counting rules of §6-§7 and nothing else. The packed explorer must agree with it.
 * Test-only (`properties.test.ts`, `flatMemo.test.ts`).
 */
export function naiveExplore(model: Model): { verdict: string; states: number; transitions: number; depth: number; found: string[] } {
  const init = initialConfiguration(model);
  const seen = new Set([JSON.stringify(init)]);
  const found = new Set(checkConfiguration(model, init).map((v) => `${v.kind}:${v.name}`));
  if (found.size > 0) return { verdict: 'violation', states: 1, transitions: 0, depth: 0, found: [...found] };
  let transitions = 0;
  let level: Configuration[] = [init];
  for (let depth = 0; ; depth++) {
    const next: Configuration[] = [];
    for (const c of level) {
      const steps = enabledSteps(model, c);
      transitions += steps.length;
      for (const s of steps) {
        const out = applyStep(model, c, s, { checkConfiguration: false });
        for (const v of out.violations) found.add(`${v.kind}:${v.name}`);
        if (!out.next) continue;
        const key = JSON.stringify(out.next);
        if (seen.has(key)) continue;
        seen.add(key);
        const vs = checkConfiguration(model, out.next);
        for (const v of vs) found.add(`${v.kind}:${v.name}`);
        if (vs.length === 0) next.push(out.next);
      }
    }
    if (found.size > 0) return { verdict: 'violation', states: seen.size, transitions, depth: depth + 1, found: [...found] };
    if (next.length === 0) return { verdict: 'ok', states: seen.size, transitions, depth, found: [] };
    level = next;
  }
}
