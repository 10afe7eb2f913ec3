import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, parseShareHash } from './share';
import { retried } from './testDesigns';

describe('a design carried in a link fragment', () => {
  it('round-trips the exact design text, compressed into URL-safe characters', async () => {
    const text = JSON.stringify(retried(), null, 2);
    const payload = await encodeShare(text);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(text.length);
    expect(await decodeShare(payload)).toEqual({ ok: true, text });
  });

  it('refuses damaged links and bombs with a sentence, never an exception', async () => {
    expect(await decodeShare('not base64!')).toMatchObject({ ok: false });
    expect(await decodeShare('AAAA')).toMatchObject({ ok: false });
    const bomb = await encodeShare(' '.repeat(3 * 1024 * 1024));
    const refused = await decodeShare(bomb);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('larger than');
  });

  it('tells share links from embed links and from other fragments', () => {
    expect(parseShareHash('#share=abc')).toEqual({ mode: 'share', payload: 'abc' });
    expect(parseShareHash('#embed=abc')).toEqual({ mode: 'embed', payload: 'abc' });
    expect(parseShareHash('#other')).toBeNull();
  });
});
