import { useMemo, type KeyboardEvent } from 'react';
import type { DesignV2 } from '../../model/v2/schema';
import { diagramSvg, svgDataUrl } from '../../review/diagramSvg';
import { diffPicturesV2, pictureSummaryV2 } from '../../review/v2/diffPictureV2';

/**
 * The picture of a change between two versions of a design of several participants: one
 * diagram per role (`diffPicturesV2`), stacked as the editor's swimlanes, each an image (no user
 * text reaches the DOM as markup) whose text alternative says what changed. Each role's figure
 * takes focus (Tab, or ↑/↓ between roles) so the pictures can be read and scrolled from the keyboard.
 */
export function DiffPicturesV2({ before, after, title }: { before: DesignV2; after: DesignV2; title: string }) {
  const pictures = useMemo(
    () =>
      diffPicturesV2(before, after).map((p) => {
        const summary = pictureSummaryV2(p);
        return { role: p.role, mark: p.mark, summary, url: svgDataUrl(diagramSvg(p.diagram, `${summary}, diff ${title}`)) };
      }),
    [before, after, title],
  );
  const move = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const figures = [...e.currentTarget.querySelectorAll<HTMLElement>('figure')];
    const at = figures.indexOf(document.activeElement as HTMLElement);
    const next = figures[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <section className="review-diff__roles" aria-label="Changes per role" onKeyDown={move}>
      {pictures.map((p) => (
        <figure key={p.role} tabIndex={0} aria-label={p.summary} className={`review-diff__role ${p.mark}`} data-mark={p.mark}>
          <figcaption>
            <strong>{p.role}</strong> <span className={p.mark === 'unchanged' ? undefined : p.mark}>{p.mark === 'unchanged' ? 'unchanged' : `role ${p.mark}`}</span>
          </figcaption>
          <img src={p.url} alt={p.summary} />
        </figure>
      ))}
    </section>
  );
}
