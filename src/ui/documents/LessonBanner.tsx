import { useState } from 'react';
import { examples } from '../../../examples';
import { useWorkspace } from '../../store/useWorkspace';

/** The lesson of the example the open document came from, with what to look at and what to try. */
export function LessonBanner() {
  const lesson = useWorkspace((w) => w.lesson);
  const currentId = useWorkspace((w) => w.currentId);
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  if (!lesson || hiddenFor === currentId) return null;
  const example = examples.find((e) => e.lesson === lesson);
  return (
    <div className="lesson" role="note" aria-label="Lesson">
      <div>
        <strong>Lesson:</strong> {lesson}
        {example && (
          <details className="lesson__more">
            <summary>What to look at, what to try</summary>
            <p>{example.look}</p>
            <ol aria-label="Try this">
              {example.tryThis.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ol>
          </details>
        )}
      </div>
      <button type="button" aria-label="Hide lesson" onClick={() => setHiddenFor(currentId)}>
        ✕
      </button>
    </div>
  );
}
