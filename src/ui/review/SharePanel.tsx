import { useEffect, useState } from 'react';
import { xml } from '../../review/escape';
import { EMBED_PREFIX, SHARE_PREFIX, encodeShare } from '../../review/share';

/**
 * A link that carries the open design in its fragment (compressed; the fragment never leaves the
 * browser), and an `<iframe>` snippet for the read-only viewer in docs and slides. Either format.
 */
export function SharePanel({ design }: { design: { readonly name: string } }) {
  const [payload, setPayload] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void encodeShare(JSON.stringify(design)).then((p) => live && setPayload(p));
    return () => {
      live = false;
    };
  }, [design]);
  const base = `${location.origin}${location.pathname}`;
  const link = payload === null ? '' : `${base}${SHARE_PREFIX}${payload}`;
  // The snippet is pasted into someone else's HTML: the name goes through the HTML escaper.
  const embed =
    payload === null
      ? ''
      : `<iframe src="${xml(`${base}${EMBED_PREFIX}${payload}`)}" title="${xml(design.name)}" width="720" height="420" style="border:1px solid #cbd5e1"></iframe>`;
  return (
    <section aria-label="Share">
      <p>
        The design travels inside the link, after the <code>#</code>: nothing is uploaded. The link opens
        read-only, with “Save a copy”.
      </p>
      <label className="review-share">
        Share link
        <input readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        disabled={!link}
        onClick={() => void navigator.clipboard?.writeText(link).catch(() => undefined)}
      >
        Copy link
      </button>
      <label className="review-share">
        Embed (read-only viewer)
        <textarea readOnly rows={3} value={embed} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        disabled={!embed}
        onClick={() => void navigator.clipboard?.writeText(embed).catch(() => undefined)}
      >
        Copy embed code
      </button>
    </section>
  );
}
