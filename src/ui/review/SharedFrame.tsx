import type { ReactNode } from 'react';
import { SHARE_PREFIX } from '../../review/share';

/**
 * The frame of a design opened from a link, both format versions: with `embed`, the bare viewer
 * for docs and slides (name, pictures, a link to open it in full); else the read-only page with
 * "Save a copy", the description, the pictures and what `children` lists.
 */
export function SharedFrame({
  payload,
  embed,
  title,
  description,
  pictures,
  onSaveCopy,
  children,
}: {
  payload: string;
  embed: boolean;
  title: string;
  description: string | undefined;
  pictures: ReactNode;
  onSaveCopy: () => void;
  children: ReactNode;
}) {
  if (embed)
    return (
      <main className="shared shared--embed" aria-label="Design viewer">
        <h1>{title}</h1>
        {pictures}
        <a href={`${location.pathname}${SHARE_PREFIX}${payload}`} target="_blank" rel="noreferrer noopener">
          Open in Protocol Studio
        </a>
      </main>
    );
  return (
    <main className="shared" aria-label="Shared design">
      <header className="shared__bar">
        <span>
          <strong>Protocol Studio</strong> · shared design, read-only (it came in the link; nothing was sent anywhere)
        </span>
        <button type="button" className="primary" onClick={onSaveCopy}>
          Save a copy
        </button>
      </header>
      <h1>{title}</h1>
      {description && <p>{description}</p>}
      {children}
    </main>
  );
}
