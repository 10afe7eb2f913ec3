/**
 * A design carried in a link's fragment: `#share=` + base64url of the deflate-raw compressed JSON
 * (CompressionStream, in every current browser and in Node). The fragment is never sent to a
 * server, so sharing sends the design nowhere. Decoding is bounded: a link that inflates past the
 * design size limit is refused, not inflated into memory.
 */
import { LIMITS } from '../model/limits';

export const SHARE_PREFIX = '#share=';
/** An embed link: the same payload, shown as a read-only viewer with no editor around it. */
export const EMBED_PREFIX = '#embed=';

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment payload for a design's JSON text. */
export async function encodeShare(designText: string): Promise<string> {
  const packed = await pipe(
    new TextEncoder().encode(designText),
    new CompressionStream('deflate-raw'),
    Number.MAX_SAFE_INTEGER,
  );
  return toBase64Url(packed);
}

/** The design text a payload carries, or a sentence saying why it cannot be read. */
export async function decodeShare(
  payload: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length === 0)
    return { ok: false, message: 'The link does not carry a design (its fragment is not valid base64url).' };
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), LIMITS.fileBytes);
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch (e) {
    return e instanceof Error && e.message === 'too large'
      ? {
          ok: false,
          message: `The link's design is larger than ${LIMITS.fileBytes} bytes; it was not opened.`,
        }
      : { ok: false, message: 'The link is damaged: its design cannot be decompressed.' };
  }
}

/** Splits a location hash into the kind of link and its payload, or null for any other hash. */
export function parseShareHash(hash: string): { mode: 'share' | 'embed'; payload: string } | null {
  if (hash.startsWith(SHARE_PREFIX)) return { mode: 'share', payload: hash.slice(SHARE_PREFIX.length) };
  if (hash.startsWith(EMBED_PREFIX)) return { mode: 'embed', payload: hash.slice(EMBED_PREFIX.length) };
  return null;
}
