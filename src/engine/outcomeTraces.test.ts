import { describe, expect, it } from 'vitest';
import { examples } from '../../examples';
import { loadDesignValue } from '../model/load';
import type { Model } from '../model/model';
import { applyStep } from './apply';
import { initialConfiguration, type Configuration } from './configuration';
import { enabledSteps, isQuiescent } from './enabled';
import { explore } from './explorer';

function model(slug: string): Model {
  const loaded = loadDesignValue(examples.find((e) => e.slug === slug)!.design);
  if (!loaded.ok) throw new Error('example does not load');
  return loaded.model;
}

/** Replays step labels through the readable engine; null when a label is not enabled. */
function replay(m: Model, labels: readonly string[]): Configuration | null {
  let config = initialConfiguration(m);
  for (const label of labels) {
    const step = enabledSteps(m, config).find((s) => s.label === label);
    if (!step) return null;
    const next = applyStep(m, config, step).next;
    if (!next) return null;
    config = next;
  }
  return config;
}

describe('a shortest trace per client outcome', () => {
  it('is reported for each outcome counted, and ends quiescent with a client in that outcome', () => {
    const m = model('payment-idempotent');
    const result = explore(m);
    for (const k of ['ok', 'error', 'ambiguous'] as const) {
      const labels = result.outcomeTraces?.[k];
      expect(labels === undefined).toBe(result.outcomes[k] === 0);
      if (!labels) continue;
      const end = replay(m, labels);
      expect(end).not.toBeNull();
      expect(isQuiescent(m, end!)).toBe(true);
      expect(end!.clients.some((c) => c.status === k)).toBe(true);
    }
    expect(result.outcomes.ambiguous).toBeGreaterThan(0);
  });

  it('is a shortest one: no quiescent configuration with that outcome is reached in fewer steps', () => {
    const m = model('payment-idempotent');
    const labels = explore(m).outcomeTraces!.ambiguous!;
    // Breadth-first over every run shorter than the trace: none ends quiescent and ambiguous.
    let frontier: Configuration[] = [initialConfiguration(m)];
    for (let depth = 0; depth < labels.length; depth++) {
      for (const c of frontier) expect(isQuiescent(m, c) && c.clients.some((x) => x.status === 'ambiguous')).toBe(false);
      const next = new Map<string, Configuration>();
      for (const c of frontier) for (const s of enabledSteps(m, c)) {
        const n = applyStep(m, c, s).next;
        if (n) next.set(JSON.stringify(n), n);
      }
      frontier = [...next.values()];
    }
  });
});
