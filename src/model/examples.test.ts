import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples } from '../../examples';
import { loadDesign, loadDesignValue } from './load';

describe('the example gallery', () => {
  it('has the four lessons', () => {
    expect(examples.map((e) => e.slug)).toEqual(['payment-retried', 'payment-idempotent', 'ack-before-write', 'leader-epoch']);
  });
  it.each(examples.map((e) => [e.slug, e] as const))('%s validates, with ids, layout and a 2-4 sentence description', (slug, example) => {
    const text = readFileSync(join(__dirname, '../../examples', `${slug}.protocol.json`), 'utf8');
    const r = loadDesign(text);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(loadDesignValue(example.design).ok).toBe(true);
    const design = example.design;
    expect(design.transitions.every((t) => typeof t.id === 'string')).toBe(true);
    expect(Object.keys(design.layout ?? {}).sort()).toEqual(design.states.map((s) => s.name).sort());
    const sentences = (design.description ?? '').split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(example.title.length).toBeGreaterThan(0);
    expect(example.lesson.length).toBeGreaterThan(0);
  });
  it('the idempotent payment differs from the retried one only by its dedupe key and text', () => {
    const [retried, idempotent] = examples;
    const strip = (d: unknown) => JSON.parse(JSON.stringify(d, (k, v: unknown) => (k === 'name' || k === 'description' || k === 'idempotency' ? undefined : v)));
    expect(strip(idempotent!.design.events)).toEqual(strip(retried!.design.events));
    expect(strip(idempotent!.design.transitions)).toEqual(strip(retried!.design.transitions));
    expect(idempotent!.design.events[0]!.idempotency).toBe('durable');
  });
});
