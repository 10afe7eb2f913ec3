import { describe, expect, it } from 'vitest';
import { linksOf, mergedLinks, ParentLinks } from './parentLinks';

describe('parent links', () => {
  it('gives back every parent and step index, wide ones and chunk edges included', () => {
    const links = new ParentLinks();
    const n = 40_000; // three chunks
    for (let i = 0; i < n; i++) links.add(i - 1, i === 0 ? -1 : (i * 7) % 300);
    const read = linksOf(links.data());
    const wrong: number[] = [];
    for (let i = 1; i < n; i++) if (read.parent(i) !== i - 1 || read.step(i) !== (i * 7) % 300) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(read.parent(0)).toBe(-1);
    expect(read.parent(n)).toBe(-1);
    expect(links.bytes).toBeLessThan(n * 5 + (1 << 14) * 5 + 16 * (n / 300 + 1) * 45);
  });

  it('reads several threads\' links by id = thread + count × number', () => {
    const a = new ParentLinks(), b = new ParentLinks();
    a.add(-1, -1); // id 0
    b.add(0, 3); // id 1
    a.add(1, 300); // id 2
    const read = mergedLinks([a.data(), b.data()], 2);
    expect([read.parent(2), read.step(2), read.parent(1), read.step(1), read.parent(0)]).toEqual([1, 300, 0, 3, -1]);
    expect(read.parent(3)).toBe(-1); // never stored
  });
});
