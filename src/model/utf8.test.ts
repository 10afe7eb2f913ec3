import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from './utf8';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 of every length', () => {
    expect(decodeUtf8(new TextEncoder().encode('aé€😀'))).toEqual({ ok: true, text: 'aé€😀' });
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte instead of replacing it', () => {
    expect(decodeUtf8(bytes(0x7b, 0x22, 0xff, 0x22))).toEqual({ ok: false, offset: 2 });
    expect(decodeUtf8(bytes(0x61, 0xc3))).toEqual({ ok: false, offset: 1 }); // cut short
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1); // a surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // beyond U+10FFFF
    expect(firstInvalidUtf8(new TextEncoder().encode('ok €'))).toBe(-1);
  });
});
